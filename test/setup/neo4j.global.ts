/**
 * Resolves ONE real Neo4j for the whole test run, in this order:
 *   NEO4J_URI set → that server (its graph is wiped by the tests: never point this at data you care about);
 *   a container runtime answers → testcontainers' Neo4j 5.26;
 *   otherwise → the embedded launcher on a free port with a temporary data directory.
 * Never a mocked driver.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, startEmbeddedNeo4j } from '../../neo4j/embedded.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: { uri: string; user: string; password: string; source: string };
  }
}

function containerRuntimeLikely(): boolean {
  return Boolean(process.env.DOCKER_HOST) || existsSync('/var/run/docker.sock');
}

async function tryTestcontainers(): Promise<{ uri: string; user: string; password: string; stop: () => Promise<void> } | null> {
  if (!containerRuntimeLikely()) return null;
  try {
    const { Neo4jContainer } = await import('@testcontainers/neo4j');
    const container = await new Neo4jContainer('neo4j:5.26-community').withPassword('testpassword').start();
    return {
      uri: container.getBoltUri(),
      user: container.getUsername(),
      password: container.getPassword(),
      stop: async () => void (await container.stop()),
    };
  } catch (err) {
    console.warn(`testcontainers unavailable (${(err as Error).message.split('\n')[0]}); using the embedded Neo4j`);
    return null;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.NEO4J_URI) {
    project.provide('neo4j', {
      uri: process.env.NEO4J_URI,
      user: process.env.NEO4J_USER ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? 'password',
      source: 'uri',
    });
    return async () => {};
  }
  const tc = await tryTestcontainers();
  if (tc) {
    project.provide('neo4j', { uri: tc.uri, user: tc.user, password: tc.password, source: 'testcontainers' });
    return tc.stop;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'nlkg-test-neo4j-'));
  const started = Date.now();
  const db = await startEmbeddedNeo4j({ dataDir, boltPort: await freePort(), pageCacheMb: 256, heapMb: 1024, txTimeoutSeconds: 60, log: () => {} });
  console.log(`test Neo4j: embedded at ${db.uri}, started in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  project.provide('neo4j', { uri: db.uri, user: 'neo4j', password: 'password', source: 'embedded' });
  return async () => {
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
