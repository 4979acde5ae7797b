import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractAllParallel, PreparePool } from '../extract/parallel.ts';
import type { DocumentRecord, EntityRecord, Extraction } from '../model.ts';
import { readInputs, readSource } from '../readers/index.ts';
import { LEXICON } from '../rules/lexicon.ts';
import { fold, type GoldEntity, type GoldFile, loadGold, potwTitles } from './gold.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CORPUS = process.env.SHARED_CORPUS ? resolve(process.env.SHARED_CORPUS) : resolve(REPO, '../shared/corpus');
const GOLD = join(REPO, 'test/gold/seeds.json');
/** Issues written for this project (never read from the corpus), annotated before the extractor ran on them. */
const HELDOUT_DIR = join(REPO, 'test/fixtures/heldout');
const HELDOUT_GOLD = join(REPO, 'test/gold/heldout.json');
const DEV_GOLD = join(REPO, 'test/gold/dev-heldout.json');
/** Other regions of the corpus, annotated by a second session that writes no rules; the rules ARE tuned on these. */
const TUNE_GOLD = join(REPO, 'test/gold/dev-tune.json');
const LEXICON_KEYS = new Set(LEXICON.flatMap((e) => [e.name, ...(e.aliases ?? [])]).map(fold));
const EVAL_TYPES = ['Paper', 'Lab', 'Person', 'Method', 'Benchmark', 'Model', 'Tool'] as const;
const MICRO_TYPES = new Set(['Paper', 'Lab', 'Person', 'Method', 'Benchmark']);

interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

const score = (tp: number, fp: number, fn: number): Score => {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
};

async function readAll(paths: string[]): Promise<DocumentRecord[]> {
  const docs: DocumentRecord[] = [];
  for await (const o of readInputs(paths)) if (o.kind === 'document') docs.push(o.doc);
  return docs;
}

/** Names an extracted entity goes by in one document: its canonical name and the surfaces found there. */
function namesIn(entity: EntityRecord, documentId: string): Set<string> {
  const keys = new Set([fold(entity.name)]);
  for (const m of entity.mentions) if (m.documentId === documentId) keys.add(fold(m.text));
  return keys;
}

const goldKeys = (g: GoldEntity) => new Set([g.name, ...g.aliases].map(fold));
const intersects = (a: Set<string>, b: Set<string>) => [...a].some((k) => b.has(k));

/**
 * Whether an extracted relation (type, source's gold name, target's gold name) says what a gold relation says: the
 * same type (a gold `A|B` accepts either) and direction, COMPARED_WITH either way, and FROM_LAB m→l the same as
 * INTRODUCES l→m. Used alike for precision and for recall, so neither side is graded more leniently.
 */
function saysSame(gold: { source: string; type: string; target: string }, type: string, source?: string, target?: string): boolean {
  if (source === undefined || target === undefined) return false;
  const types = gold.type.split('|');
  const forward = gold.source === source && gold.target === target;
  const backward = gold.source === target && gold.target === source;
  if (types.includes(type) && (forward || (type === 'COMPARED_WITH' && backward))) return true;
  return backward && ((type === 'FROM_LAB' && types.includes('INTRODUCES')) || (type === 'INTRODUCES' && types.includes('FROM_LAB')));
}

interface FileReport {
  file: string;
  missed: string[];
  spurious: string[];
  missedRelations: string[];
  spuriousRelations: string[];
}

