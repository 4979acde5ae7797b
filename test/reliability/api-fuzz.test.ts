/**
 * Seeded fuzzing of every API route on the fixture graph: malformed and hostile values in paths, query strings and
 * bodies. Nothing may answer 5xx, no body may carry a stack trace or a file path, every error body is an ApiError,
 * and the server must not log an unhandled error. Reproducible: FUZZ_SEED and FUZZ_REQUESTS pick the run.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../helpers/api.ts';
import { loadFixtureGraph } from '../helpers/fixture-graph.ts';
import { testDriver, wipe } from '../helpers/neo4j.ts';
import { errorBodyProblem, graphSnapshot, leakProblem, listen, prng, rawRequest, reportFigures, type GraphSnapshot } from './support.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20250117);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 3000);
const CONCURRENCY = 6;

let driver: Driver;
let app: ReturnType<typeof testApp>;
let api: { port: number; close: () => Promise<void> };
let before: GraphSnapshot;

beforeAll(async () => {
  driver = testDriver();
  await wipe(driver);
  await loadFixtureGraph(driver);
  app = testApp(driver, { CYPHER_TIMEOUT_MS: '1500', CYPHER_MAX_ROWS: '50', CYPHER_RATE_LIMIT: '1000000' });
  api = await listen(app);
  before = await graphSnapshot(driver);
});
afterAll(async () => {
  await api?.close();
  await driver?.close();
});

/** Already-encoded fragments sent as they are, including malformed percent-encoding. */
const RAW = [
  '%ED%A0%80', // lone surrogate, as UTF-8 bytes
  '%ED%BF%BF',
  '%C0%AF', // overlong "/"
  '%FF%FE',
  '%zz',
  '%',
  '%2',
  '%00',
  '%0a%0d',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '..%2f..%2f..%2fetc%2fpasswd',
  '%252e%252e%252f',
  '..%5c..%5cwindows',
  '%E2%80%AE', // RTL override
  '%F0%9F%9A%80',
];

/** Values encoded with encodeURIComponent before use. */
const VALUES = [
  '',
  ' ',
  'a',
  'grpo',
  'Method:grpo',
  'Lab:acme-labs',
  'doc:gn-1',
  'Method:foopo',
  '../../etc/passwd',
  '/etc/passwd',
  '..\\..\\boot.ini',
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  '-1',
  '0',
  '1.5',
  '1e309',
  '99999999999999999999',
  'NaN',
  'Infinity',
  '0x10',
  'true',
  'null',
  'undefined',
  '[]',
  '{}',
  "' OR 1=1 --",
  '") RETURN n //',
  '$(whoami)',
  '<script>alert(1)</script>',
  '🚀📊🧮',
  '\u202eevil\u202c',
  'مرحبا بالعالم',
  '\u0000',
  '\u0007bell',
  '\ud800',
  '\udfff\ud800',
  'a'.repeat(201),
  'x'.repeat(5000),
  'Method,Lab',
  'Method,Nope',
  ',,,',
  'date',
  'mentions',
  'desc',
  'INTRODUCES',
  'CO_MENTIONED',
  '2025-01-10',
  '2025-02-30',
  '0000-00-00',
];

interface Route {
  method: 'GET' | 'POST';
  path: string[];
  params: string[];
}
const ROUTES: Route[] = [
  { method: 'GET', path: ['health'], params: [] },
  { method: 'GET', path: ['stats'], params: [] },
  { method: 'GET', path: ['search'], params: ['q', 'types', 'from', 'to', 'limit'] },
  { method: 'GET', path: ['entities', ':id'], params: [] },
  { method: 'GET', path: ['entities', ':id', 'mentions'], params: ['limit', 'offset'] },
  { method: 'GET', path: ['entities', ':id', 'neighbors'], params: ['types', 'relTypes', 'limit'] },
  { method: 'GET', path: ['entities', ':id', 'timeline'], params: [] },
  { method: 'GET', path: ['edges'], params: ['source', 'target', 'type', 'limit'] },
  { method: 'GET', path: ['documents'], params: ['q', 'publication', 'sort', 'order', 'limit', 'offset'] },
  { method: 'GET', path: ['documents', ':id'], params: [] },
  { method: 'GET', path: ['paths'], params: ['from', 'to', 'maxHops', 'limit', 'coMentions'] },
  { method: 'GET', path: ['trends'], params: ['from', 'to', 'types', 'limit'] },
  { method: 'GET', path: ['openapi.json'], params: [] },
  { method: 'POST', path: ['cypher'], params: [] },
];

