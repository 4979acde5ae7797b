/**
 * Idempotency, concurrency and crash safety of the ingest, all compared with ONE clean single run of the same folder:
 *   - the same folder twice → identical graph (checksum included);
 *   - two ingestInputs at once on two drivers → the same ids, no duplicate entity/mention/relationship;
 *   - two `npm run ingest` processes at once → the same;
 *   - `kill -9` of the CLI midway, then a rerun to completion → the same node/relationship counts and id sets.
 * Corpus: the first RELIABILITY_CORPUS_FILES (default 20; "all" for every file) of ../shared/corpus/potw, else the
 * demo corpus copied under several names.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestInputs } from '../../ingest/pipeline.ts';
import { PROJECT_ROOT } from '../../core/config.ts';
import { testConfigEnv, testDriver, wipe } from '../helpers/neo4j.ts';
import { graphIdSets, graphSnapshot, reportFigures } from './support.ts';

const POTW = join(process.env.SHARED_CORPUS ?? join(PROJECT_ROOT, '..', 'shared', 'corpus'), 'potw');
// Ten weekly issues (~100 papers) are enough to kill an ingest midway; RELIABILITY_CORPUS_FILES=all runs every one.
const WANTED = process.env.RELIABILITY_CORPUS_FILES ?? '10';

let driver: Driver;
let dir: string;
let corpusNote = '';
let reference: Awaited<ReturnType<typeof graphIdSets>>;
const figures: Record<string, unknown> = {};

beforeAll(async () => {
  driver = testDriver();
  dir = mkdtempSync(join(tmpdir(), 'nlkg-consistency-'));
  if (existsSync(POTW)) {
    const files = readdirSync(POTW).filter((f) => /\.(md|txt|html?)$/i.test(f)).sort();
    const take = WANTED === 'all' ? files : files.slice(0, Number(WANTED));
    for (const f of take) copyFileSync(join(POTW, f), join(dir, f));
    corpusNote = `${take.length} files of ../shared/corpus/potw`;
  } else {
    console.log('[reliability] ../shared/corpus/potw not found: using copies of demo/corpus instead');
    const demo = join(PROJECT_ROOT, 'demo', 'corpus');
    // Each copy must be a distinct issue (document ids derive from publication, issue and title), so its title changes.
    for (let copy = 0; copy < 5; copy++) {
      for (const f of readdirSync(demo)) {
        const text = readFileSync(join(demo, f), 'utf8');
        const retitled = text.startsWith('---')
          ? text.replace(/^title:\s*(.*)$/m, (_m, t: string) => `title: ${t.replace(/^"|"$/g, '')} (copy ${copy})`)
          : `Copy ${copy}: ${text}`;
        writeFileSync(join(dir, `${copy}-${f}`), retitled);
      }
    }
    corpusNote = 'demo/corpus ×5';
  }
  figures.corpus = corpusNote;
  await wipe(driver);
  const started = performance.now();
  const s = await ingestInputs(driver, [dir]);
  figures.cleanRunMs = Math.round(performance.now() - started);
  expect(s.failed).toEqual([]);
  reference = await graphIdSets(driver);
  expect(reference.documents.length).toBeGreaterThan(3);
}, 300_000);

afterAll(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  await driver?.close();
});

/** Differences between two id-set snapshots, listed briefly. */
function diff(a: typeof reference, b: typeof reference): string[] {
  const out: string[] = [];
  if (a.nodes !== b.nodes) out.push(`nodes ${a.nodes} vs ${b.nodes}`);
  if (a.relationships !== b.relationships) out.push(`relationships ${a.relationships} vs ${b.relationships}`);
  for (const k of ['documents', 'entities', 'mentions', 'relationKeys'] as const) {
    const sa = new Set(a[k]);
    const sb = new Set(b[k]);
    const only = (x: Set<string>, y: Set<string>) => [...x].filter((v) => !y.has(v));
    const dupB = b[k].length - sb.size;
    if (dupB) out.push(`${k}: ${dupB} duplicates`);
    const missing = only(sa, sb);
    const extra = only(sb, sa);
    if (missing.length || extra.length) out.push(`${k}: ${missing.length} missing (${missing.slice(0, 3).join(', ')}), ${extra.length} extra (${extra.slice(0, 3).join(', ')})`);
  }
  return out;
}

function cli(args: string[] = []): { child: ChildProcess; done: Promise<{ code: number | null; signal: string | null; out: string }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'app', 'ingest.ts'), ...args, dir], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...testConfigEnv(), LOG_LEVEL: 'error' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const done = new Promise<{ code: number | null; signal: string | null; out: string }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, out })),
  );
  return { child, done };
}

