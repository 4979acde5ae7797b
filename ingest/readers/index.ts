import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { DocumentRecord } from '../model.ts';
import { DEFAULT_MAX_BYTES, decodeText } from './decode.ts';
import { makeDocument } from './document.ts';
import { isFeed, readFeed } from './feed.ts';
import { htmlToText } from './html.ts';
import { splitFrontMatter } from './front-matter.ts';
import { markdownToText } from './markdown.ts';
import { tidyText } from './plain.ts';
import { sourceHash } from './fingerprint.ts';

export type ReadOutcome = { kind: 'document'; doc: DocumentRecord } | { kind: 'skipped'; path: string; reason: string };

export interface ReadOptions {
  maxBytes?: number;
}

const TEXT_EXT = new Set(['.txt', '.text']);
const MARKDOWN_EXT = new Set(['.md', '.markdown']);
const HTML_EXT = new Set(['.html', '.htm']);
const FEED_EXT = new Set(['.xml', '.rss', '.atom']);
const SUPPORTED = new Set([...TEXT_EXT, ...MARKDOWN_EXT, ...HTML_EXT, ...FEED_EXT]);

const skipped = (path: string, reason: string): ReadOutcome => ({ kind: 'skipped', path, reason });

/** Parses already-decoded text according to the file type. */
export function readSource(path: string, source: string, ext: string): ReadOutcome[] {
  if (FEED_EXT.has(ext) || (ext === '' && isFeed(source))) return readFeed(source, path);
  if (HTML_EXT.has(ext)) {
    const { title, text, structure } = htmlToText(source);
    if (!text) return [skipped(path, 'HTML document has no text')];
    return [{ kind: 'document', doc: makeDocument(path, { text, structure }, { title }) }];
  }
  if (MARKDOWN_EXT.has(ext)) {
    // A broken front matter costs a warning, never the body.
    const { meta, body, warnings } = splitFrontMatter(source);
    const { text, structure } = markdownToText(body);
    if (!text) return [skipped(path, 'markdown document has no text')];
    return [{ kind: 'document', doc: makeDocument(path, { text, structure, facts: meta.facts, warnings }, meta) }];
  }
  if (TEXT_EXT.has(ext)) return [{ kind: 'document', doc: makeDocument(path, tidyText(source)) }];
  return [skipped(path, `unsupported file type "${ext || '(none)'}"`)];
}

/** A file whose source hash the caller knew: not parsed (see readInputsIncremental). */
export interface UnchangedFile {
  kind: 'unchanged';
  path: string;
  sourceHash: string;
}

async function readLocalFile(path: string, maxBytes: number, isUnchanged?: (path: string, sourceHash: string) => boolean): Promise<Array<ReadOutcome | UnchangedFile>> {
  const ext = extname(path).toLowerCase();
  if (!SUPPORTED.has(ext)) return [skipped(path, `unsupported file type "${ext || '(none)'}"`)];
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    // Checked before reading so a huge file never lands in memory.
    if (info.size > maxBytes) return [skipped(path, `file too large: ${info.size} bytes > maxBytes ${maxBytes}`)];
    bytes = await readFile(path);
  } catch (error) {
    return [skipped(path, `unreadable: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)];
  }
  const hash = isUnchanged ? sourceHash(bytes) : undefined;
  if (hash && isUnchanged!(path, hash)) return [{ kind: 'unchanged', path, sourceHash: hash }];
  const decoded = decodeText(bytes, maxBytes);
  if (!decoded.ok) return [skipped(path, decoded.reason)];
  const out = readSource(path, decoded.text, ext);
  // Only a file that is one document can later be known unchanged by its bytes (a feed's items come and go).
  if (hash && out.length === 1 && out[0]!.kind === 'document') out[0]!.doc.sourceHash = hash;
  return out;
}

async function readUrl(url: string, maxBytes: number): Promise<ReadOutcome[]> {
  let bytes: Uint8Array;
  try {
    const response = await fetch(url, { headers: { accept: 'application/rss+xml, application/atom+xml, application/xml, text/xml' } });
    if (!response.ok) return [skipped(url, `HTTP ${response.status} ${response.statusText}`.trim())];
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    return [skipped(url, `fetch failed: ${(error as Error).message}`)];
  }
  const decoded = decodeText(bytes, maxBytes);
  if (!decoded.ok) return [skipped(url, decoded.reason)];
  if (!isFeed(decoded.text)) return [skipped(url, 'URL did not return an RSS or Atom feed')];
  return readFeed(decoded.text, url);
}

/** Supported files under a folder, depth-first in code-unit order so runs are reproducible. */
async function listFolder(dir: string): Promise<string[]> {
  const found: string[] = [];
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop()!;
    const entries = await readdir(current, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = join(current, entry.name);
      if (entry.isDirectory()) pending.push(full);
      else if (entry.isFile() && SUPPORTED.has(extname(entry.name).toLowerCase())) found.push(full);
    }
  }
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** How many local files the inputs name (folders walked, URLs not counted): the denominator of a progress ETA. */
export async function countInputFiles(inputs: string[]): Promise<number> {
  let n = 0;
  for (const input of inputs) {
    if (/^https?:\/\//i.test(input)) continue;
    try {
      n += (await stat(input)).isDirectory() ? (await listFolder(input)).length : 1;
    } catch {
      // unreadable inputs are reported by readInputs
    }
  }
  return n;
}

/**
 * Reads files, folders (recursively) and RSS/Atom URLs. Inputs are handled in the order given;
 * a folder's files come out sorted. Unreadable inputs are yielded as `skipped`, never thrown.
 */
export async function* readInputs(inputs: string[], opts: ReadOptions = {}): AsyncGenerator<ReadOutcome> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!(maxBytes > 0)) throw new RangeError(`maxBytes must be a positive number, got ${String(opts.maxBytes)}`);
  for (const input of inputs) {
    if (/^https?:\/\//i.test(input)) {
      yield* await readUrl(input, maxBytes);
      continue;
    }
    let isDir = false;
    try {
      isDir = (await stat(input)).isDirectory();
    } catch (error) {
      yield skipped(input, `unreadable: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      continue;
    }
    const files = isDir ? await listFolder(input) : [input];
    for (const file of files) yield* (await readLocalFile(file, maxBytes)) as ReadOutcome[];
  }
}

/**
 * readInputs for an ingest that knows what it stored: each local file's bytes are hashed first (sourceHash) and
 * `isUnchanged(path, hash)` decides whether to parse it at all; a file it knows comes out as `unchanged`. Every
 * document read from a single-document file carries its `sourceHash`, to be stored beside it.
 */
export async function* readInputsIncremental(
  inputs: string[],
  opts: ReadOptions & { isUnchanged: (path: string, sourceHash: string) => boolean },
): AsyncGenerator<ReadOutcome | UnchangedFile> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!(maxBytes > 0)) throw new RangeError(`maxBytes must be a positive number, got ${String(opts.maxBytes)}`);
  for (const input of inputs) {
    if (/^https?:\/\//i.test(input)) {
      yield* await readUrl(input, maxBytes);
      continue;
    }
    let isDir = false;
    try {
      isDir = (await stat(input)).isDirectory();
    } catch (error) {
      yield skipped(input, `unreadable: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      continue;
    }
    const files = isDir ? await listFolder(input) : [input];
    for (const file of files) yield* await readLocalFile(file, maxBytes, opts.isUnchanged);
  }
}
