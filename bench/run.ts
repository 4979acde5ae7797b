/**
 * `npm run bench [-- --only extract,ingest,api,ui] [--corpus ainews,mix] [--scale 10] [--mix-scale 5,10]
 *                   [--duration 10] [--api-cache off,on]`: the performance benchmarks. Prints a table and writes
 * bench/results.json (machine, versions, corpora, every figure with its target and the load average beside it).
 *
 * Corpora (../shared/corpus, SHARED_CORPUS overrides): potw; ainews (the shared AINews folder); mix (seeds + potw +
 * interconnects + ainews together); potw-xN and mix-xN, renamed copies made by bench/scale-corpus.ts into the
 * ignored bench/corpus/. `--corpus` keeps only the named ones (the yardstick still runs where a ratio needs it).
 *
 *   extract  `npm run extract` as a whole process (start-up and reading included), on all cores and on one thread,
 *            against the yardstick measured in the same run: a full compromise parse of every file (`nlp(text)` +
 *            people()/organizations()/acronyms(), bench/naive-parse.ts), also a whole process;
 *   ingest   `npm run ingest` in a child process into a bench embedded Neo4j, from an empty graph: wall and CPU
 *            time (ingest + Neo4j), peak RSS, then a re-ingest of the unchanged files; the mix series gives the
 *            slope of time against size; baseline: one transaction per mention (sampled);
 *   api      autocannon, 32 connections, fixed duration per route, on the graph of all four shared corpora (mix),
 *            with the response cache off and on; search asks distinct queries (each first-time where the pool
 *            allows);
 *   ui       time from data to an interactive graph in headless Chromium (test/e2e/render-bench.ts measureRender).
 * The machine is shared, so the targets are ratios within one run; absolute times are context.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import type { Driver } from 'neo4j-driver';
import { wipeGraph } from '../cypher/apply-schema.ts';
import { extractAll } from '../ingest/extract/index.ts';
import type { DocumentRecord } from '../ingest/model.ts';
import { readInputs } from '../ingest/readers/index.ts';
import { mentionId } from '../ingest/write.ts';
import { write } from '../core/db.ts';
import { createDriver } from '../neo4j/connect.ts';
import { freePort, startEmbeddedNeo4j } from '../neo4j/embedded.ts';
import { MIX_SOURCES, REPO, scaleCorpus, scaleMix, SHARED_CORPUS } from './scale-corpus.ts';

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: 'extract,ingest,api,ui' },
    corpus: { type: 'string', default: '' },
    scale: { type: 'string', default: '10' },
    'mix-scale': { type: 'string', default: '5,10' },
    duration: { type: 'string', default: '10' },
    /** API runs with the server's response cache off (API_CACHE_ENTRIES=0), on, or both in turn. */
    'api-cache': { type: 'string', default: 'off,on' },
    /** Run against this Neo4j instead of a fresh embedded one (its graph is WIPED by the ingest section). */
    'neo4j-uri': { type: 'string' },
    /** That Neo4j's process id, for its CPU time per request (optional). */
    'neo4j-pid': { type: 'string' },
  },
});
const ONLY = new Set(values.only!.split(','));
const WANTED = new Set(values.corpus!.split(',').filter(Boolean));
const numbers = (s: string) => s.split(',').map(Number).filter((n) => n > 0);
const SCALES = numbers(values.scale!);
const MIX_SCALES = numbers(values['mix-scale']!);
const DURATION = Number(values.duration);
const API_CACHE = values['api-cache']!.split(',').filter((v): v is 'on' | 'off' => v === 'on' || v === 'off');
const load = () => Math.round(loadavg()[0]! * 10) / 10;

interface Row {
  section: string;
  what: string;
  corpus: string;
  value: number;
  unit: string;
  target?: string;
  pass?: boolean;
  note?: string;
  /** 1-minute load average when the figure was taken (2 cores: above 2 means something else was running too). */
  load: number;
}
const rows: Row[] = [];
const record = (r: Omit<Row, 'load'>) => {
  const row = { ...r, load: load() };
  rows.push(row);
  const t = r.target ? `  [target ${r.target}: ${r.pass ? 'PASS' : 'MISS'}]` : '';
  console.log(`  ${r.section.padEnd(8)} ${r.what.padEnd(50)} ${r.corpus.padEnd(9)} ${fmt(r.value).padStart(10)} ${r.unit}${t}  (${r.note ? `${r.note}; ` : ''}load ${row.load})`);
};
const fmt = (n: number) => (Number.isInteger(n) ? n.toLocaleString('en') : n.toFixed(n < 10 ? 2 : 1));
const secs = (ms: number) => Math.round(ms / 10) / 100;

