/**
 * Generates larger corpora for the benchmarks (ignored by git; never committed): `tsx bench/scale-corpus.ts 10 30`
 * writes bench/corpus/potw-x10/ and potw-x30/ from the potw issues; `tsx bench/scale-corpus.ts --mix 5 10` writes
 * bench/corpus/mix-x5/ and mix-x10/ from all four shared corpora (seeds, potw, interconnects, ainews).
 *
 * Each copy of an issue renames the entities the extractor found in it, so a ×N corpus has about N× the long-tail
 * entities rather than N copies of the same ones:
 *   - methods, models, benchmarks, papers, tools, datasets and labs that are not in the curated lexicon get a
 *     letter substitution (consonants permuted, vowels, case, digits and punctuation kept) that is fixed per copy,
 *     so "Group Relative Policy Optimization (GRPO)" becomes e.g. "Bkoif Kelavuwe Fotuty Ofvumuhaveop (BKFO)":
 *     an acronym still abbreviates its expansion, and a name is spelt the same everywhere in that copy;
 *   - people keep their first name and get their surname substituted ("Yann LeCun" → "Yann KeMil");
 *   - lexicon entities (OpenAI, GPT-4o, GRPO, …) are kept: they are the hubs every issue shares.
 * The markdown source is rewritten (tables, links and lists stay as they are) with a front matter giving each copy
 * its own title, so every copy is a distinct document. Deterministic: a fixed seed per copy.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractAllFast } from '../ingest/extract/parallel.ts';
import type { DocumentRecord, EntityType } from '../ingest/model.ts';
import { readInputs } from '../ingest/readers/index.ts';
import { entityId } from '../ingest/resolve/registry.ts';
import { LEXICON } from '../ingest/rules/lexicon.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(HERE, '..');
export const SHARED_CORPUS = process.env.SHARED_CORPUS ? resolve(process.env.SHARED_CORPUS) : resolve(REPO, '../shared/corpus');
const SCALED_DIR = join(HERE, 'corpus');

const CONSONANTS = 'bcdfghjklmnpqrstvwxz';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A consonant permutation for copy k (no fixed points, so every renamed name changes). */
function cipherFor(copy: number): (s: string) => string {
  const rand = rng(0x5eed + copy * 7919);
  const letters = [...CONSONANTS];
  let perm: string[];
  do {
    perm = [...letters];
    for (let i = perm.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [perm[i], perm[j]] = [perm[j]!, perm[i]!];
    }
  } while (perm.some((c, i) => c === letters[i]));
  const map = new Map<string, string>();
  letters.forEach((c, i) => {
    map.set(c, perm[i]!);
    map.set(c.toUpperCase(), perm[i]!.toUpperCase());
  });
  return (s) => s.replace(/[a-zA-Z]/g, (c) => map.get(c) ?? c);
}

const LEXICON_IDS = new Set(LEXICON.map((e) => entityId(e.type, e.name)));

interface Surface {
  text: string;
  type: EntityType;
}

/** The surfaces to rename in each document (by document id), from one extraction of the source corpus. */
async function surfacesByDocument(docs: DocumentRecord[]): Promise<Map<string, Surface[]>> {
  const result = await extractAllFast(docs);
  const byDoc = new Map<string, Map<string, Surface>>();
  for (const e of result.entities) {
    if (LEXICON_IDS.has(e.id)) continue;
    for (const m of e.mentions) {
      if (m.text.length < 3 || !/[\p{Lu}\p{N}]/u.test(m.text)) continue;
      const map = byDoc.get(m.documentId) ?? new Map<string, Surface>();
      if (!map.has(m.text)) map.set(m.text, { text: m.text, type: e.type });
      byDoc.set(m.documentId, map);
    }
  }
  return new Map([...byDoc].map(([id, m]) => [id, [...m.values()].sort((a, b) => b.text.length - a.text.length || (a.text < b.text ? -1 : 1))]));
}

