/**
 * The one way services talk to Neo4j: a READ session per request, `executeRead` (so the driver retries
 * transient failures and routes to a reader), closed in `finally`. Records come back as plain JSON-safe values.
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { toPlain } from './serialize.ts';

export interface ReadOptions {
  /** Transaction timeout in ms: the server kills the query after it. */
  timeout?: number;
  /** Records per pull; the console sets it to its row cap so no more than that is ever buffered. */
  fetchSize?: number;
}

export async function read<T>(driver: Driver, work: (tx: ManagedTransaction) => Promise<T>, opts: ReadOptions = {}): Promise<T> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ, ...(opts.fetchSize ? { fetchSize: opts.fetchSize } : {}) });
  try {
    return await session.executeRead(work, opts.timeout ? { timeout: opts.timeout } : undefined);
  } finally {
    await session.close();
  }
}

export type Row = Record<string, unknown>;

/** Runs one statement and returns its rows as plain objects. */
export async function readRows<T = Row>(driver: Driver, query: string, params: Record<string, unknown>, opts?: ReadOptions): Promise<T[]> {
  return read(driver, async (tx) => (await tx.run(query, params)).records.map((r) => toPlain(r.toObject()) as T), opts);
}

/** SKIP/LIMIT and list slices need Cypher integers; a JavaScript number is sent as a float. */
export const int = (n: number) => neo4j.int(n);