interface Corpus {
  name: string;
  inputs: string[];
  /** Filled in by the first child that reads it. */
  documents?: number;
  words?: number;
}

// ---------------------------------------------------------------- child processes
interface ChildRun {
  ms: number;
  cpuMs: number;
  maxRssMb: number;
  out: string;
}

/** The node flags the npm script running `script` gives it (`"ingest": "tsx --max-old-space-size=… app/ingest.ts"`). */
function scriptFlags(script: string): string[] {
  const scripts = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const line = Object.values(scripts).find((cmd) => cmd.split(/\s+/).includes(script));
  return line ? line.split(/\s+/).filter((t) => t.startsWith('--')) : [];
}

/**
 * `node <flags of its npm script> --import tsx <script> …` with the RSS/CPU hook: the process `npm run` starts,
 * timed whole — wall time, CPU time of all its threads, peak RSS.
 */
function runChild(script: string, args: string[], env: Record<string, string> = {}): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [...scriptFlags(script), '--import', 'tsx', '--import', join(REPO, 'bench/rss-hook.mjs'), join(REPO, script), ...args], {
      cwd: REPO,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = performance.now() - t0;
      const kb = Number(/BENCH_MAXRSS_KB=(\d+)/.exec(out)?.[1] ?? NaN);
      const cpuMs = Number(/BENCH_CPU_MS=(\d+)/.exec(out)?.[1] ?? NaN);
      if (code !== 0) reject(new Error(`${script} exited ${code}:\n${out.slice(-2000)}`));
      else resolve({ ms, maxRssMb: Math.round(kb / 1024), cpuMs, out });
    });
  });
}

/** CPU milliseconds a process has used so far (utime + stime from /proc), to tell work from waiting. */
function procCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

// ---------------------------------------------------------------- the yardstick
const yardsticks = new Map<string, ChildRun & { words: number }>();

/** The full compromise parse of the corpus, whole process, once per run (extract and ingest ratios share it). */
async function yardstick(c: Corpus): Promise<ChildRun & { words: number }> {
  const known = yardsticks.get(c.name);
  if (known) return known;
  const run = await runChild('bench/naive-parse.ts', c.inputs);
  const info = JSON.parse(/\{"documents".*\}/.exec(run.out)![0]) as { documents: number; words: number };
  c.documents ??= info.documents;
  c.words ??= info.words;
  const result = { ...run, words: info.words };
  yardsticks.set(c.name, result);
  record({ section: 'yardstick', what: 'full compromise parse, whole process (1 thread)', corpus: c.name, value: secs(run.ms), unit: 's', note: `${Math.round(info.words / (run.ms / 1000)).toLocaleString('en')} words/s; CPU ${secs(run.cpuMs)} s; peak RSS ${run.maxRssMb} MB` });
  return result;
}

// ---------------------------------------------------------------- extract
async function benchExtract(corpora: Corpus[]): Promise<void> {
  console.log('\n== extraction, whole process (`npm run extract -- --format summary`) against the full compromise parse ==');
  for (const c of corpora) {
    const par = await runChild('app/extract.ts', ['--format', 'summary', ...c.inputs]);
    const base = await yardstick(c);
    const one = await runChild('app/extract.ts', ['--format', 'summary', '--workers', '0', ...c.inputs]);
    const words = Number(/documents: \d+ \((\d+) words\)/.exec(par.out)?.[1] ?? base.words);
    c.words ??= words;
    const ratio = base.ms / par.ms;
    const target = c.name === 'ainews' ? '≥ 3× the parse' : undefined;
    record({
      section: 'extract',
      what: `all cores (${cpus().length} workers + resolver), whole process`,
      corpus: c.name,
      value: secs(par.ms),
      unit: 's',
      target,
      pass: target ? ratio >= 3 : undefined,
      note: `${ratio.toFixed(2)}× faster than the full parse (${secs(base.ms)} s); ${Math.round(words / (par.ms / 1000)).toLocaleString('en')} words/s; CPU ${secs(par.cpuMs)} s; peak RSS ${par.maxRssMb} MB`,
    });
    record({
      section: 'extract',
      what: 'one thread, whole process',
      corpus: c.name,
      value: secs(one.ms),
      unit: 's',
      note: `${(base.ms / one.ms).toFixed(2)}× faster than the full parse; all cores are ${(one.ms / par.ms).toFixed(2)}× one thread; CPU ${secs(one.cpuMs)} s`,
    });
  }
}