function evaluateSeeds(result: Extraction, gold: Record<string, GoldFile>) {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>(EVAL_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  let relTotal = 0;
  let relFound = 0;
  let relExtracted = 0;
  let relTrue = 0;
  let unseenTotal = 0;
  let unseenFound = 0;
  /** Per gold relation type: stated, both ends found as entities, extracted. Says whether a miss is a name or a pattern. */
  const relByType = new Map<string, { total: number; endsFound: number; found: number }>();
  const files: FileReport[] = [];
  for (const [file, g] of Object.entries(gold)) {
    const doc = result.documents.find((d) => basename(d.path) === file);
    const report: FileReport = { file, missed: [], spurious: [], missedRelations: [], spuriousRelations: [] };
    files.push(report);
    const inDoc = doc ? result.entities.filter((e) => e.mentions.some((m) => m.documentId === doc.id)) : [];
    const matchOf = new Map<GoldEntity, EntityRecord>();
    for (const type of EVAL_TYPES) {
      const c = counts.get(type)!;
      const golds = g.entities.filter((e) => e.type === type);
      const matched = new Set<GoldEntity>();
      for (const e of inDoc.filter((x) => x.type === type)) {
        const keys = namesIn(e, doc!.id);
        const hit = golds.find((ge) => !matched.has(ge) && intersects(keys, goldKeys(ge)));
        if (hit) {
          matched.add(hit);
          matchOf.set(hit, e);
          c.tp++;
        } else {
          c.fp++;
          report.spurious.push(`${type}:${e.name}`);
        }
      }
      for (const ge of golds) if (!matched.has(ge)) {
        c.fn++;
        report.missed.push(`${type}:${ge.name}`);
      }
    }
    // Precision of typed relations: each one extracted in this document is true when the gold states it between the
    // gold entities its two ends matched (FROM_LAB m→l and INTRODUCES l→m say the same; COMPARED_WITH is symmetric).
    const goldOf = new Map([...matchOf.entries()].map(([ge, e]) => [e.id, ge.name]));
    for (const r of doc ? result.relations.filter((x) => x.documentId === doc.id && x.type !== 'CO_MENTIONED') : []) {
      relExtracted++;
      const s = goldOf.get(r.source);
      const t = goldOf.get(r.target);
      const ok = s !== undefined && t !== undefined && g.relations.some((gr) => saysSame(gr, r.type, s, t));
      if (ok) relTrue++;
      else report.spuriousRelations.push(`${r.source} ${r.type} ${r.target} (${r.reason})`);
    }
    for (const ge of g.entities) {
      if (!EVAL_TYPES.includes(ge.type as (typeof EVAL_TYPES)[number]) || [ge.name, ...ge.aliases].some((n) => LEXICON_KEYS.has(fold(n)))) continue;
      unseenTotal++;
      if (matchOf.has(ge)) unseenFound++;
    }
    for (const rel of g.relations) {
      relTotal++;
      const find = (name: string) => g.entities.find((e) => e.name === name);
      const gs = find(rel.source);
      const gt = find(rel.target);
      if (!gs || !gt) throw new Error(`gold relation in ${file} names an unknown entity: ${JSON.stringify(rel)}`);
      const s = matchOf.get(gs);
      const t = matchOf.get(gt);
      const tally = relByType.get(rel.type) ?? { total: 0, endsFound: 0, found: 0 };
      relByType.set(rel.type, tally);
      tally.total++;
      if (s && t) tally.endsFound++;
      const ends = new Map([[s?.id, rel.source], [t?.id, rel.target]]);
      const ok =
        doc && s && t &&
        result.relations.some((r) => r.documentId === doc.id && r.type !== 'CO_MENTIONED' && saysSame(rel, r.type, ends.get(r.source), ends.get(r.target)));
      if (ok) {
        relFound++;
        tally.found++;
      } else report.missedRelations.push(`${rel.source} ${rel.type} ${rel.target}`);
    }
  }
  const byType = Object.fromEntries(EVAL_TYPES.map((t) => {
    const c = counts.get(t)!;
    return [t, score(c.tp, c.fp, c.fn)];
  }));
  const micro = [...counts.entries()].filter(([t]) => MICRO_TYPES.has(t)).reduce((a, [, c]) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  const allTypes = [...counts.values()].reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  return {
    byType,
    micro: score(micro.tp, micro.fp, micro.fn),
    all: score(allTypes.tp, allTypes.fp, allTypes.fn),
    relationRecall: relTotal ? relFound / relTotal : 1,
    relationPrecision: relExtracted ? relTrue / relExtracted : 1,
    relations: { found: relFound, total: relTotal, extracted: relExtracted, true: relTrue },
    relationsByType: Object.fromEntries([...relByType.entries()].sort()),
    unseenRecall: unseenTotal ? unseenFound / unseenTotal : 1,
    unseen: { found: unseenFound, total: unseenTotal },
    files,
  };
}

function seedChecks(result: Extraction) {
  const openai = result.entities.find((e) => e.id === 'Lab:openai');
  const docsWithOpenAI = new Set(openai?.mentions.map((m) => m.documentId));
  const spokenForm = openai?.mentions.some((m) => m.text === 'Open AI') ?? false;
  const link = result.relations.find((r) => r.type !== 'CO_MENTIONED' && [r.source, r.target].sort().join() === ['Method:gdpo', 'Method:grpo'].join());
  const naming = result.documents.filter((d) => /open\s?ai/i.test(d.text));
  return {
    openaiFiles: `${result.documents.filter((d) => docsWithOpenAI.has(d.id)).length}/${result.documents.length}`,
    openaiInEveryFileThatNamesIt: naming.every((d) => docsWithOpenAI.has(d.id)),
    openaiSpokenFormResolved: spokenForm,
    gdpoGrpoRelation: link ? { type: link.type, evidence: link.evidence, reason: link.reason } : null,
  };
}

/** Worker threads for the text-only half of extraction, shared by every run below (the output is one thread's). */
let pool: PreparePool | undefined;
const extractAll = (docs: DocumentRecord[]) => extractAllParallel(docs, [], { pool: (pool ??= new PreparePool()) });

async function evaluatePotw(dir: string) {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.md')).sort();
  const docs = await readAll(files.map((f) => join(dir, f)));
  const result = await extractAll(docs);
  let total = 0;
  let found = 0;
  const missed: string[] = [];
  for (const file of files) {
    const titles = potwTitles(await readFile(join(dir, file), 'utf8'));
    const doc = result.documents.find((d) => basename(d.path) === file);
    const papers = new Set(
      doc ? result.entities.filter((e) => e.type === 'Paper').flatMap((e) => e.mentions.filter((m) => m.documentId === doc.id).map((m) => fold(m.text))) : [],
    );
    for (const t of titles) {
      total++;
      if (papers.has(fold(t))) found++;
      else missed.push(`${file}: ${t}`);
    }
  }
  return { files: files.length, titles: total, found, recall: total ? found / total : 1, missed };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

type GoldReport = ReturnType<typeof evaluateSeeds>;

function printGold(label: string, report: GoldReport, verbose: boolean): void {
  console.log(`Entities on ${label}`);
  console.log('type        P       R       F1      tp  fp  fn');
  for (const [type, s] of Object.entries(report.byType)) {
    console.log(`${type.padEnd(10)}  ${pct(s.precision).padEnd(7)} ${pct(s.recall).padEnd(7)} ${pct(s.f1).padEnd(7)} ${String(s.tp).padStart(3)} ${String(s.fp).padStart(3)} ${String(s.fn).padStart(3)}`);
  }
  const m = report.micro;
  console.log(`micro F1 (Paper/Lab/Person/Method/Benchmark): ${pct(m.f1)}  (P ${pct(m.precision)}, R ${pct(m.recall)})`);
  console.log(`entity F1, all types: ${pct(report.all.f1)}  (P ${pct(report.all.precision)}, R ${pct(report.all.recall)})`);
  console.log(`recall of names outside the lexicon: ${pct(report.unseenRecall)} (${report.unseen.found}/${report.unseen.total})`);
  console.log(`typed relations: recall ${pct(report.relationRecall)} (${report.relations.found}/${report.relations.total}), precision ${pct(report.relationPrecision)} (${report.relations.true}/${report.relations.extracted})`);
  console.log(`  by type (stated / both ends found / extracted): ${Object.entries(report.relationsByType).map(([t, c]) => `${t} ${c.total}/${c.endsFound}/${c.found}`).join(', ')}`);
  if (verbose) {
    for (const f of report.files) {
      console.log(`\n${f.file}\n  missed: ${f.missed.join('; ')}\n  spurious: ${f.spurious.join('; ')}\n  missed relations: ${f.missedRelations.join('; ')}\n  spurious relations: ${f.spuriousRelations.join('; ')}`);
    }
  }
}

/**
 * The dev held-out set: regions of ../shared/corpus files (`lines`, 1-based inclusive) annotated by a session that
 * writes no rules. Each file is read and extracted on its own, as the hidden evaluation does.
 */
async function evaluateRegions(gold: Record<string, GoldFile & { lines?: [number, number] }>) {
  const docs: DocumentRecord[] = [];
  const entities: EntityRecord[] = [];
  const relations: Extraction['relations'] = [];
  const keyed: Record<string, GoldFile> = {};
  const regions: Array<{ doc: DocumentRecord; path: string; g: GoldFile }> = [];
  for (const [rel, g] of Object.entries(gold)) {
    const path = join(CORPUS, rel);
    if (!existsSync(path)) continue;
    const source = (await readFile(path, 'utf8')).replace(/\r\n?/g, '\n');
    const [from, to] = g.lines ?? [1, Number.MAX_SAFE_INTEGER];
    const region = source.split('\n').slice(from - 1, to).join('\n');
    const [out] = readSource(path, region, extname(path).toLowerCase());
    if (out?.kind !== 'document') continue;
    regions.push({ doc: out.doc, path, g });
  }
  // Each region on its own (a fresh extractor each), all at once on the workers.
  const results = await Promise.all(regions.map(({ doc }) => extractAll([doc])));
  regions.forEach(({ doc, path, g }, i) => {
    docs.push(doc);
    entities.push(...results[i]!.entities);
    relations.push(...results[i]!.relations);
    keyed[basename(path)] = g;
  });
  return evaluateSeeds({ documents: docs, entities, relations }, keyed);
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const verbose = process.argv.includes('--verbose');
  // `--only tune,seeds`: just those sets (the per-file lists of --verbose are for sets one may tune on, not `dev`).
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  const wanted = (set: string) => !only || only.includes(set);
  const out: Record<string, unknown> = { corpus: CORPUS };
  if (wanted('heldout') && existsSync(HELDOUT_DIR) && existsSync(HELDOUT_GOLD)) {
    const result = await extractAll(await readAll([HELDOUT_DIR]));
    out.heldout = evaluateSeeds(result, await loadGold(HELDOUT_GOLD));
  }
  const seedsDir = join(CORPUS, 'seeds');
  if (wanted('seeds') && existsSync(seedsDir)) {
    const docs = await readAll([seedsDir]);
    const result = await extractAll(docs);
    out.seeds = evaluateSeeds(result, await loadGold(GOLD));
    out.checks = seedChecks(result);
  }
  type Regions = Record<string, GoldFile & { lines?: [number, number] }>;
  if (wanted('tune') && existsSync(TUNE_GOLD) && existsSync(CORPUS)) out.tune = await evaluateRegions((await loadGold(TUNE_GOLD)) as Regions);
  if (wanted('dev') && existsSync(DEV_GOLD) && existsSync(CORPUS)) out.dev = await evaluateRegions((await loadGold(DEV_GOLD)) as Regions);
  const potwDir = join(CORPUS, 'potw');
  if (wanted('potw') && existsSync(potwDir)) out.potw = await evaluatePotw(potwDir);
  if (json) {
    console.log(JSON.stringify(out, null, 2));
    return;
  }
  if (!existsSync(CORPUS)) console.log(`corpus not found at ${CORPUS}, skipping seeds and potw (set SHARED_CORPUS to point elsewhere)`);
  const seeds = out.seeds as GoldReport | undefined;
  if (seeds) {
    printGold('test/gold/seeds.json', seeds, verbose);
    console.log(`checks: ${JSON.stringify(out.checks)}`);
  } else if (wanted('seeds') && existsSync(CORPUS)) console.log(`seeds not found under ${CORPUS}, skipping the gold evaluation`);
  const heldout = out.heldout as GoldReport | undefined;
  if (heldout) {
    console.log('');
    printGold('test/gold/heldout.json (dev set in our own words: gold written first, rules then tuned on it, so not an unseen-text score)', heldout, verbose);
  }
  const tune = out.tune as GoldReport | undefined;
  if (tune) {
    console.log('');
    printGold('test/gold/dev-tune.json (other regions of ../shared/corpus, annotated by a session that writes no rules; the rules are tuned on it)', tune, verbose);
  }
  const dev = out.dev as GoldReport | undefined;
  if (dev) {
    console.log('');
    // Never per file: reading what the held-out set misses would be tuning on it.
    printGold('test/gold/dev-heldout.json (regions of ../shared/corpus annotated by a session that writes no rules; never tuned on)', dev, false);
  }
  const potw = out.potw as Awaited<ReturnType<typeof evaluatePotw>> | undefined;
  if (potw) {
    console.log(`potw Paper recall: ${pct(potw.recall)} (${potw.found}/${potw.titles} titles in ${potw.files} issues)`);
    if (verbose) for (const m of potw.missed.slice(0, 40)) console.log(`  missed ${m}`);
  }
}

main()
  .finally(() => pool?.close())
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
