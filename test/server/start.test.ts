/** The real start path of `npm start` (schema → demo corpus if empty → serve), on the run's Neo4j. */
import { resolve } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphCounts } from '../../ingest/write.ts';
import { loadConfig } from '../../core/config.ts';
import { startServer } from '../../app/start.ts';
import { testConfigEnv, testDriver, wipe } from '../helpers/neo4j.ts';

const config = () =>
  loadConfig({ ...testConfigEnv(), PORT: '0', CORPUS_DIR: resolve(import.meta.dirname, '../../demo/corpus'), LOG_LEVEL: 'silent' });
const quiet = () => {};

let driver: Driver;
beforeAll(async () => {
  driver = testDriver();
  await wipe(driver);
});
afterAll(async () => driver.close());

describe('npm start path', () => {
  it('loads the demo corpus into an empty graph, then a second start ingests nothing', async () => {
    const first = await startServer(config(), quiet);
    let after: { nodes: number; relationships: number };
    try {
      const health = await (await fetch(`${first.url}/api/health`)).json();
      expect(health.status).toBe('ok');
      expect(health.neo4j.version).toMatch(/^5\.26/);
      expect(health.counts.documents).toBeGreaterThanOrEqual(3);
      expect(health.counts.relationships).toBeGreaterThan(0);
      after = await graphCounts(driver);
    } finally {
      await first.close();
    }
    const logs: string[] = [];
    const second = await startServer(config(), (m) => logs.push(m));
    try {
      expect(await graphCounts(driver)).toEqual(after);
      expect(logs.join('\n')).toMatch(/reusing it \(nothing ingested\)/);
    } finally {
      await second.close();
    }
  });

  it('answers requests Node itself rejects (oversized URL) with a JSON error', async () => {
    const running = await startServer(config(), quiet);
    try {
      const res = await fetch(`${running.url}/api/search?q=${'x'.repeat(20_000)}`);
      expect(res.status).toBe(431);
      expect((await res.json()).error.code).toBe('headers_too_large');
    } finally {
      await running.close();
    }
  });
});
