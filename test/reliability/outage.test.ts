/**
 * A SEPARATE embedded Neo4j (own port, own data directory) behind the real app and the project's own driver:
 * stop it → every request answers 503 database_unavailable quickly; start it again on the same port and data
 * directory → the same app and driver answer 200 without a restart. The recovery time is measured from "DB ready"
 * to the first 200.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema } from '../../cypher/apply-schema.ts';
import { createDriver } from '../../neo4j/connect.ts';
import { API_DRIVER_TUNING } from '../../app/start.ts';
import { freePort, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../neo4j/embedded.ts';
import { testApp } from '../helpers/api.ts';
import { errorBodyProblem, listen, rawRequest, reportFigures } from './support.ts';

let dataDir: string;
let port: number;
let db: EmbeddedNeo4j | null = null;
let driver: Driver;
let api: { port: number; close: () => Promise<void> };
const start = () => startEmbeddedNeo4j({ dataDir, boltPort: port, pageCacheMb: 64, heapMb: 512, txTimeoutSeconds: 30, log: () => {} });

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'nlkg-outage-'));
  port = await freePort();
  db = await start();
  driver = createDriver(db.uri, undefined, API_DRIVER_TUNING); // as app/start.ts builds it
  await applySchema(driver);
  await driver.executeQuery("CREATE (:Entity:Lab {id: 'Lab:outage', name: 'Outage Lab', type: 'Lab', aliases: []})");
  api = await listen(testApp(driver));
}, 180_000);

afterAll(async () => {
  await api?.close();
  await driver?.close();
  await db?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

const REQUESTS: [string, string, string?][] = [
  ['GET', '/api/health'],
  ['GET', '/api/stats'],
  ['GET', '/api/search?q=outage'],
  ['GET', '/api/entities/Lab%3Aoutage'],
  ['GET', '/api/documents'],
  ['POST', '/api/cypher', '{"query":"MATCH (n) RETURN count(n) AS n"}'],
];
const send = ([method, path, body]: [string, string, string?]) =>
  rawRequest(api.port, method, path, body, body ? { 'content-type': 'application/json' } : {}, 30_000);

describe('database outage and recovery', () => {
  it('answers, loses the database (503 quickly), and recovers on the same app and driver', async () => {
    for (const r of REQUESTS) expect((await send(r)).status, r[1]).toBe(200);

    await db!.stop();
    db = null;
    // All routes at once, as a browser would: each must give up on its own, quickly.
    const down = await Promise.all(
      REQUESTS.map(async (r) => {
        const res = await send(r);
        expect(errorBodyProblem(res.json, res.text)).toBeNull();
        expect(res.headers['retry-after']).toBe('5');
        return { path: r[1], status: res.status, ms: Math.round(res.ms), code: (res.json as { error?: { code?: string } })?.error?.code ?? '?' };
      }),
    );
    expect(down.map((d) => [d.path, d.status, d.code])).toEqual(REQUESTS.map((r) => [r[1], 503, 'database_unavailable']));
    const slowest503 = Math.max(...down.map((d) => d.ms));
    expect(slowest503).toBeLessThan(10_000);

    const restartStarted = performance.now();
    db = await start();
    const ready = performance.now();
    let firstOk = 0;
    let attempts = 0;
    const statuses = new Set<number>();
    while (performance.now() - ready < 60_000) {
      attempts++;
      const res = await send(REQUESTS[0]!);
      statuses.add(res.status);
      if (res.status === 200) {
        firstOk = performance.now();
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(firstOk).toBeGreaterThan(0);
    const recoveryMs = Math.round(firstOk - ready);
    // Everything answers again, data intact.
    for (const r of REQUESTS) expect((await send(r)).status, r[1]).toBe(200);
    const hit = await send(['GET', '/api/entities/Lab%3Aoutage']);
    expect((hit.json as { name?: string }).name).toBe('Outage Lab');

    reportFigures(
      'outage',
      `db outage: ${down.length}/${REQUESTS.length} requests → 503 database_unavailable (slowest ${slowest503} ms); DB restart ${((ready - restartStarted) / 1000).toFixed(1)} s; ` +
        `recovery from DB ready to first 200: ${recoveryMs} ms (${attempts} attempt(s)), no app restart`,
      { down, slowest503Ms: slowest503, dbRestartMs: Math.round(ready - restartStarted), recoveryMs, attempts, statusesWhileRecovering: [...statuses] },
    );
    expect(recoveryMs).toBeLessThan(15_000);
  }, 240_000);
});
