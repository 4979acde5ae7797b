/**
 * What is new in a period against the one of the same length just before it: entities first seen, entities
 * rising fastest, typed relations first stated. Only dated issues count (see QUERIES.trends).
 */
import type { Driver } from 'neo4j-driver';
import type { TrendsResponse } from '../../contract/api.ts';
import type { EntityType } from '../../core/vocabulary.ts';
import { QUERIES } from '../../cypher/queries.ts';
import { int, readRows } from './db.ts';
import { mapTimeout } from './neo4j-errors.ts';

export interface TrendsInput {
  /** First and last day of the period, YYYY-MM-DD, both included. */
  from: string;
  to: string;
  types?: EntityType[];
  limit: number;
  /** Rising fastest by mentions gained (default) or by issues gained. */
  risingBy?: 'mentions' | 'documents';
}

const DAY_MS = 86_400_000;
const day = (s: string) => Date.parse(`${s}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The period of the same number of days that ends the day before `from`. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const days = Math.round((day(to) - day(from)) / DAY_MS) + 1;
  return { from: iso(day(from) - days * DAY_MS), to: iso(day(from) - DAY_MS) };
}

interface TrendsRow extends Pick<TrendsResponse, 'undatedDocuments' | 'newEntities' | 'rising' | 'newRelations'> {
  currentDocuments: number;
  previousDocuments: number;
}

export async function getTrends(driver: Driver, input: TrendsInput, timeoutMs: number): Promise<TrendsResponse> {
  const previous = previousPeriod(input.from, input.to);
  let row: TrendsRow | undefined;
  try {
    [row] = await readRows<TrendsRow>(
      driver,
      QUERIES.trends,
      { from: input.from, to: input.to, prevFrom: previous.from, types: input.types?.length ? input.types : null, limit: int(input.limit), risingBy: input.risingBy ?? 'mentions' },
      { timeout: timeoutMs },
    );
  } catch (err) {
    mapTimeout(err, 'the trends query', timeoutMs);
  }
  const r = row!;
  return {
    period: { from: input.from, to: input.to, documents: r.currentDocuments },
    previous: { ...previous, documents: r.previousDocuments },
    undatedDocuments: r.undatedDocuments,
    newEntities: r.newEntities,
    rising: r.rising,
    newRelations: r.newRelations,
  };
}
