/**
 * Safe defaults of the real start path: loopback bind unless HOST is set, helmet's security headers, no CORS unless
 * configured, the JSON body limit (413) and the Cypher console's rate limit (429), all as ApiErrors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.ts';
import { startServer, type RunningServer } from '../../app/start.ts';
import { testConfigEnv } from '../helpers/neo4j.ts';
import { errorBodyProblem, rawRequest, reportFigures } from './support.ts';

const RATE_LIMIT = 5;
let server: RunningServer;
let port: number;
const figures: Record<string, unknown> = {};

beforeAll(async () => {
  const config = loadConfig({ ...testConfigEnv(), PORT: '0', INGEST_ON_START: 'false', CYPHER_RATE_LIMIT: String(RATE_LIMIT), LOG_LEVEL: 'silent' });
  server = await startServer(config, () => {});
  port = Number(new URL(server.url).port);
}, 120_000);
afterAll(async () => server?.close());

describe('server defaults', () => {
  it('binds to 127.0.0.1 unless HOST is set', () => {
    expect(loadConfig({}).HOST).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    figures.boundTo = server.url;
  });

  it('sends helmet security headers and no X-Powered-By; CORS is off unless configured', async () => {
    const res = await rawRequest(port, 'GET', '/api/health', undefined, { origin: 'https://evil.example' });
    expect(res.status).toBe(200);
    const h = res.headers;
    expect(h['content-security-policy']).toMatch(/default-src 'self'/);
    expect(h['content-security-policy']).toMatch(/object-src 'none'/);
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['x-frame-options']).toBe('SAMEORIGIN');
    expect(h['referrer-policy']).toBe('no-referrer');
    expect(h['cross-origin-opener-policy']).toBe('same-origin');
    expect(h['strict-transport-security']).toBeDefined();
    expect(h['x-powered-by']).toBeUndefined();
    expect(h['access-control-allow-origin']).toBeUndefined();
    figures.headers = Object.fromEntries(
      ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy', 'cross-origin-opener-policy', 'strict-transport-security'].map((k) => [k, h[k]]),
    );
  });

  it('refuses a JSON body over 64 kB with 413 payload_too_large', async () => {
    const body = JSON.stringify({ query: `RETURN '${'x'.repeat(100_000)}' AS s` });
    const res = await rawRequest(port, 'POST', '/api/cypher', body, { 'content-type': 'application/json' });
    expect(res.status).toBe(413);
    expect(errorBodyProblem(res.json, res.text)).toBeNull();
    expect((res.json as { error: { code: string } }).error.code).toBe('payload_too_large');
    figures.bodyLimit = { status: res.status, bytes: body.length };
  });

  it(`answers 429 rate_limited after CYPHER_RATE_LIMIT (${RATE_LIMIT}) console queries; other routes stay open`, async () => {
    const statuses: number[] = [];
    let limited;
    for (let i = 0; i < RATE_LIMIT + 2; i++) {
      const res = await rawRequest(port, 'POST', '/api/cypher', '{"query":"RETURN 1 AS x"}', { 'content-type': 'application/json' });
      statuses.push(res.status);
      if (res.status === 429) limited = res;
    }
    expect(statuses).toEqual([...Array(RATE_LIMIT).fill(200), 429, 429]);
    expect(errorBodyProblem(limited!.json, limited!.text)).toBeNull();
    expect((limited!.json as { error: { code: string } }).error.code).toBe('rate_limited');
    expect((await rawRequest(port, 'GET', '/api/stats')).status).toBe(200);
    figures.rateLimit = { limit: RATE_LIMIT, statuses };
    reportFigures(
      'server-defaults',
      `server defaults: bound to ${new URL(server.url).hostname}, helmet headers present (CSP, nosniff, SAMEORIGIN, no-referrer, HSTS), no CORS by default, ` +
        `64 kB body → 413, console ${RATE_LIMIT}/min → 429 on request ${RATE_LIMIT + 1}`,
      figures,
    );
  });
});
