/** A real driver to the run's Neo4j (see test/setup/neo4j.global.ts), and a wipe between test files. */
import type { Driver } from 'neo4j-driver';
import { inject } from 'vitest';
import { wipeGraph } from '../../cypher/apply-schema.ts';
import { createDriver } from '../../neo4j/connect.ts';

/** The run's Neo4j; only the `db` project (vitest.config.ts) starts one. */
function neo4jOfRun() {
  const db = inject('neo4j');
  if (!db) throw new Error('this test needs Neo4j: it belongs to the `db` project, not to `unit` (vitest.config.ts)');
  return db;
}

export function testDriver(): Driver {
  const { uri, user, password, source } = neo4jOfRun();
  return createDriver(uri, source === 'embedded' ? undefined : { user, password });
}

/** Every test file starts from an empty graph with the schema applied. */
export const wipe = wipeGraph;

export function testConfigEnv(): Record<string, string> {
  const { uri, user, password } = neo4jOfRun();
  return { NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password };
}

/** An empty graph holding exactly what the real pipeline ingests from `inputs` (the seed-corpus suites share this). */
export async function ingestFresh(driver: Driver, inputs: string[]): Promise<void> {
  await wipe(driver);
  const { ingestInputs } = await import('../../ingest/pipeline.ts');
  const summary = await ingestInputs(driver, inputs);
  if (summary.failed.length) throw new Error(`ingest failed for ${JSON.stringify(summary.failed)}`);
}
