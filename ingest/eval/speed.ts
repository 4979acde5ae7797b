import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractAll } from '../extract/index.ts';
import type { DocumentRecord } from '../model.ts';
import { readInputs } from '../readers/index.ts';

/** Single-core extraction throughput over the shared corpus (reading excluded): `tsx ingest/eval/speed.ts`. */
const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CORPUS = process.env.SHARED_CORPUS ? resolve(process.env.SHARED_CORPUS) : resolve(REPO, '../shared/corpus');

async function main(): Promise<void> {
  const dirs = ['seeds', 'potw'].map((d) => join(CORPUS, d)).filter((d) => existsSync(d));
  if (dirs.length === 0) {
    console.log(`corpus not found at ${CORPUS}, skipping`);
    return;
  }
  const docs: DocumentRecord[] = [];
  for await (const o of readInputs(dirs)) if (o.kind === 'document') docs.push(o.doc);
  const words = docs.reduce((n, d) => n + d.wordCount, 0);
  extractAll(docs.slice(0, 3));
  const runs: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    extractAll(docs);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    runs.push(performance.now() - t0);
  }
  const best = Math.min(...runs);
  const bestCpu = Math.min(...cpu);
  // CPU time is reported too: on a shared machine wall time mostly measures the neighbours.
  console.log(
    `${docs.length} documents, ${words} words: best of 3 = ${best.toFixed(0)} ms wall → ${Math.round(words / (best / 1000))} words/s; ` +
      `${bestCpu.toFixed(0)} ms CPU → ${Math.round(words / (bestCpu / 1000))} words/s (single core)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