async function documentCount(): Promise<number> {
  const res = await driver.executeQuery('MATCH (d:Document) RETURN count(d) AS n');
  return Number(res.records[0]!.get('n'));
}

describe('ingest idempotency, concurrency and crash safety', () => {
  it('ingesting the same folder twice changes nothing (counts, ids and checksum)', async () => {
    await wipe(driver);
    await ingestInputs(driver, [dir]);
    const first = await graphSnapshot(driver);
    const s = await ingestInputs(driver, [dir]);
    expect(s.documents).toEqual({ created: 0, updated: 0, unchanged: reference.documents.length });
    expect(await graphSnapshot(driver)).toEqual(first);
    expect(diff(reference, await graphIdSets(driver))).toEqual([]);
    figures.twice = { documents: reference.documents.length, checksumUnchanged: true };
  }, 300_000);

  it('two ingestInputs of the same folder at the same time (two drivers) give the single-run graph', async () => {
    await wipe(driver);
    const a = testDriver();
    const b = testDriver();
    try {
      const [sa, sb] = await Promise.all([ingestInputs(a, [dir]), ingestInputs(b, [dir])]);
      figures.concurrent = { failed: [...sa.failed, ...sb.failed].length, a: sa.documents, b: sb.documents };
      const problems = diff(reference, await graphIdSets(driver));
      (figures.concurrent as Record<string, unknown>).differences = problems;
      expect([...sa.failed, ...sb.failed]).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await a.close();
      await b.close();
    }
  }, 300_000);

  it('two CLI processes on the same folder at the same time give the single-run graph', async () => {
    await wipe(driver);
    const [r1, r2] = await Promise.all([cli().done, cli().done]);
    const problems = diff(reference, await graphIdSets(driver));
    figures.concurrentCli = { exitCodes: [r1.code, r2.code], differences: problems };
    expect([r1.code, r2.code], `${r1.out}\n${r2.out}`).toEqual([0, 0]);
    expect(`${r1.out}${r2.out}`).not.toMatch(/FAILED/);
    expect(problems).toEqual([]);
  }, 300_000);

  it('kill -9 midway, then a rerun to completion, gives the single-run graph', async () => {
    await wipe(driver);
    const total = reference.documents.length;
    // One document per transaction, so there is a "midway" to kill at whatever the corpus size.
    const first = cli(['--batch', '1']);
    const started = Date.now();
    let atKill = 0;
    // Poll until some (not all) documents are in, then SIGKILL the ingest process itself.
    while (Date.now() - started < 120_000) {
      atKill = await documentCount();
      if (atKill >= Math.max(1, Math.floor(total / 5))) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    first.child.kill('SIGKILL');
    const killed = await first.done;
    const partial = await documentCount();
    const rerun = await cli().done;
    const after = await graphIdSets(driver);
    const problems = diff(reference, after);
    figures.crash = {
      documents: total,
      inAtKill: atKill,
      inAfterKill: partial,
      killedBy: killed.signal,
      rerunExit: rerun.code,
      rerunSummary: rerun.out.split('\n').find((l) => l.startsWith('Ingested')) ?? '',
      differences: problems,
      nodes: after.nodes,
      relationships: after.relationships,
    };
    expect(killed.signal).toBe('SIGKILL');
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(total);
    expect(rerun.code, rerun.out).toBe(0);
    expect(problems).toEqual([]);
  }, 300_000);

  it('reports its figures', () => {
    const crash = figures.crash as { inAfterKill: number; documents: number; differences: string[]; nodes: number; relationships: number } | undefined;
    const conc = figures.concurrent as { differences: string[] } | undefined;
    const cliRun = figures.concurrentCli as { differences: string[] } | undefined;
    reportFigures(
      'ingest-consistency',
      `ingest consistency (${corpusNote}, clean run ${((figures.cleanRunMs as number) / 1000).toFixed(1)} s): twice → identical; ` +
        `2 concurrent pipelines → ${conc?.differences.length ? 'DIFFERENT' : 'identical'}; 2 concurrent CLIs → ${cliRun?.differences.length ? 'DIFFERENT' : 'identical'}; ` +
        `kill -9 after ${crash?.inAfterKill}/${crash?.documents} docs + rerun → ${crash?.differences.length ? 'DIFFERENT' : 'identical'} (${crash?.nodes} nodes, ${crash?.relationships} rels)`,
      figures,
    );
  });
});
