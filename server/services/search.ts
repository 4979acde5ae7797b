/**
 * Entity search over the `entity_search` full-text index (name + aliases). The user's text never reaches
 * Lucene's parser as is: it is split the way the index's analyzer splits (letters and digits), every token is
 * escaped, and each becomes `token^3 OR token*^2 OR token~1` (exact, prefix, one typo; the typo branch only
 * from 4 characters, where a single edit is still selective, and only in queries of one or two tokens: a fuzzy
 * term expands into many index terms, and longer queries are selective enough without it). All tokens must match.
 *
 * Lucene's score alone ranks "GPT-4-Turbo" above "GPT-4" for "gpt-4", so candidates are re-ranked here:
 * exact name, then exact alias, then name prefix (ignoring case and punctuation), then Lucene's score nudged
 * by how often the entity is mentioned.
 */
import type { Driver } from 'neo4j-driver';
import type { SearchHit, SearchResponse } from '../../contract/api.ts';
import type { EntityType } from '../../core/vocabulary.ts';
import { QUERIES } from '../../cypher/queries.ts';
import { int, readRows } from './db.ts';

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
const escapeLucene = (s: string) => s.replace(LUCENE_SPECIAL, (c) => `\\${c}`);

const tokenize = (s: string) =>
  s
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** Queries with more tokens than this get no typo branch. */
const FUZZY_MAX_TOKENS = 2;
/** Candidates asked of the index for re-ranking (at least; twice the page when the page is bigger). */
const MIN_CANDIDATES = 25;

export function luceneQuery(q: string): string | null {
  const tokens = tokenize(q).slice(0, 12);
  if (tokens.length === 0) return null;
  const fuzzy = tokens.length <= FUZZY_MAX_TOKENS;
  const clauses = tokens.map((t) => {
    const e = escapeLucene(t);
    return fuzzy && t.length >= 4 ? `(${e}^3 OR ${e}*^2 OR ${e}~1)` : `(${e}^3 OR ${e}*^2)`;
  });
  const all = clauses.join(' AND ');
  // A phrase boost on the name lets "nathan lambert" beat entities that merely contain both words.
  return tokens.length > 1 ? `(name:"${tokens.map(escapeLucene).join(' ')}"^4) OR (${all})` : all;
}

/** "GPT 4o", "gpt-4o" and "GPT4o" compare equal. */
const normalize = (s: string) => tokenize(s).join('');

export function rankHits(q: string, candidates: SearchHit[]): SearchHit[] {
  const key = normalize(q);
  const tier = (h: SearchHit) => {
    const name = normalize(h.name);
    if (name === key) return 3;
    if (h.aliases.some((a) => normalize(a) === key)) return 2;
    return name.startsWith(key) ? 1 : 0;
  };
  return candidates
    .map((h) => ({ ...h, score: Math.round((tier(h) * 1000 + h.score * (1 + 0.25 * Math.log10(1 + h.mentionCount))) * 1000) / 1000 }))
    .sort((a, b) => b.score - a.score || b.mentionCount - a.mentionCount || a.name.localeCompare(b.name));
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
