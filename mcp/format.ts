/**
 * Tool results as text an assistant can quote: one line per item, sentences verbatim and in quotes, each with
 * the issue it comes from (title, publication and number, date) and the ids to call the next tool with.
 */
import type { DocumentRef } from '../contract/api.ts';

/** `"Title" (The Tokenizer #14, 2025-07-31)` */
export function issueLabel(d: DocumentRef): string {
  const where = [d.publication ? `${d.publication}${d.issue ? ` #${d.issue}` : ''}` : d.issue ? `#${d.issue}` : null, d.date ?? 'undated']
    .filter(Boolean)
    .join(', ');
  return `"${d.title}" (${where})`;
}

/** `"Title" (The Tokenizer #14, undated) [issue id 3d6b…]` */
export const issueCite = (d: DocumentRef) => `${issueLabel(d)} [issue ${d.id}${d.url ? `, ${d.url}` : ''}]`;

export const quote = (s: string) => `"${s.replace(/\s+/g, ' ').trim()}"`;

export const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

export const range = (offset: number, count: number, total: number) =>
  count === 0 ? `none of ${total}` : `${offset + 1}–${offset + count} of ${total}`;

export const lines = (...parts: (string | false | null | undefined | string[])[]) =>
  parts.flatMap((p) => (Array.isArray(p) ? p : p ? [p] : [])).join('\n');

/** A JSON value on one line, cut to `max` characters (the whole value stays in structuredContent). */
export function compactJson(value: unknown, max = 300): string {
  const s = JSON.stringify(value) ?? 'null';
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
