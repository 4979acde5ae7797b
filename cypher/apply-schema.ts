import type { Driver } from 'neo4j-driver';
import { withSession } from '../core/db.ts';
import { AWAIT_INDEXES, EXISTING_SCHEMA_NAMES, SCHEMA_STATEMENTS, WIPE_GRAPH } from './schema.ts';

const nameOf = (statement: string) => /^CREATE (?:CONSTRAINT|(?:FULLTEXT )?INDEX) (\w+) IF NOT EXISTS/.exec(statement)?.[1];

/**
 * Creates whatever part of the schema is missing. Every start calls this, so the common case (all present) is a
 * single SHOW query; schema commands cannot share a transaction, so the missing ones run one by one.
 */
export async function applySchema(driver: Driver): Promise<void> {
  await withSession(driver, 'WRITE', async (session) => {
    const existing = new Set((await session.run(EXISTING_SCHEMA_NAMES)).records.map((r) => r.get('name') as string));
    const missing = Object.values(SCHEMA_STATEMENTS).filter((s) => !existing.has(nameOf(s) ?? ''));
    for (const statement of missing) await session.run(statement);
    if (missing.length) await session.run(AWAIT_INDEXES);
  });
}

/** Empties the graph and leaves the schema in place (tests and benchmarks start from this). */
export async function wipeGraph(driver: Driver): Promise<void> {
  // CALL { … } IN TRANSACTIONS needs an auto-commit query: a bare session, not a managed transaction.
  await withSession(
    driver,
    'WRITE',
    async (session) => {
      for (const statement of [WIPE_GRAPH.relationships, WIPE_GRAPH.nodes]) await session.run(statement);
    },
    { changesGraph: true },
  );
  await applySchema(driver);
}
