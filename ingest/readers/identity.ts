import { createHash } from 'node:crypto';
import { basename } from 'node:path';

/**
 * What identifies an issue, strongest first. The same issue is one document wherever its file lives or however
 * often its feed is fetched; distinct issues never share an identity however alike their titles are (a daily
 * digest titled "not much happened today" a hundred times). Each row names the fields it needs.
 */
export interface IdentityFields {
  url: string | null;
  postId: string | null;
  publication: string | null;
  date: string | null;
  title: string | null;
  issue: string | null;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function part(value: string | null): string {
  return (value ?? '').normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Scheme, `www.`, a trailing slash, tracking parameters and the fragment do not make another issue. */
export function canonicalUrl(url: string): string {
  try {
    const u = new URL(url);
    for (const key of [...u.searchParams.keys()]) if (/^(?:utm_|ref$|s$|source$|r$)/i.test(key)) u.searchParams.delete(key);
    const query = u.searchParams.toString();
    return `${u.hostname.replace(/^www\./, '').toLowerCase()}${u.pathname.replace(/\/+$/, '')}${query ? `?${query}` : ''}`;
  } catch {
    return url.trim();
  }
}

/** "notes/2025-07-31 My Issue.MD" and "other/2025-07-31-my-issue.md" share one identity. */
export function normalisedFileName(path: string): string {
  return part(basename(path.replace(/#.*$/, '')).replace(/\.[a-z0-9]+$/i, '')) + (path.includes('#') ? ` ${part(path.slice(path.indexOf('#')))}` : '');
}

export function identityKey(f: IdentityFields, path: string): string {
  if (f.url) return `url:${canonicalUrl(f.url)}`;
  if (f.postId) return `post:${part(f.publication)}|${part(f.postId)}`;
  // A title alone is not an identity (many issues share one): it needs a date or an issue number beside it.
  if (f.title && (f.date || f.issue)) return `meta:${[f.publication, f.date, f.issue, f.title].map(part).join('|')}`;
  return `file:${normalisedFileName(path)}`;
}

export const idOf = (identity: string): string => sha256(identity).slice(0, 16);

/**
 * The id an earlier version gave this document (publication | issue | title, else the file name): an ingest
 * finds a store built that way by it and replaces what it wrote.
 */
export function legacyDocumentId(meta: { publication: string | null; issue: string | null; title: string | null }, path: string): string {
  const parts = [meta.publication, meta.issue, meta.title].map(part).filter(Boolean);
  const key = parts.length > 0 ? `meta:${parts.join('|')}` : `file:${part(basename(path).replace(/\.[a-z0-9]+$/i, ''))}`;
  return sha256(key).slice(0, 16);
}

/** The identity of a second input that shares another's identity but not its content: its file name joins it. */
export function distinctIdentity<T extends { identity?: string; id: string; path: string }>(doc: T): T {
  const identity = `${doc.identity ?? `file:${normalisedFileName(doc.path)}`}#${normalisedFileName(doc.path)}`;
  return { ...doc, identity, id: idOf(identity) };
}
