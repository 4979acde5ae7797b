/**
 * `npm run extract -- [--format json|summary] [--workers N] [--db] <inputs…>`: extraction only (on every core, with
 * the output of one thread), JSON on stdout. No database, unless `--db`: then the curation decisions stored in the
 * graph (found like `npm start` finds Neo4j: NEO4J_URI, else the embedded Neo4j of NEO4J_DATA_DIR) are applied to
 * the output, as an ingest would apply them.
 */
import { Curation, project } from '../core/curation.ts';
import { loadConfig } from '../core/config.ts';
import { read } from '../core/db.ts';
import { readDecisions } from '../cypher/curation-store.ts';
import { extractAllFast } from '../ingest/extract/parallel.ts';
import type { DocumentRecord, EntityRecord, Extraction } from '../ingest/model.ts';
import { readInputs } from '../ingest/readers/index.ts';
import { mentionId } from '../ingest/write.ts';
import { connectNeo4j } from '../neo4j/connect.ts';

const USAGE = 'usage: npm run extract -- [--format json|summary] [--with-text] [--max-bytes N] [--workers N] [--db] <file|folder|feed-url>...';

interface Args {
  format: 'json' | 'summary';
  withText: boolean;
  /** Apply the curation decisions stored in the graph. */
  db: boolean;
  maxBytes?: number;
  /** Worker threads (default: one per core; 0 or 1: this thread only). The output is the same. */
  workers?: number;
  inputs: string[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { format: 'json', withText: false, db: false, inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--format') {
      const v = argv[++i];
      if (v !== 'json' && v !== 'summary') throw new Error(`--format must be json or summary, got ${JSON.stringify(v)}`);
      args.format = v;
    } else if (a === '--with-text') args.withText = true;
    else if (a === '--db') args.db = true;
    else if (a === '--max-bytes') {
      const n = Number(argv[++i]);
      if (!(n > 0)) throw new Error(`--max-bytes must be a positive number, got ${JSON.stringify(argv[i])}`);
      args.maxBytes = n;
    } else if (a === '--workers') {
      const n = Number(argv[++i]);
      if (!(Number.isInteger(n) && n >= 0)) throw new Error(`--workers must be a whole number ≥ 0, got ${JSON.stringify(argv[i])}`);
      args.workers = n;
    } else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (a.startsWith('--')) throw new Error(`unknown option ${a}\n${USAGE}`);
    else args.inputs.push(a);
  }
  if (args.inputs.length === 0) throw new Error(USAGE);
  return args;
}

function summary(result: Extraction): string {
  const count = (items: Array<{ type: string }>) => {
    const m = new Map<string, number>();
    for (const i of items) m.set(i.type, (m.get(i.type) ?? 0) + 1);
    return [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, v]) => `  ${k.padEnd(16)} ${v}`);
  };
  const mentions = result.entities.reduce((n, e) => n + e.mentions.length, 0);
  return [
    `documents: ${result.documents.length} (${result.documents.reduce((n, d) => n + d.wordCount, 0)} words)`,
    `entities: ${result.entities.length} (${mentions} mentions)`,
    ...count(result.entities),
    `relations: ${result.relations.length}`,
    ...count(result.relations),
  ].join('\n');
}

async function storedDecisions(): Promise<Curation> {
  const conn = await connectNeo4j(loadConfig(), (m) => process.stderr.write(`${m}\n`));
  try {
    return new Curation(await read(conn.driver, readDecisions));
  } finally {
    await conn.close();
  }
}

/** The extraction as the graph would hold it under the decisions (core/curation.ts); deleted entities' mentions leave. */
function curate(result: Extraction, curation: Curation): Extraction {
  if (curation.isEmpty) return result;
  const mentions = result.entities.flatMap((e) => e.mentions.map((m) => ({ ...m, id: mentionId(m.documentId, m.start, m.end, e.id), entityId: e.id })));
  const p = project(curation, { entities: result.entities.map((e) => ({ ...e, trusted: Boolean(e.trusted) })), mentions, relations: result.relations, facts: result.facts ?? [] });
  const byEntity = new Map<string, EntityRecord['mentions']>();
  for (const { id: _id, entityId: _e, targetId, ...m } of p.mentions) if (targetId) byEntity.set(targetId, [...(byEntity.get(targetId) ?? []), m]);
  return {
    documents: result.documents,
    entities: p.entities
      .map((e) => ({ id: e.id, name: e.name, type: e.type as EntityRecord['type'], aliases: [...e.aliases], mentions: byEntity.get(e.id) ?? [], trusted: e.trusted }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    relations: p.relations.map(({ src: _s, dst: _d, ...r }) => r),
    facts: p.facts.map(({ src: _s, ...f }) => f),
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const docs: DocumentRecord[] = [];
  for await (const outcome of readInputs(args.inputs, { maxBytes: args.maxBytes })) {
    if (outcome.kind === 'skipped') process.stderr.write(`skipped ${outcome.path}: ${outcome.reason}\n`);
    else docs.push(outcome.doc);
  }
  // On every core (worker threads for the text-only half), with the output of one thread.
  const extracted = await extractAllFast(docs, [], { workers: args.workers });
  const result = args.db ? curate(extracted, await storedDecisions()) : extracted;
  if (args.format === 'summary') {
    console.log(summary(result));
    return;
  }
  const documents = result.documents.map(({ text, ...rest }) => (args.withText ? { ...rest, text } : rest));
  process.stdout.write(`${JSON.stringify({ documents, entities: result.entities, relations: result.relations })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
