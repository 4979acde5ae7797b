import type { Driver } from 'neo4j-driver';
import { AWAIT_INDEXES, SCHEMA_STATEMENTS } from './schema.ts';

/** Schema commands cannot share a transaction with each other's data, so each runs on its own. */
export async function applySchema(driver: Driver): Promise<void> {
  const session = driver.session({ defaultAccessMode: 'WRITE' });
  try {
    for (const statement of Object.values(SCHEMA_STATEMENTS)) await session.run(statement);
    await session.run(AWAIT_INDEXES);
  } finally {
    await session.close();
  }
}
