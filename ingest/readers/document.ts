import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { DocumentFact, DocumentRecord, StructureSpan } from '../model.ts';
import { parseDate } from './dates.ts';
import { idOf, identityKey } from './identity.ts';
import { inferMetadata } from './metadata.ts';
import { speakerLabels } from './speakers.ts';

export interface KnownMeta {
  title?: string | null;
  publication?: string | null;
  issue?: string | null;
  date?: string | null;
  url?: string | null;
  postId?: string | null;
}

export interface ReadText {
  text: string;
  structure?: StructureSpan[];
  facts?: DocumentFact[];
  warnings?: string[];
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

/** Builds the record; explicit metadata (front matter, feed fields) wins over inference. */
export function makeDocument(path: string, read: ReadText | string, known: KnownMeta = {}): DocumentRecord {
  const { text, structure = [], facts = [], warnings = [] } = typeof read === 'string' ? { text: read } : read;
  const inferred = inferMetadata(text, basename(path));
  const date = known.date ? (parseDate(known.date) ?? inferred.date) : inferred.date;
  const meta = {
    title: (known.title ?? inferred.title ?? basename(path)).replace(/\s+/g, ' ').trim(),
    publication: known.publication ?? inferred.publication,
    issue: known.issue ?? inferred.issue,
    date,
    url: known.url ?? null,
  };
  const identity = identityKey({ ...meta, postId: known.postId ?? null }, path);
  const withSpeakers = [...structure, ...speakerLabels(text, structure)].sort((a, b) => a.start - b.start || b.end - a.end);
  const contentHash = sha256(JSON.stringify([text, meta.title, meta.publication, meta.issue, meta.date, meta.url, facts]));
  return {
    id: idOf(identity),
    identity,
    path,
    ...meta,
    text,
    contentHash,
    wordCount: countWords(text),
    structure: withSpeakers,
    facts,
    warnings,
  };
}
