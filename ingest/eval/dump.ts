import { extractAll } from '../extract/index.ts';
import type { DocumentRecord } from '../model.ts';
import { readInputs } from '../readers/index.ts';

/** Debug listing: `tsx ingest/eval/dump.ts <paths...> [--text]` prints each document's entities (with rule reasons) and typed relations. */
async function main(): Promise<void> {
  const docs: DocumentRecord[] = [];
  const args = process.argv.slice(2);
  for await (const o of readInputs(args.filter((a) => !a.startsWith('--')))) if (o.kind === 'document') docs.push(o.doc);
  if (args.includes('--text')) {
    for (const doc of docs) console.log(`== ${doc.path}\n${doc.text}`);
    return;
  }
  const result = extractAll(docs);
  for (const doc of docs) {
    console.log(`\n== ${doc.path}`);
    for (const e of result.entities) {
      const ms = e.mentions.filter((m) => m.documentId === doc.id);
      if (ms.length === 0) continue;
      console.log(`  ${e.type.padEnd(9)} ${e.name}  [${[...new Set(ms.map((m) => `${m.text}/${m.reason}`))].join(', ')}]`);
    }
    for (const r of result.relations) if (r.documentId === doc.id && r.type !== 'CO_MENTIONED') console.log(`  REL ${r.source} ${r.type} ${r.target}  (${r.reason})`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
