/**
 * `npm run ingest -- <paths or feed URLs...>`   ingest files, folders and feeds
 * `npm run ingest -- --remove <id|path> ...`     remove documents and what only they contributed
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../core/config.ts';
import { applySchema } from '../cypher/apply-schema.ts';
import { ingestInputs, type IngestProgress, type IngestSummary } from '../ingest/pipeline.ts';
import { countInputFiles } from '../ingest/readers/index.ts';
import { removeDocument } from '../ingest/write.ts';
import { connectNeo4j } from '../neo4j/connect.ts';

const USAGE = `usage: npm run ingest -- [--max-mb N] [--batch N] <file|folder|feed-url> ...
         --batch N   documents per write transaction (default 25; 1 writes each document on its own)
       npm run ingest -- --remove <document-id|path> ...`;

const PIPED_PROGRESS_MS = 5000;

function progressLine(p: IngestProgress, totalFiles: number): string {
  const wps = p.elapsedMs > 0 ? Math.round((p.words / p.elapsedMs) * 1000) : 0;
  const name = p.current.length > 40 ? `…${p.current.slice(-39)}` : p.current;
  // Feeds yield several documents per input, so the ETA is only shown while documents track files.
  const known = totalFiles > 0 && p.documents <= totalFiles;
  const eta = known && p.documents > 0 ? ` · ETA ${Math.ceil(((totalFiles - p.documents) * p.elapsedMs) / p.documents / 1000)} s` : '';
  const count = known ? `${p.documents}/${totalFiles}` : `${p.documents}`;
  return `  ${count} docs · ${p.words.toLocaleString('en')} words · ${wps.toLocaleString('en')} words/s${eta} · ${name}`;
}

function printSummary(s: IngestSummary): void {
  const d = s.documents;
  console.log(`\nIngested in ${(s.elapsedMs / 1000).toFixed(1)} s: ${d.created} new, ${d.updated} updated, ${d.unchanged} unchanged document(s); ${s.words.toLocaleString('en')} words.`);
  if (s.replaced) console.log(`Replaced ${s.replaced} stored document(s) written under an older identity or path.`);
  const table = (title: string, rec: Record<string, number | undefined>) => {
    const rows = Object.entries(rec).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0));
    if (rows.length) console.log(`${title}: ${rows.map(([k, v]) => `${k} ${v}`).join(', ')}`);
  };
  table('Entities by type', s.entitiesByType);
  table('Relations by type', s.relationsByType);
  for (const f of s.warnings) console.log(`warning ${f.path}: ${f.reason}`);
  for (const f of s.skipped) console.log(`skipped ${f.path}: ${f.reason}`);
  for (const f of s.failed) console.log(`FAILED ${f.path}: ${f.reason}`);
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      remove: { type: 'boolean', default: false },
      'max-mb': { type: 'string' },
      batch: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals.length === 0) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const maxMb = values['max-mb'] === undefined ? undefined : Number(values['max-mb']);
  if (maxMb !== undefined && !(maxMb > 0)) {
    console.error(`--max-mb must be a positive number, got ${JSON.stringify(values['max-mb'])}`);
    return 2;
  }

  const batch = values.batch === undefined ? undefined : Number(values.batch);
  if (batch !== undefined && !(Number.isInteger(batch) && batch >= 1)) {
    console.error(`--batch must be a whole number ≥ 1, got ${JSON.stringify(values.batch)}`);
    return 2;
  }

  const config = loadConfig();
  const conn = await connectNeo4j(config);
  const stop = () => void conn.close().finally(() => process.exit(130));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await applySchema(conn.driver);
    if (values.remove) {
      let missing = 0;
      for (const key of positionals) {
        const removed = await removeDocument(conn.driver, key);
        if (removed) console.log(`removed ${removed.id} (${removed.title}); ${removed.removedEntities} entities no longer mentioned anywhere were removed`);
        else {
          missing++;
          console.error(`no document with id or path ${JSON.stringify(key)}`);
        }
      }
      return missing === positionals.length ? 1 : 0;
    }
    const tty = process.stderr.isTTY;
    const totalFiles = await countInputFiles(positionals);
    // Piped (CI, logs): a plain line every few seconds instead of a redrawn one.
    let lastLine = 0;
    const summary = await ingestInputs(conn.driver, positionals, {
      maxBytes: maxMb === undefined ? undefined : maxMb * 1024 * 1024,
      batchDocuments: batch,
      onProgress: (p) => {
        if (tty) process.stderr.write(`\r\x1b[2K${progressLine(p, totalFiles)}`);
        else if (p.elapsedMs - lastLine >= PIPED_PROGRESS_MS) {
          lastLine = p.elapsedMs;
          process.stderr.write(`${progressLine(p, totalFiles).trim()}\n`);
        }
      },
    });
    if (tty) process.stderr.write('\n');
    printSummary(summary);
    const read = summary.documents.created + summary.documents.updated + summary.documents.unchanged;
    return read === 0 ? 1 : 0;
  } finally {
    await conn.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`ingest: ${err.message}`);
    process.exit(1);
  },
);
