/** The real app on the run's Neo4j, for supertest. */
import type { Driver } from 'neo4j-driver';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../core/config.ts';
import { afterAll, beforeAll } from 'vitest';
import { loadFixtureGraph } from './fixture-graph.ts';
import { testConfigEnv, testDriver, wipe } from './neo4j.ts';

export function testApp(driver: Driver, env: Record<string, string> = {}) {
  const config = loadConfig({ ...testConfigEnv(), INGEST_ON_START: 'false', LOG_LEVEL: 'silent', ...env });
  const logged: string[] = [];
  const app = createApp({ driver, config, neo4jSource: 'uri', log: (m) => void logged.push(m) });
  return Object.assign(app, { logged });
}

/**
 * The usual API test file set-up: an empty graph loaded with the fixture, and the app on it. Returns an object whose
 * `app`/`driver` are filled in by `beforeAll`.
 */
export function useFixtureApp(): { driver: Driver; app: ReturnType<typeof testApp> } {
  const ctx = {} as { driver: Driver; app: ReturnType<typeof testApp> };
  beforeAll(async () => {
    ctx.driver = testDriver();
    await wipe(ctx.driver);
    await loadFixtureGraph(ctx.driver);
    ctx.app = testApp(ctx.driver);
  });
  afterAll(async () => ctx.driver.close());
  return ctx;
}