// ---------------------------------------------------------------- ingest
interface Neo4jHandle {
  uri: string;
  pid: number;
  driver: Driver;
  version: string;
  stop(): Promise<void>;
}

async function startBenchNeo4j(): Promise<Neo4jHandle> {
  if (values['neo4j-uri']) {
    const driver = createDriver(values['neo4j-uri'], { user: 'neo4j', password: 'password' });
    const res = await driver.executeQuery('CALL dbms.components() YIELD versions RETURN versions[0] AS v');
    return { uri: values['neo4j-uri'], pid: Number(values['neo4j-pid'] ?? NaN), driver, version: String(res.records[0]?.get('v')), stop: () => driver.close() };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'nlkg-bench-neo4j-'));
  const port = await freePort();
  const db = await startEmbeddedNeo4j({ dataDir, boltPort: port, pageCacheMb: 1024, heapMb: 2048, log: () => undefined });
  const driver = createDriver(db.uri);
  await driver.verifyConnectivity();
  const res = await driver.executeQuery('CALL dbms.components() YIELD versions RETURN versions[0] AS v');
  return {
    uri: db.uri,
    pid: db.pid,
    driver,
    version: String(res.records[0]?.get('v')),
    async stop() {
      await driver.close();
      await db.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const ingestChild = (db: Neo4jHandle, inputs: string[]) =>
  runChild('app/ingest.ts', inputs, { NEO4J_URI: db.uri, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: 'password' });

/** One transaction per mention (entity MERGE + mention + links), on a sample, extrapolated per mention. */
async function naiveWriteBaseline(driver: Driver, docs: DocumentRecord[]): Promise<number> {
  const extraction = extractAll(docs);
  const mentions = extraction.entities.flatMap((e) => e.mentions.map((m) => ({ e, m }))).slice(0, 400);
  const t0 = performance.now();
  for (const { e, m } of mentions) {
    await write(driver, (tx) =>
      tx.run(
        `MERGE (d:Document {id: $doc}) MERGE (e:Entity {id: $id}) ON CREATE SET e.name = $name, e.type = $type
         MERGE (x:Mention {id: $mid}) SET x.text = $text, x.start = $start, x.end = $end
         MERGE (d)-[:CONTAINS]->(x) MERGE (x)-[:REFERS_TO]->(e)`,
        { doc: `baseline:${m.documentId}`, id: `baseline:${e.id}`, name: e.name, type: e.type, mid: `baseline:${mentionId(m.documentId, m.start, m.end, e.id)}`, text: m.text, start: m.start, end: m.end },
      ),
    );
  }
  return (performance.now() - t0) / mentions.length;
}

interface GraphCounts {
  documents: number;
  entities: number;
  mentions: number;
  relationships: number;
}

async function countGraph(driver: Driver): Promise<GraphCounts> {
  const r = await driver.executeQuery(
    `CALL () { MATCH (d:Document) RETURN count(d) AS documents }
     CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
     CALL () { MATCH (m:Mention) RETURN count(m) AS mentions }
     CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
     RETURN documents, entities, mentions, relationships`,
  );
  const rec = r.records[0]!;
  return { documents: Number(rec.get('documents')), entities: Number(rec.get('entities')), mentions: Number(rec.get('mentions')), relationships: Number(rec.get('relationships')) };
}

const graphs: Record<string, GraphCounts> = {};
let lastIngested: string | undefined;
const RSS_TARGET_MB = 1536;

async function benchIngest(db: Neo4jHandle, corpora: Corpus[], ainews: Corpus | undefined): Promise<void> {
  console.log('\n== ingest into Neo4j (child process `npm run ingest`), from an empty graph ==');
  let msPerMention: number | undefined;
  const series: Array<{ name: string; words: number; ms: number }> = [];
  for (const c of corpora) {
    await wipeGraph(db.driver);
    if (msPerMention === undefined) {
      const sample: DocumentRecord[] = [];
      for await (const o of readInputs(c.inputs)) if (o.kind === 'document' && sample.length < 5) sample.push(o.doc);
      msPerMention = await naiveWriteBaseline(db.driver, sample);
      await wipeGraph(db.driver);
    }
    const jvm0 = procCpuMs(db.pid);
    const first = await ingestChild(db, c.inputs);
    const jvmMs = procCpuMs(db.pid) - jvm0;
    lastIngested = c.name;
    const words = Number(/; ([\d,]+) words\./.exec(first.out)?.[1]?.replace(/,/g, '') ?? NaN);
    const documents = Number(/: (\d+) new, /.exec(first.out)?.[1] ?? NaN);
    c.words ??= words;
    c.documents ??= documents;
    const g = await countGraph(db.driver);
    graphs[c.name] = g;
    if (c.name.startsWith('mix')) series.push({ name: c.name, words, ms: first.ms });
    const base = c === ainews ? await yardstick(c) : undefined;
    const ratio = base ? first.ms / base.ms : undefined;
    record({
      section: 'ingest',
      what: 'first ingest, empty graph, writes included (wall)',
      corpus: c.name,
      value: secs(first.ms),
      unit: 's',
      target: base ? '≤ 0.5× the parse' : undefined,
      pass: ratio === undefined ? undefined : ratio <= 0.5,
      note: `${ratio === undefined ? '' : `${ratio.toFixed(2)}× the full parse (${secs(base!.ms)} s); `}${Math.round(words / (first.ms / 1000)).toLocaleString('en')} words/s; ${documents} documents; ${g.entities} entities, ${g.mentions} mentions, ${g.relationships} relationships`,
    });
    const cpuTotal = first.cpuMs + jvmMs;
    record({ section: 'ingest', what: 'first ingest: CPU time (ingest process + Neo4j)', corpus: c.name, value: secs(cpuTotal), unit: 'CPU s', note: `ingest ${secs(first.cpuMs)} s + Neo4j ${secs(jvmMs)} s; on ${cpus().length} idle cores ≥ ${secs(cpuTotal / cpus().length)} s wall` });
    const rssTarget = c.name === 'mix-x10' ? `≤ ${RSS_TARGET_MB} MB` : undefined;
    record({ section: 'ingest', what: 'first ingest: peak RSS of the ingest process', corpus: c.name, value: first.maxRssMb, unit: 'MB', target: rssTarget, pass: rssTarget ? first.maxRssMb <= RSS_TARGET_MB : undefined });
    const again = await ingestChild(db, c.inputs);
    record({ section: 'ingest', what: 're-ingest of the unchanged files (wall)', corpus: c.name, value: secs(again.ms), unit: 's', target: '≤ 5% of the first', pass: again.ms <= first.ms * 0.05, note: `${((again.ms / first.ms) * 100).toFixed(1)}% of the first; CPU ${secs(again.cpuMs)} s; ${again.maxRssMb} MB peak` });
    const naiveMs = g.mentions * msPerMention;
    record({ section: 'ingest', what: 'baseline: 1 transaction per mention (extrapolated)', corpus: c.name, value: secs(naiveMs), unit: 's', note: `${msPerMention.toFixed(2)} ms/mention × ${g.mentions} mentions, writes only; ${(naiveMs / first.ms).toFixed(1)}× the ingest` });
  }
  if (series.length >= 2) {
    // Least squares of wall time on words: the slope is the cost of a million more words.
    const n = series.length;
    const mx = series.reduce((a, p) => a + p.words, 0) / n;
    const my = series.reduce((a, p) => a + p.ms, 0) / n;
    const sxy = series.reduce((a, p) => a + (p.words - mx) * (p.ms - my), 0);
    const sxx = series.reduce((a, p) => a + (p.words - mx) ** 2, 0);
    const syy = series.reduce((a, p) => a + (p.ms - my) ** 2, 0);
    const slope = sxy / sxx;
    const r2 = (sxy * sxy) / (sxx * syy);
    const perWord = series.map((p) => p.ms / p.words);
    const drift = Math.max(...perWord) / Math.min(...perWord);
    record({
      section: 'ingest',
      what: 'time against size: slope (least squares)',
      corpus: series.map((p) => p.name.replace('mix', '')).join(',') || 'mix',
      value: Math.round((slope * 1e6) / 100) / 10,
      unit: 's per million words',
      target: 'linear (per-word time within 1.25×)',
      pass: drift <= 1.25,
      note: `intercept ${secs(my - slope * mx)} s, R² ${r2.toFixed(3)}; per million words: ${series.map((p, i) => `${p.name} ${secs(perWord[i]! * 1e6)} s`).join(', ')} (largest/smallest ${drift.toFixed(2)})`,
    });
  }
}

// ---------------------------------------------------------------- api
/** Deterministic rotation over a list whose step is coprime with its length, so every item comes up. */
function rotation<T>(items: T[]): () => T {
  const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);
  let step = 7;
  while (items.length > 1 && gcd(step, items.length) !== 1) step++;
  let i = 0;
  return () => items[(i = (i + step) % items.length)]!;
}

async function benchApi(db: Neo4jHandle, corpusName: string, cache: 'on' | 'off'): Promise<void> {
  console.log(`\n== API under load (autocannon, 32 connections, ${DURATION} s per route, graph: ${corpusName}, response cache ${cache}) ==`);
  const top = await db.driver.executeQuery(`MATCH (e:Entity)<-[r:MENTIONS]-() WITH e, sum(r.count) AS n ORDER BY n DESC LIMIT 400 RETURN e.id AS id`);
  const ids = top.records.map((r) => r.get('id') as string);
  if (ids.length < 10) throw new Error('graph too small for the API bench');
  // Search: distinct queries — every entity name, its prefixes and a one-letter typo — so requests are first-time.
  const all = await db.driver.executeQuery(`MATCH (e:Entity) RETURN e.name AS name ORDER BY e.id`);
  const names = all.records.map((r) => String(r.get('name')));
  const queries = [
    ...new Set(
      names.flatMap((n) => {
        const typo = n.length >= 5 ? `${n.slice(0, 2)}${n[3]}${n[2]}${n.slice(4)}` : n;
        return [n, n.slice(0, Math.max(3, Math.ceil(n.length / 2))), typo];
      }),
    ),
  ].filter((q) => q.trim().length >= 2);
  const days = await db.driver.executeQuery(`MATCH (d:Document) WHERE d.date IS NOT NULL RETURN min(d.date) AS first, max(d.date) AS last`);
  const first = Date.parse(`${String(days.records[0]!.get('first')).slice(0, 10)}T00:00:00Z`);
  const last = Date.parse(`${String(days.records[0]!.get('last')).slice(0, 10)}T00:00:00Z`);
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const periods: Array<{ from: string; to: string }> = [];
  for (const len of [7, 14, 30]) for (let t = first; t + len * 86_400_000 <= last + 86_400_000; t += 86_400_000) periods.push({ from: iso(t), to: iso(t + (len - 1) * 86_400_000) });
  const port = await freePort();
  const server = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'app/main.ts')], {
    cwd: REPO,
    env: { ...process.env, ...(cache === 'off' ? { API_CACHE_ENTRIES: '0' } : {}), NEO4J_URI: db.uri, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: 'password', PORT: String(port), HOST: '127.0.0.1', INGEST_ON_START: 'false', CYPHER_RATE_LIMIT: '100000000', LOG_LEVEL: 'error' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  server.stdout.on('data', (d: Buffer) => (log += d.toString()));
  server.stderr.on('data', (d: Buffer) => (log += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i++) {
      if (i > 120) throw new Error(`server did not start:\n${log}`);
      try {
        if ((await fetch(`${url}/api/health`)).ok) break;
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    const nextId = rotation(ids);
    const nextQ = rotation(queries);
    const nextPeriod = rotation(periods.length ? periods : [{ from: iso(first), to: iso(last) }]);
    const e = encodeURIComponent;
    const routes: Array<{ name: string; target?: number; make: () => { method: 'GET' | 'POST'; path: string; body?: string } }> = [
      { name: 'search', target: 50, make: () => ({ method: 'GET', path: `/api/search?q=${e(nextQ())}` }) },
      { name: 'neighbours', target: 50, make: () => ({ method: 'GET', path: `/api/entities/${e(nextId())}/neighbors` }) },
      { name: 'mentions', target: 50, make: () => ({ method: 'GET', path: `/api/entities/${e(nextId())}/mentions` }) },
      { name: 'trends', target: 50, make: () => { const p = nextPeriod(); return { method: 'GET', path: `/api/trends?from=${p.from}&to=${p.to}` }; } },
      { name: 'paths', target: 100, make: () => ({ method: 'GET', path: `/api/paths?from=${e(nextId())}&to=${e(nextId())}` }) },
      {
        name: 'cypher console',
        make: () => ({ method: 'POST', path: '/api/cypher', body: JSON.stringify({ query: 'MATCH (e:Entity {id: $id})-[r]-(n:Entity) RETURN n.name AS name, type(r) AS rel LIMIT 25', params: { id: nextId() } }) }),
      },
    ];
    const cacheEntries = cache === 'off' ? '0' : (process.env.API_CACHE_ENTRIES ?? 'default');
    console.log(`  ${ids.length} entity ids, ${queries.length} distinct search queries, ${periods.length} trend periods; API_CACHE_ENTRIES=${cacheEntries}`);
    for (const route of routes) {
      const seen = new Set<string>();
      const make = route.make;
      route.make = () => {
        const r = make();
        seen.add(r.path + (r.body ?? ''));
        return r;
      };
      // Warm-up (plans cached, pages in), then the measured run.
      for (let i = 0; i < 20; i++) {
        const r = route.make();
        await fetch(url + r.path, { method: r.method, body: r.body, headers: { 'content-type': 'application/json' } });
      }
      const cpu0 = { server: procCpuMs(server.pid!), neo4j: procCpuMs(db.pid), client: process.cpuUsage() };
      const result = await autocannon({
        url,
        connections: 32,
        duration: DURATION,
        requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, ...route.make(), headers: { 'content-type': 'application/json' } }) }],
      });
      const perReq = (ms: number) => (ms / Math.max(1, result.requests.total)).toFixed(2);
      const clientCpu = process.cpuUsage(cpu0.client);
      const cpuNote = `CPU/request: server ${perReq(procCpuMs(server.pid!) - cpu0.server)} ms, Neo4j ${perReq(procCpuMs(db.pid) - cpu0.neo4j)} ms, autocannon ${perReq((clientCpu.user + clientCpu.system) / 1000)} ms`;
      const serial = await autocannon({
        url,
        connections: 1,
        duration: 3,
        requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, ...route.make(), headers: { 'content-type': 'application/json' } }) }],
      });
      const non2xx = result.non2xx + result.errors + result.timeouts;
      const sent = result.requests.total + serial.requests.total + 20;
      const cacheNote = cacheEntries === '0' || route.name === 'cypher console' ? 'no cache' : `cache hit rate ≤ ${(100 * (1 - Math.min(1, seen.size / sent))).toFixed(1)}% (${seen.size} distinct requests of ${sent})`;
      const target = route.target === undefined ? undefined : cache === 'on' ? 20 : route.target;
      const p99 = result.latency.p99;
      record({
        section: 'api',
        what: `${route.name}: p99 latency, cache ${cache}`,
        corpus: corpusName,
        value: p99,
        unit: 'ms',
        target: target ? `≤ ${target} ms` : undefined,
        pass: target ? p99 <= target : undefined,
        note: `p50 ${result.latency.p50} ms; ${Math.round(result.requests.average)} req/s; ${non2xx} non-2xx/errors of ${result.requests.total}; 1 connection: p50 ${serial.latency.p50} ms, p99 ${serial.latency.p99} ms; ${cacheNote}; ${cpuNote}`,
      });
    }
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
}