function rename(surface: Surface, cipher: (s: string) => string): string {
  if (surface.type !== 'Person') return cipher(surface.text);
  const words = surface.text.split(' ');
  return words.length > 1 ? [words[0], ...words.slice(1).map(cipher)].join(' ') : cipher(surface.text);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function rewrite(source: string, surfaces: Surface[], cipher: (s: string) => string): string {
  if (surfaces.length === 0) return source;
  const replacement = new Map(surfaces.map((s) => [s.text, rename(s, cipher)]));
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${surfaces.map((s) => escape(s.text)).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return source.replace(re, (m) => replacement.get(m) ?? m);
}

function frontMatter(doc: DocumentRecord, copy: number): string {
  const q = (s: string) => JSON.stringify(s);
  const lines = [`title: ${q(`${doc.title} (bench copy ${copy})`)}`, `publication: ${q(doc.publication ?? 'potw')}`];
  if (doc.date) lines.push(`date: ${q(doc.date)}`);
  if (doc.issue) lines.push(`issue: ${q(`${doc.issue}-${copy}`)}`);
  return `---\n${lines.join('\n')}\n---\n`;
}

/** Builds bench/corpus/potw-x<factor> unless it exists with the expected file count. Returns its path. */
export async function scaleCorpus(factor: number, log: (s: string) => void = console.log): Promise<string | null> {
  const src = join(SHARED_CORPUS, 'potw');
  if (!existsSync(src)) {
    log(`scale-corpus: ${src} not found (set SHARED_CORPUS): skipping`);
    return null;
  }
  const out = join(SCALED_DIR, `potw-x${factor}`);
  const files = readdirSync(src).filter((f) => f.endsWith('.md')).sort();
  if (existsSync(out) && readdirSync(out).filter((f) => f.endsWith('.md')).length === files.length * factor) return out;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const docs: DocumentRecord[] = [];
  for await (const o of readInputs(files.map((f) => join(src, f)))) if (o.kind === 'document') docs.push(o.doc);
  const byPath = new Map(docs.map((d) => [basename(d.path), d]));
  const surfaces = await surfacesByDocument(docs);
  for (let copy = 1; copy <= factor; copy++) {
    const cipher = cipherFor(copy);
    for (const file of files) {
      const doc = byPath.get(file);
      if (!doc) continue;
      const raw = readFileSync(join(src, file), 'utf8');
      const body = rewrite(raw, surfaces.get(doc.id) ?? [], cipher);
      writeFileSync(join(out, `c${String(copy).padStart(2, '0')}_${file}`), frontMatter(doc, copy) + body);
    }
  }
  log(`scale-corpus: wrote ${files.length * factor} issues to ${out}`);
  return out;
}

/** The real archives the benchmark mixes: every shared corpus that is there. */
export const MIX_SOURCES = ['seeds', 'potw', 'interconnects', 'ainews'];

const FM_IDENTITY = /^(title|post_id|guid|uuid|url|canonical_url|canonical|permalink|link|issue|edition|episode|number):[ \t]*(.*)$/;

/**
 * A copy's own identity in an existing front matter: its title, ids and URLs get the copy's suffix, each rewritten
 * as one double-quoted YAML line (a folded `>-` block included).
 */
function retitle(source: string, copy: number): string {
  const end = source.startsWith('---\n') ? source.indexOf('\n---', 4) : -1;
  if (end < 0) return source;
  const lines = source.slice(0, end).split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = FM_IDENTITY.exec(lines[i]!);
    if (!m) {
      out.push(lines[i]!);
      continue;
    }
    let value = m[2]!.trim();
    if (/^[>|][+-]?$/.test(value)) {
      const block: string[] = [];
      while (i + 1 < lines.length && /^\s+\S/.test(lines[i + 1]!)) block.push(lines[++i]!.trim());
      value = block.join(' ');
    } else if ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'"))) {
      value = value.length > 1 ? value.slice(1, -1) : '';
    }
    if (!value) {
      out.push(lines[i]!);
      continue;
    }
    out.push(`${m[1]}: ${JSON.stringify(`${value}${m[1] === 'title' ? ` (bench copy ${copy})` : `-bench-copy-${copy}`}`)}`);
  }
  return out.join('\n') + source.slice(end);
}

/**
 * Builds bench/corpus/mix-x<factor>/<corpus>/c<NN>_<file> from the shared corpora (MIX_SOURCES): `factor` renamed
 * copies of every file, as scaleCorpus does for potw (entities renamed per copy, lexicon hubs kept); markdown keeps
 * its front matter with the copy's own title, ids and URLs (or gets one), plain text files keep their text. Built
 * once (a `.complete` marker holds the file count). Returns the folder, or null without the shared corpora.
 */
export async function scaleMix(factor: number, log: (s: string) => void = console.log): Promise<string | null> {
  const sources = MIX_SOURCES.map((d) => join(SHARED_CORPUS, d)).filter((d) => existsSync(d));
  if (sources.length === 0) {
    log(`scale-corpus: no shared corpus under ${SHARED_CORPUS} (set SHARED_CORPUS): skipping`);
    return null;
  }
  const out = join(SCALED_DIR, `mix-x${factor}`);
  const files = sources.flatMap((dir) => readdirSync(dir).filter((f) => /\.(md|txt)$/.test(f)).sort().map((f) => join(dir, f)));
  const marker = join(out, '.complete');
  if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === String(files.length * factor)) return out;
  rmSync(out, { recursive: true, force: true });
  const docs: DocumentRecord[] = [];
  for await (const o of readInputs(files)) if (o.kind === 'document') docs.push(o.doc);
  // Archives reuse identities ("not much happened today"): one id per file here, so each file gets its own surfaces.
  const byPath = new Map(docs.map((d, i) => [d.path, { ...d, id: `${i}:${d.id}` }]));
  const surfaces = await surfacesByDocument([...byPath.values()]);
  for (let copy = 1; copy <= factor; copy++) {
    const cipher = cipherFor(copy);
    for (const path of files) {
      const doc = byPath.get(path);
      if (!doc) continue;
      const dir = join(out, basename(dirname(path)));
      mkdirSync(dir, { recursive: true });
      const body = rewrite(readFileSync(path, 'utf8'), surfaces.get(doc.id) ?? [], cipher);
      const text = !path.endsWith('.md') ? body : body.startsWith('---\n') ? retitle(body, copy) : frontMatter(doc, copy) + body;
      writeFileSync(join(dir, `c${String(copy).padStart(2, '0')}_${basename(path)}`), text);
    }
  }
  writeFileSync(marker, String(files.length * factor));
  log(`scale-corpus: wrote ${files.length * factor} issues to ${out}`);
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const mix = args.includes('--mix');
  const factors = args.map(Number).filter((n) => n > 0);
  for (const f of factors.length ? factors : [10, 30]) await (mix ? scaleMix(f) : scaleCorpus(f));
}
