/**
 * Every Cypher statement the project runs lives in cypher/*.ts as a named string. Each one is planned with
 * EXPLAIN against the real Neo4j, so a typo or a removed property shape fails here, not at run time.
 */
import { readdirSync } from 'node:fs';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDriver, wipe } from '../helpers/neo4j.ts';

const dir = new URL('../../cypher/', import.meta.url);

async function collectStatements(): Promise<[string, string][]> {
  const out: [string, string][] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
    const mod = (await import(new URL(file, dir).href)) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(mod)) {
      if (typeof value === 'string' && /^\s*(MATCH|CALL|CREATE|UNWIND|MERGE|WITH|RETURN|OPTIONAL|SHOW)/i.test(value)) {
        out.push([`${file}:${exportName}`, value]);
      } else if (value && typeof value === 'object' && !Array.isArray(value)) {
        for (const [name, q] of Object.entries(value)) if (typeof q === 'string') out.push([`${file}:${exportName}.${name}`, q]);
      }
    }
  }
  return out;
}

const statements = await collectStatements();
let driver: Driver;
beforeAll(async () => {
  driver = testDriver();
  await wipe(driver);
});
afterAll(async () => driver.close());

describe('cypher/ statements', () => {
  it('are found', () => {
    expect(statements.length).toBeGreaterThan(20);
  });
  it.each(statements)('%s plans with EXPLAIN', async (_name, query) => {
    const session = driver.session();
    try {
      const res = await session.run(`EXPLAIN ${query}`);
      expect(['r', 'w', 'rw', 's']).toContain(res.summary.queryType);
    } finally {
      await session.close();
    }
  });
});
