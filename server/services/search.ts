/**
 * Entity search over the `entity_search` full-text index (name + aliases), and issue search over
 * `document_search` (title + publication). The user's text never reaches Lucene's parser as is: it is cut into
 * words the way the index's analyzer cuts them (core/search-text.ts: "Qwen2.5", "4.5" and "humanity's" stay
 * whole), every word is escaped, and each becomes `word^3 OR word*^2 OR word~1` (exact, prefix, one typo). The
 * typo branch is only for words of 4+ characters without digits (a version number with one digit changed is
 * another model: "GPT-4.5" must not find "GPT-4.1"), and only in queries of one or two words (a fuzzy term
 * expands into many index terms; longer queries are selective enough without it). All words must match.
 *
 * Two more spellings of the same query are ORed in, because people and newsletters write names both ways:
 * letters and digits apart ("qwen2.5" also as qwen 2.5) and the words run together ("Qwen 2.5" also as qwen2.5).
 * A word with an apostrophe matches either apostrophe ("Humanity's" finds "Humanity’s Last Exam").
 *
 * Lucene's score alone ranks "GPT-4-Turbo" above "GPT-4" for "gpt-4", so candidates are re-ranked here: exact
 * name, exact alias, name prefix, alias prefix, every word a word (or word prefix) of the name or an alias, and
 * only then what the typo branch found — inside a tier by Lucene's score nudged by how often the entity is mentioned.
 */
import type { Driver } from 'neo4j-driver';
import type { DocumentHit, SearchHit, SearchResponse } from '../../contract/api.ts';
import { apostropheVariants, APOSTROPHES, searchKey, searchTokens, splitLetterDigit } from '../../core/search-text.ts';
import type { EntityType } from '../../core/vocabulary.ts';
import { QUERIES } from '../../cypher/queries.ts';
import { int, readRows } from './db.ts';

/** Every character Lucene's classic query parser gives a meaning to (`&&`/`||` need only one `&`/`|` escaped). */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
export const escapeLucene = (s: string) => s.replace(LUCENE_SPECIAL, (c) => `\\${c}`);

/** Queries with more words than this get no typo branch. */
const FUZZY_MAX_TOKENS = 2;
/** Words kept of a query (the input is capped at 200 characters anyway). */
const MAX_TOKENS = 12;
/** Candidates asked of the index for re-ranking (at least; twice the page when the page is bigger). */
const MIN_CANDIDATES = 25;

function wordClause(word: string, fuzzy: boolean): string {
  const forms = apostropheVariants(word).map(escapeLucene);
  const parts = forms.flatMap((f) => [`${f}^3`, `${f}*^2`]);
  // A possessive typed without its apostrophe ("Humanitys") still finds it, whichever apostrophe the name has.
  if (forms.length === 1 && word.length >= 4 && word.endsWith('s') && /\p{L}s$/u.test(word)) {
    const stem = escapeLucene(word.slice(0, -1));
    parts.push(`${stem}'s^2`, `${stem}\u2019s^2`);
  }
  if (fuzzy && word.length >= 4 && !/\p{N}/u.test(word)) parts.push(`${forms[0]}~1`);
  return `(${parts.join(' OR ')})`;
}

/** The spellings of a query that are searched, each a list of words that must all match. */
export function querySpellings(q: string): { words: string[]; fuzzy: boolean }[] {
  const words = searchTokens(q).slice(0, MAX_TOKENS);
  if (!words.length) return [];
  const out = new Map<string, { words: string[]; fuzzy: boolean }>();
  const add = (ws: string[], fuzzy: boolean) => out.has(ws.join(' ')) || out.set(ws.join(' '), { words: ws, fuzzy });
  add(words, words.length <= FUZZY_MAX_TOKENS);
  const apart = words.flatMap(splitLetterDigit).slice(0, MAX_TOKENS);
  add(apart, apart.length <= FUZZY_MAX_TOKENS);
  // Run together, the words are one long term: a typo branch on it would add nothing selective.
  if (words.length > 1) add([words.join('')], false);
  return [...out.values()];
}

/** The Lucene query for `q`, or null when it has no words. `phraseField` gets a boost for the words in order. */
export function luceneQuery(q: string, phraseField = 'name'): string | null {
  const spellings = querySpellings(q);
  if (!spellings.length) return null;
  const groups = spellings.map(({ words, fuzzy }) => words.map((w) => wordClause(w, fuzzy)).join(' AND '));
  const words = spellings[0]!.words;
  const phrases =
    words.length > 1
      ? [...new Set([words.join(' '), words.join(' ').replace(APOSTROPHES, "'"), words.join(' ').replace(APOSTROPHES, '\u2019')])].map(
          // A phrase boost lets "nathan lambert" beat entities that merely contain both words.
          (p) => `(${phraseField}:"${escapeLucene(p)}"^4)`,
        )
      : [];
  const all = [...phrases, ...groups.map((g) => (groups.length > 1 || phrases.length ? `(${g})` : g))];
  return all.join(' OR ');
}

