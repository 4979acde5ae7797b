import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { DocumentRecord } from '../model.ts';
import { parseDate } from './dates.ts';
import { inferMetadata } from './metadata.ts';

export interface KnownMeta {
  title?: string | null;
  publication?: string | null;
  issue?: string | null;
  date?: string | null;
  url?: string | null;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function identityPart(value: string | null): string {
  return (value ?? '').normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** "notes/2025-07-31 My Issue.MD" and "other/2025-07-31-my-issue.md" share one identity. */
function normalisedFileName(path: string): string {
  return identityPart(basename(path).replace(/\.[a-z0-9]+$/i, ''));
}

/**
 * The id hashes what identifies an issue independently of where the file lives, so the same issue
 * re-ingested from another folder maps onto the same node.
 */
export function documentId(meta: { publication: string | null; issue: string | null; title: string | null }, path: string): string {
  const parts = [meta.publication, meta.issue, meta.title].map(identityPart).filter(Boolean);
  const key = parts.length > 0 ? `meta:${parts.join('|')}` : `file:${normalisedFileName(path)}`;
  return sha256(key).slice(0, 16);
}

export function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

/** Builds the record; explicit metadata (front matter, feed fields) wins over inference. */
export function makeDocument(path: string, text: string, known: KnownMeta = {}): DocumentRecord {
  const inferred = inferMetadata(text, basename(path));
  const date = known.date ? (parseDate(known.date) ?? inferred.date) : inferred.date;
  const meta = {
    title: (known.title ?? inferred.title ?? basename(path)).replace(/\s+/g, ' ').trim(),
    publication: known.publication ?? inferred.publication,
    issue: known.issue ?? inferred.issue,
    date,
    url: known.url ?? null,
  };
  const contentHash = sha256(JSON.stringify([text, meta.title, meta.publication, meta.issue, meta.date, meta.url]));
  return { id: documentId(meta, path), path, ...meta, text, contentHash, wordCount: countWords(text) };
}
