import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema } from '../../cypher/apply-schema.ts';
import { EXISTING_SCHEMA_NAMES, SCHEMA_STATEMENTS } from '../../cypher/schema.ts';
import { testDriver } from '../helpers/neo4j.ts';

let driver: Driver;
beforeAll(() => {
  driver = testDriver();
});
afterAll(async () => driver.close());

async function names(): Promise<string[]> {
  const session = driver.session();
  try {
    return (await session.run(EXISTING_SCHEMA_NAMES)).records.map((r) => r.get('name') as string);
  } finally {
    await session.close();
  }
}

describe('applySchema', () => {
  it('creates every constraint and index, and recreates one that went missing', async () => {
    await applySchema(driver);
    const all = await names();
    expect(all).toEqual(expect.arrayContaining(['document_id', 'entity_id', 'mention_id', 'entity_search', 'document_search']));
    expect(all.length).toBeGreaterThanOrEqual(Object.keys(SCHEMA_STATEMENTS).length);

    const session = driver.session();
    try {
      await session.run('DROP INDEX entity_search');
    } finally {
      await session.close();
    }
    expect(await names()).not.toContain('entity_search');
    await applySchema(driver);
    expect((await names()).sort()).toEqual(all.sort());
  });
});