/** True when every query word is a word, or the start of a word, of `name` (apostrophes ignored). */
function wordsMatch(queryWords: string[], name: string): boolean {
  const words = searchTokens(name).map((w) => w.replace(APOSTROPHES, ''));
  return queryWords.every((q) => words.some((w) => w.startsWith(q)));
}

/** 5 exact name · 4 exact alias · 3 name prefix · 2 alias prefix · 1 every word matches · 0 typo matches only. */
export function matchTier(q: string, name: string, aliases: readonly string[] = []): number {
  const key = searchKey(q);
  if (!key) return 0;
  const nameKey = searchKey(name);
  const aliasKeys = aliases.map(searchKey);
  if (nameKey === key) return 5;
  if (aliasKeys.includes(key)) return 4;
  if (nameKey.startsWith(key)) return 3;
  if (aliasKeys.some((a) => a.startsWith(key))) return 2;
  const queryWords = searchTokens(q).map((w) => w.replace(APOSTROPHES, ''));
  if ([name, ...aliases].some((n) => wordsMatch(queryWords, n))) return 1;
  return 0;
}

const nudged = (tier: number, score: number, weight: number) => Math.round((tier * 1000 + score * (1 + 0.25 * Math.log10(1 + weight))) * 1000) / 1000;

export function rankHits(q: string, candidates: SearchHit[]): SearchHit[] {
  return candidates
    .map((h) => ({ ...h, score: nudged(matchTier(q, h.name, h.aliases), h.score, h.mentionCount) }))
    .sort((a, b) => b.score - a.score || b.mentionCount - a.mentionCount || a.name.localeCompare(b.name));
}

/** Issues: exact title, then title prefix, then word matches, then the rest; newer first among equals. */
export function rankDocuments(q: string, candidates: DocumentHit[]): DocumentHit[] {
  return candidates
    .map((d) => ({ ...d, score: nudged(matchTier(q, d.title, d.publication ? [d.publication] : []), d.score, 0) }))
    .sort((a, b) => b.score - a.score || (b.date ?? '').localeCompare(a.date ?? '') || a.title.localeCompare(b.title));
}

export interface SearchInput {
  q: string;
  types?: EntityType[];
  /** Only entities mentioned in an issue dated within [from, to] (YYYY-MM-DD, either bound optional). */
  from?: string;
  to?: string;
  limit: number;
}

export async function searchEntities(driver: Driver, input: SearchInput): Promise<SearchResponse> {
  const lucene = luceneQuery(input.q);
  if (!lucene) return { query: input.q, hits: [] };
  const candidates = Math.max(MIN_CANDIDATES, input.limit * 2);
  const filtered = Boolean(input.types?.length || input.from || input.to);
  const hits = await readRows<SearchHit>(driver, QUERIES.search, {
    lucene,
    types: input.types?.length ? input.types : null,
    from: input.from ?? null,
    to: input.to ?? null,
    candidates: int(candidates),
    // Type and date filtering happen after the index, so ask it for more when filtering.
    indexLimit: int(filtered ? candidates * 10 : candidates),
  });
  return { query: input.q, hits: rankHits(input.q, hits).slice(0, input.limit) };
}

export async function searchDocuments(driver: Driver, input: { q: string; from?: string; to?: string; limit: number }): Promise<DocumentHit[]> {
  const lucene = luceneQuery(input.q, 'title');
  if (!lucene || input.limit === 0) return [];
  const candidates = Math.max(MIN_CANDIDATES, input.limit * 2);
  const docs = await readRows<DocumentHit>(driver, QUERIES.searchDocuments, {
    lucene,
    from: input.from ?? null,
    to: input.to ?? null,
    candidates: int(candidates),
    indexLimit: int(input.from || input.to ? candidates * 10 : candidates),
  });
  return rankDocuments(input.q, docs).slice(0, input.limit);
}

/** GET /api/search: entities and, beside them, issues by title. */
export async function search(driver: Driver, input: SearchInput & { docLimit: number }): Promise<SearchResponse> {
  // Issues are searched only when asked for: the second full-text query costs about as much as the first.
  const [entities, documents] = await Promise.all([
    searchEntities(driver, input),
    input.docLimit > 0 ? searchDocuments(driver, { ...input, limit: input.docLimit }) : Promise.resolve([]),
  ]);
  return { ...entities, documents };
}