type Rand = () => number;
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

/** encodeURIComponent, except that a lone surrogate (which it refuses) goes out as its raw UTF-8-ish bytes. */
function enc(v: string): string {
  try {
    return encodeURIComponent(v);
  } catch {
    return encodeURIComponent(v.replace(/[\ud800-\udfff]/g, '')) + '%ED%A0%80';
  }
}

function value(r: Rand): string {
  const roll = r();
  if (roll < 0.2) return pick(r, RAW);
  if (roll < 0.25) return `${enc(pick(r, VALUES))}${pick(r, RAW)}`;
  if (roll < 0.28) return 'q'.repeat(8000 + Math.floor(r() * 8000)); // over-long query string
  return enc(pick(r, VALUES));
}

function queryString(r: Rand, route: Route): string {
  const parts: string[] = [];
  for (const p of route.params) {
    if (r() < 0.25) continue; // missing
    parts.push(`${p}=${value(r)}`);
    if (r() < 0.15) parts.push(`${p}=${value(r)}`); // repeated → an array
  }
  if (r() < 0.15) parts.push(`${pick(r, ['__proto__', 'constructor', 'extra', 'q[]', 'q[a]', '__proto__[x]', 'constructor[prototype][x]'])}=${value(r)}`);
  if (r() < 0.05) parts.push('&&&=&');
  return parts.length ? `?${parts.join('&')}` : pick(r, ['', '', '?', '?&']);
}

const BODIES: (string | ((r: Rand) => string))[] = [
  '',
  '{',
  '{"query": ',
  'null',
  '[]',
  '"RETURN 1"',
  '123',
  '{"query": 1}',
  '{"query": null}',
  '{"query": ["RETURN 1"]}',
  '{"query": {"toString": "RETURN 1"}}',
  '{"query": ""}',
  '{"query": "   "}',
  '{"query": "RETURN 1", "extra": true}',
  '{"query": "RETURN 1", "params": []}',
  '{"query": "RETURN 1", "params": "x"}',
  '{"query": "RETURN $a AS a", "params": {"a": {"__proto__": {"polluted": true}}}}',
  '{"__proto__": {"polluted": true}, "query": "RETURN 1"}',
  '{"constructor": {"prototype": {"polluted": true}}, "query": "RETURN 1"}',
  '{"query": "RETURN 1", "params": {"__proto__": 1}}',
  '{"query": "RETURN \\u0000 AS x"}',
  '{"query": "RETURN \'\\ud800\' AS x"}',
  '{"query": "RETURN 1 AS 🚀"}',
  '{"query": "RETURN $p AS p", "params": {"p": 1e400}}',
  '{"query": "RETURN $p AS p", "params": {"p": -0}}',
  '{"query": "RETURN $p AS p", "params": {"p": 12345678901234567890}}',
  '{"query": "MATCH (n) RETURN n LIMIT $l", "params": {"l": -1}}',
  '{"query": "MATCH (n) RETURN n LIMIT $l", "params": {"l": "x"}}',
  '{"query": "MATCH (n) RETURN n SKIP $s", "params": {"s": 1.5}}',
  '{"query": "RETURN 1", "query": "CREATE (:X)"}',
  (r) => `{"query": "RETURN $p AS p", "params": {"p": ${'['.repeat(50 + Math.floor(r() * 2000))}${']'.repeat(0)}`,
  (r) => `{"query": "RETURN $p AS p", "params": {"p": ${'['.repeat(200)}1${']'.repeat(200)}}}`.slice(0, r() < 0.5 ? undefined : 300),
  (r) => JSON.stringify({ query: `RETURN '${'é'.repeat(1000 + Math.floor(r() * 40_000))}' AS s` }),
  (r) => JSON.stringify({ query: 'RETURN $k AS k', params: Object.fromEntries(Array.from({ length: 50 + Math.floor(r() * 3000) }, (_, i) => [`k${i}`, i])) }),
  (r) => JSON.stringify({ query: pick(r, VALUES) || 'RETURN 1', params: { x: pick(r, VALUES) } }),
];

const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', ''];

