/**
 * `tsx bench/extract-digest.ts [--out file.json] [corpus dirs…]`: a SHA-256 of the whole extraction output
 * (documents' text and structure, entities, mentions, aliases, relations, facts) per corpus, sequential and on
 * worker threads. A performance change to the readers or the rules must leave every digest as it was.
 * Default corpora: ../shared/corpus seeds, potw, interconnects, ainews (SHARED_CORPUS overrides).
 */
import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { extractAll } from '../ingest/extract/index.ts';
import { extractAllParallel } from '../ingest/extract/parallel.ts';
import type { DocumentRecord } from '../ingest/model.ts';
import { readInputs } from '../ingest/readers/index.ts';
import { SHARED_CORPUS } from './scale-corpus.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: 'string' }, parallel: { type: 'boolean', default: false } } });
const dirs = positionals.length ? positionals : ['seeds', 'potw', 'interconnects', 'ainews'].map((d) => join(SHARED_CORPUS, d)).filter(existsSync);
const sha = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);
const dump: Record<string, unknown> = {};
for (const dir of dirs) {
  const docs: DocumentRecord[] = [];
  const t0 = performance.now();
  for await (const o of readInputs([dir])) if (o.kind === 'document') docs.push(o.doc);
  const readMs = performance.now() - t0;
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  const seq = JSON.stringify(extractAll(docs));
  const seqMs = performance.now() - t1;
  const cpu = process.cpuUsage(c1);
  let line = `${basename(dir).padEnd(14)} ${docs.length} docs  read ${sha(JSON.stringify(docs))} (${readMs.toFixed(0)} ms)  extract ${sha(seq)} (${seqMs.toFixed(0)} ms, CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms)`;
  if (values.parallel) {
    const t2 = performance.now();
    const par = JSON.stringify(await extractAllParallel(docs));
    line += `  parallel ${par === seq ? 'identical' : `DIFFERS ${sha(par)}`} (${(performance.now() - t2).toFixed(0)} ms)`;
  }
  console.log(line);
  if (values.out) dump[basename(dir)] = JSON.parse(seq);
}
if (values.out) writeFileSync(values.out, JSON.stringify(dump));
