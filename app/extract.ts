/** `npm run extract -- [--format json|summary] <inputs…>`: extraction only, no database, JSON on stdout. */
import { extractAllFast } from '../ingest/extract/parallel.ts';
import type { DocumentRecord, Extraction } from '../ingest/model.ts';
import { readInputs } from '../ingest/readers/index.ts';

const USAGE = 'usage: npm run extract -- [--format json|summary] [--with-text] [--max-bytes N] [--workers N] <file|folder|feed-url>...';

interface Args {
  format: 'json' | 'summary';
  withText: boolean;
  maxBytes?: number;
  /** Worker threads (default: one per core; 0 or 1: this thread only). The output is the same. */
  workers?: number;
  inputs: string[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { format: 'json', withText: false, inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--format') {
      const v = argv[++i];
      if (v !== 'json' && v !== 'summary') throw new Error(`--format must be json or summary, got ${JSON.stringify(v)}`);
      args.format = v;
    } else if (a === '--with-text') args.withText = true;
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

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const docs: DocumentRecord[] = [];
  for await (const outcome of readInputs(args.inputs, { maxBytes: args.maxBytes })) {
    if (outcome.kind === 'skipped') process.stderr.write(`skipped ${outcome.path}: ${outcome.reason}\n`);
    else docs.push(outcome.doc);
  }
  // On every core (worker threads for the text-only half), with the output of one thread.
  const result = await extractAllFast(docs, [], { workers: args.workers });
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