function request(r: Rand): { method: string; path: string; body?: string; headers: Record<string, string> } {
  const route = pick(r, ROUTES);
  const segs = route.path.map((s) => (s === ':id' ? value(r) : s));
  let path = `/api/${segs.join('/')}`;
  if (r() < 0.05) path = path.replace('/api/', pick(r, ['/api//', '/API/', '/api/./', '/api/../api/', '/api/%2e/']));
  path += queryString(r, route);
  const method = r() < 0.06 ? pick(r, ['PUT', 'DELETE', 'PATCH', 'POST', 'GET', 'OPTIONS', 'HEAD']) : route.method;
  if (route.method === 'POST' || method === 'POST') {
    const b = pick(r, BODIES);
    const body = typeof b === 'string' ? b : b(r);
    const ct = pick(r, CONTENT_TYPES);
    return { method, path, body, headers: ct ? { 'content-type': ct } : {} };
  }
  return { method, path, headers: {} };
}

describe('API fuzzing', () => {
  it(`answers ${REQUESTS} hostile requests (seed ${SEED}) without a 5xx, a stack trace or a malformed error`, async () => {
    const r = prng(SEED);
    const plan = Array.from({ length: REQUESTS }, () => request(r));
    const statuses: Record<string, number> = {};
    const problems: string[] = [];
    let fiveHundreds = 0;
    let slowest = 0;
    let retries = 0;
    let nodeRefused = 0;
    let next = 0;
    const started = performance.now();
    const worker = async () => {
      while (next < plan.length) {
        const req = plan[next++]!;
        let res;
        try {
          res = await rawRequest(api.port, req.method, req.path, req.body, req.headers, 20_000);
        } catch (first) {
          // Node closes a connection after answering a parse error (431/400) itself; a keep-alive request already
          // queued on that socket then sees "socket hang up". Retried once on a fresh socket; counted.
          if (!/hang up|ECONNRESET/.test((first as Error).message)) {
            problems.push(`${req.method} ${req.path.slice(0, 120)}: ${(first as Error).message}`);
            continue;
          }
          retries++;
          try {
            res = await rawRequest(api.port, req.method, req.path, req.body, { ...req.headers, connection: 'close' }, 20_000);
          } catch (err) {
            problems.push(`${req.method} ${req.path.slice(0, 120)}: ${(err as Error).message}`);
            continue;
          }
        }
        if (res.status === 431 && res.text === '') {
          // Node's own HTTP parser refuses a request line/headers over 16 KB before Express sees it (no JSON body possible).
          nodeRefused++;
        }
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        slowest = Math.max(slowest, res.ms);
        const where = `${req.method} ${req.path.slice(0, 120)} ${req.body ? `body=${req.body.slice(0, 80)}` : ''}`;
        if (res.status >= 500) {
          fiveHundreds++;
          problems.push(`${where} → ${res.status} ${res.text.slice(0, 200)}`);
        }
        if (res.status === 431 && res.text === '') continue;
        if (res.status >= 400 && req.method !== 'HEAD') {
          const p = errorBodyProblem(res.json, res.text);
          if (p) problems.push(`${where} → ${res.status}: ${p}`);
        } else {
          const p = leakProblem(res.text);
          if (p) problems.push(`${where} → ${res.status}: ${p}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const elapsed = performance.now() - started;
    const after = await graphSnapshot(driver);
    const polluted = ({} as Record<string, unknown>).polluted !== undefined || ({} as Record<string, unknown>).x !== undefined;
    reportFigures(
      'api-fuzz',
      `api fuzz: ${REQUESTS} requests (seed ${SEED}) in ${(elapsed / 1000).toFixed(1)} s, ${fiveHundreds} 5xx, ${problems.length} problems, ` +
        `${app.logged.length} unhandled errors logged, statuses ${JSON.stringify(statuses)} (431 = Node's 16 KB header limit; ${retries} keep-alive retries)`,
      { seed: SEED, nodeRefused431: nodeRefused, keepAliveRetries: retries, requests: REQUESTS, fiveHundreds, problems: problems.slice(0, 50), statuses, slowestMs: Math.round(slowest), elapsedMs: Math.round(elapsed), unhandledLogged: app.logged.slice(0, 10) },
    );
    expect(problems.slice(0, 20)).toEqual([]);
    expect(fiveHundreds).toBe(0);
    expect(app.logged).toEqual([]);
    expect(polluted).toBe(false);
    expect(after).toEqual(before);
  }, 240_000);
});
