/**
 * Shared pieces of the reliability suite: a one-line figure summary per file (console + test-output/reliability.json),
 * a graph checksum computed from one Cypher query, and the ApiError / no-stack-trace checks every error body must pass.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent, createServer, request as httpRequest, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { ApiError } from '../../contract/api.ts';
import { PROJECT_ROOT } from '../../core/config.ts';

const FIGURES_FILE = join(PROJECT_ROOT, 'test-output', 'reliability.json');

/** Prints `[reliability] <line>` and records the figures under `suite` in test-output/reliability.json. */
export function reportFigures(suite: string, line: string, figures: Record<string, unknown>): void {
  console.log(`[reliability] ${line}`);
  mkdirSync(join(PROJECT_ROOT, 'test-output'), { recursive: true });
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(readFileSync(FIGURES_FILE, 'utf8')) as Record<string, unknown>;
  } catch {
    all = {};
  }
  all[suite] = { summary: line, ...figures, recordedAt: new Date().toISOString() };
  writeFileSync(FIGURES_FILE, `${JSON.stringify(all, null, 2)}\n`);
}

/** JSON with object keys sorted, so equal values always give equal text. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

export interface GraphSnapshot {
  nodes: number;
  relationships: number;
  /** sha256 over every node (elementId, labels, properties) and relationship (elementId, ends, type, properties). */
  checksum: string;
}

/** One read query returns the whole (small) graph; the hash is taken over its sorted, key-sorted JSON. */
export async function graphSnapshot(driver: Driver): Promise<GraphSnapshot> {
  const session = driver.session({ defaultAccessMode: 'READ' });
  try {
    const res = await session.run(`
      CALL () { MATCH (n) RETURN collect([elementId(n), labels(n), properties(n)]) AS nodes }
      CALL () { MATCH (a)-[r]->(b) RETURN collect([elementId(r), elementId(a), type(r), elementId(b), properties(r)]) AS rels }
      RETURN nodes, rels`);
    const rec = res.records[0]!;
    const nodes = (rec.get('nodes') as unknown[][]).map((n) => stableJson(n)).sort();
    const rels = (rec.get('rels') as unknown[][]).map((r) => stableJson(r)).sort();
    const checksum = createHash('sha256').update(nodes.join('\n')).update('\n--\n').update(rels.join('\n')).digest('hex');
    return { nodes: nodes.length, relationships: rels.length, checksum };
  } finally {
    await session.close();
  }
}

/** Ids of everything in the graph, by kind, for comparing two graphs built from the same input. */
export async function graphIdSets(driver: Driver): Promise<{ nodes: number; relationships: number; documents: string[]; entities: string[]; mentions: string[]; relationKeys: string[] }> {
  const session = driver.session({ defaultAccessMode: 'READ' });
  try {
    const res = await session.run(`
      CALL () { MATCH (n) RETURN count(n) AS nodes }
      CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
      CALL () { MATCH (d:Document) RETURN collect(d.id) AS documents }
      CALL () { MATCH (e:Entity) RETURN collect(e.id) AS entities }
      CALL () { MATCH (m:Mention) RETURN collect(m.id) AS mentions }
      CALL () {
        MATCH (a)-[r]->(b)
        RETURN collect(coalesce(a.id, '?') + ' -' + type(r) + '-> ' + coalesce(b.id, '?') + ' @' + coalesce(r.documentId, '')) AS relationKeys
      }
      RETURN nodes, relationships, documents, entities, mentions, relationKeys`);
    const rec = res.records[0]!;
    const sorted = (k: string) => [...(rec.get(k) as string[])].sort();
    return {
      nodes: Number(rec.get('nodes')),
      relationships: Number(rec.get('relationships')),
      documents: sorted('documents'),
      entities: sorted('entities'),
      mentions: sorted('mentions'),
      relationKeys: sorted('relationKeys'),
    };
  } finally {
    await session.close();
  }
}

/** Why a response body is not an acceptable error body (or null when it is): ApiError shape, no stack, no paths. */
export function errorBodyProblem(body: unknown, rawText: string): string | null {
  const parsed = ApiError.safeParse(body);
  if (!parsed.success) return `not an ApiError: ${rawText.slice(0, 200)}`;
  if (!parsed.data.error.code || !parsed.data.error.message) return `empty code or message: ${rawText.slice(0, 200)}`;
  return leakProblem(rawText);
}

/** Stack frames or source paths of this machine in a response body. */
export function leakProblem(rawText: string): string | null {
  if (/\n\s+at |\bat [\w.<>]+ \(/.test(rawText)) return `stack frame in body: ${rawText.slice(0, 200)}`;
  if (rawText.includes(PROJECT_ROOT) || /node_modules|\/work\/|file:\/\/\/|\.ts:\d+/.test(rawText)) return `file path in body: ${rawText.slice(0, 200)}`;
  return null;
}

/** A small seeded PRNG (mulberry32), so a fuzz run is reproducible from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: unknown;
  ms: number;
}

/** One HTTP request with the path sent byte for byte as given (no URL normalisation, unlike fetch). */
export function rawRequest(
  port: number,
  method: string,
  path: string,
  body?: string | Buffer,
  headers: Record<string, string> = {},
  timeoutMs = 30_000,
): Promise<RawResponse> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers: { connection: 'keep-alive', ...headers }, agent: keepAlive }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown = undefined;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json, ms: performance.now() - started });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    // A hung request fails the test in bounded time instead of stalling it.
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer to ${method} ${path.slice(0, 80)} within ${timeoutMs} ms`)));
    if (body !== undefined) req.end(body);
    else req.end();
  });
}
const keepAlive = new Agent({ keepAlive: true, maxSockets: 8 });

/** Listens on 127.0.0.1 on a free port. */
export async function listen(app: RequestListener): Promise<{ port: number; close: () => Promise<void> }> {
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
