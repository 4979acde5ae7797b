/** A real driver to the run's Neo4j (see test/setup/neo4j.global.ts), and a wipe between test files. */
import type { Driver } from 'neo4j-driver';
import { inject } from 'vitest';
import { wipeGraph } from '../../cypher/apply-schema.ts';
import { createDriver } from '../../neo4j/connect.ts';

export function testDriver(): Driver {
  const { uri, user, password, source } = inject('neo4j');
  return createDriver(uri, source === 'embedded' ? undefined : { user, password });
}

/** Every test file starts from an empty graph with the schema applied. */
export const wipe = wipeGraph;

export function testConfigEnv(): Record<string, string> {
  const { uri, user, password } = inject('neo4j');
  return { NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password };
}
