/** The evidence behind the edge(s) between two entities, in either direction. */
import type { Driver } from 'neo4j-driver';
import type { EdgeResponse } from '../../contract/api.ts';
import { ENTITY_REL_TYPES, type EntityRelType } from '../../core/vocabulary.ts';
import { QUERIES, relPattern } from '../../cypher/queries.ts';
import { notFound } from '../errors.ts';
import { int, rangeParams, readRows, type DateRange } from './db.ts';

export async function getEdgeEvidence(
  driver: Driver,
  input: { source: string; target: string; type?: EntityRelType; limit: number } & DateRange,
): Promise<EdgeResponse> {
  const rels = relPattern(input.type ? [input.type] : ENTITY_REL_TYPES);
  const [row] = await readRows<{ sourceFound: boolean; targetFound: boolean; total: number; items: EdgeResponse['items'] }>(
    driver,
    QUERIES.edgeEvidence(rels),
    { source: input.source, target: input.target, limit: int(input.limit), ...rangeParams(input) },
  );
  if (!row?.sourceFound) throw notFound('Entity', input.source);
  if (!row.targetFound) throw notFound('Entity', input.target);
  return { source: input.source, target: input.target, total: row.total, items: row.items };
}
