/**
 * The yardstick of the extraction and ingest benchmarks: `tsx bench/naive-parse.ts <inputs…>` reads the inputs
 * with our readers and runs a full compromise parse of every document — `nlp(text)` and its people(),
 * organizations() and acronyms() — in one process, one thread. bench/run.ts times it as a whole process (start-up
 * and reading included), like `npm run extract`, so the two ratios compare like with like.
 */
import nlp from 'compromise';
import { readInputs } from '../ingest/readers/index.ts';

async function main(): Promise<void> {
  const inputs = process.argv.slice(2);
  if (inputs.length === 0) throw new Error('usage: tsx bench/naive-parse.ts <file|folder>…');
  let documents = 0;
  let words = 0;
  let found = 0;
  for await (const o of readInputs(inputs)) {
    if (o.kind !== 'document') continue;
    const doc = nlp(o.doc.text);
    found += doc.people().json().length + doc.organizations().json().length + doc.acronyms().json().length;
    documents++;
    words += o.doc.wordCount;
  }
  console.log(JSON.stringify({ documents, words, found }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
