import type { Driver } from 'neo4j-driver';
import type { StatsResponse } from '../../contract/api.ts';
import { QUERIES } from '../../cypher/queries.ts';
import { readRows } from './db.ts';

export async function getStats(driver: Driver): Promise<StatsResponse> {
  const [row] = await readRows<StatsResponse>(driver, QUERIES.stats, {});
  return row!;
}
