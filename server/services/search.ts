/**
 * Entity search over the `entity_search` full-text index (name + aliases). The user's text never reaches
 * Lucene's parser as is: it is split the way the index's analyzer splits (letters and digits), every token is
 * escaped, and each becomes `token^3 OR token*^2 OR token~1` (exact, prefix, one typo; the typo branch only
 * from 4 characters, where a single edit is still selective). All tokens must match.
 */
import type { Driver } from 'neo4j-driver';
import type { SearchResponse } from '../../contract/api.ts';
import type { EntityType } from '../../ingest/model.ts';
import { QUERIES } from '../../cypher/queries.ts';
import { int, readRows } from './db.ts';

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
export const escapeLucene = (s: string) => s.replace(LUCENE_SPECIAL, (c) => `\\${c}`);

export function luceneQuery(q: string): string | null {
  const tokens = q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 12);
  if (tokens.length === 0) return null;
  const clauses = tokens.map((t) => {
    const e = escapeLucene(t);
    return t.length >= 4 ? `(${e}^3 OR ${e}*^2 OR ${e}~1)` : `(${e}^3 OR ${e}*^2)`;
  });
  const all = clauses.join(' AND ');
  // A phrase boost on the name lets "nathan lambert" beat entities that merely contain both words.
  return tokens.length > 1 ? `(name:"${tokens.map(escapeLucene).join(' ')}"^4) OR (${all})` : all;
}

export async function searchEntities(driver: Driver, input: { q: string; types?: EntityType[]; limit: number }): Promise<SearchResponse> {
  const lucene = luceneQuery(input.q);
  if (!lucene) return { query: input.q, hits: [] };
  const hits = await readRows<SearchResponse['hits'][number]>(driver, QUERIES.search, {
    lucene,
    exact: input.q.toLowerCase(),
    types: input.types ?? null,
    limit: int(input.limit),
    // Type filtering happens after the index, so ask it for more than the page.
    candidates: int(input.types ? 500 : Math.max(100, input.limit * 4)),
  });
  return { query: input.q, hits };
}