// ---------------------------------------------------------------- ui
async function benchUi(): Promise<void> {
  console.log('\n== UI: data → interactive graph, headless Chromium ==');
  if (!existsSync('/usr/bin/chromium')) {
    console.log('  chromium not found at /usr/bin/chromium: skipping');
    return;
  }
  const { measureRender } = await import('../test/e2e/render-bench.ts');
  for (const [nodes, edges] of [
    [1000, 3000],
    [5000, 15000],
  ] as const) {
    for (const r of await measureRender({ nodes, edges })) {
      record({ section: 'ui', what: `${nodes} nodes / ${edges} edges, ${r.layout}`, corpus: 'generated', value: r.ms, unit: 'ms', target: nodes === 5000 ? '≤ 3000 ms' : undefined, pass: nodes === 5000 ? r.ms <= 3000 : undefined, note: `elements ${r.syncMs} ms, layout ${r.layoutMs} ms, zoom ${r.responsiveMs} ms` });
    }
  }
}

// ---------------------------------------------------------------- main
async function main(): Promise<void> {
  const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, ramGiB: Math.round(totalmem() / 2 ** 30), node: process.version, loadAvgAtStart: load() };
  console.log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB} GiB, Node ${machine.node}, load ${machine.loadAvgAtStart}`);
  const all: Corpus[] = [];
  const want = (name: string) => WANTED.size === 0 || WANTED.has(name);
  const shared = (d: string) => join(SHARED_CORPUS, d);
  if (!existsSync(shared('ainews')) && !existsSync(shared('potw'))) {
    console.log(`shared corpus not found at ${SHARED_CORPUS} (set SHARED_CORPUS): corpus benchmarks skipped`);
  } else {
    if (existsSync(shared('potw')) && want('potw')) all.push({ name: 'potw', inputs: [shared('potw')] });
    for (const n of SCALES) {
      if (!want(`potw-x${n}`)) continue;
      const dir = await scaleCorpus(n);
      if (dir) all.push({ name: `potw-x${n}`, inputs: [dir] });
    }
    if (existsSync(shared('ainews')) && want('ainews')) all.push({ name: 'ainews', inputs: [shared('ainews')] });
    const mixInputs = MIX_SOURCES.map(shared).filter((d) => existsSync(d));
    if (want('mix')) all.push({ name: 'mix', inputs: mixInputs });
    for (const n of MIX_SCALES) {
      if (!want(`mix-x${n}`)) continue;
      const dir = await scaleMix(n);
      if (dir) all.push({ name: `mix-x${n}`, inputs: [dir] });
    }
    console.log(`corpora: ${all.map((c) => c.name).join(', ')}`);
  }
  const ainews = all.find((c) => c.name === 'ainews') ?? (existsSync(shared('ainews')) ? { name: 'ainews', inputs: [shared('ainews')] } : undefined);
  let neo4jVersion: string | undefined;
  // Extraction on the real archives (the scaled copies only extract inside the ingest).
  if (ONLY.has('extract')) await benchExtract(all.filter((c) => !/-x\d+$/.test(c.name)));
  if (all.length && (ONLY.has('ingest') || ONLY.has('api'))) {
    const db = await startBenchNeo4j();
    neo4jVersion = db.version;
    try {
      // The mix last, so the API runs on the graph of all four shared corpora without another ingest.
      const order = (c: Corpus) => (c.name === 'mix' ? 3 : c.name.startsWith('mix-x') ? 2 - 1 / Number(c.name.slice(5)) : c.name === 'ainews' ? 1 : 0);
      const ingestCorpora = [...all].sort((a, b) => order(a) - order(b));
      if (ONLY.has('ingest')) await benchIngest(db, ingestCorpora, ainews && all.includes(ainews) ? ainews : undefined);
      if (ONLY.has('api')) {
        const apiCorpus = all.find((c) => c.name === 'mix') ?? ingestCorpora.at(-1)!;
        // A --neo4j-uri database that already holds a graph is used as it is (for trying queries quickly).
        const reuse = Boolean(values['neo4j-uri']) && !ONLY.has('ingest') && (await countGraph(db.driver)).documents > 0;
        if (lastIngested !== apiCorpus.name && !reuse) {
          await wipeGraph(db.driver);
          await ingestChild(db, apiCorpus.inputs);
        }
        graphs[apiCorpus.name] ??= await countGraph(db.driver);
        for (const cache of API_CACHE) await benchApi(db, apiCorpus.name, cache);
      }
    } finally {
      await db.stop();
    }
  }
  if (ONLY.has('ui')) await benchUi();

  const results = {
    date: new Date().toISOString(),
    options: { only: [...ONLY], corpus: [...WANTED], scale: SCALES, mixScale: MIX_SCALES, duration: DURATION, apiCache: API_CACHE },
    machine,
    neo4j: neo4jVersion ?? null,
    corpora: all.map(({ inputs: _i, ...c }) => c),
    graphs,
    results: rows,
  };
  writeFileSync(join(REPO, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('\n| section | what | corpus | value | target | | load |\n| --- | --- | --- | ---: | --- | --- | ---: |');
  for (const r of rows) console.log(`| ${r.section} | ${r.what} | ${r.corpus} | ${fmt(r.value)} ${r.unit} | ${r.target ?? ''} | ${r.pass === undefined ? '' : r.pass ? 'pass' : '**miss**'} | ${r.load} |`);
  console.log('\nwrote bench/results.json');
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err);
    process.exit(1);
  },
);
