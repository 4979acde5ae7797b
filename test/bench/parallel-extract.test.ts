/**
 * The parallel extractor (text-only half on worker threads, resolution in order on the main thread) must give
 * exactly what the sequential Extractor gives: same entities, ids, mentions, aliases and relations, byte for byte.
 * No Neo4j needed.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Extractor, extractAll, prepareText } from '../../ingest/extract/index.ts';
import { extractAllParallel, extractStream, PreparePool } from '../../ingest/extract/parallel.ts';
import type { DocumentRecord } from '../../ingest/model.ts';
import { readInputs } from '../../ingest/readers/index.ts';

const REPO = join(import.meta.dirname, '../..');
const CORPUS = process.env.SHARED_CORPUS ?? join(REPO, '../shared/corpus');

async function read(paths: string[]): Promise<DocumentRecord[]> {
  const docs: DocumentRecord[] = [];
  for await (const o of readInputs(paths)) if (o.kind === 'document') docs.push(o.doc);
  return docs;
}

const pool = new PreparePool(2);
afterAll(() => pool.close());

describe('parallel extraction', () => {
  it('prepareText is a pure function of the text (a worker gives the same as the main thread)', async () => {
    const docs = await read([join(REPO, 'demo/corpus'), join(REPO, 'test/fixtures')]);
    for (const d of docs) expect(JSON.stringify(await pool.prepare(d.text))).toBe(JSON.stringify(prepareText(d.text)));
  });

  it('gives the sequential result on the demo corpus and the test fixtures', async () => {
    const docs = await read([join(REPO, 'demo/corpus'), join(REPO, 'test/fixtures')]);
    expect(docs.length).toBeGreaterThan(3);
    expect(JSON.stringify(await extractAllParallel(docs, [], { workers: 2 }))).toBe(JSON.stringify(extractAll(docs)));
  });

  it('resolves across documents in order, with known entities, document by document', async () => {
    const known = [{ id: 'Lab:hooli', name: 'Hooli', type: 'Lab' as const, aliases: ['Hooli Labs'] }];
    const docs = await read([join(REPO, 'demo/corpus')]);
    const seq = new Extractor(known);
    const expected = docs.map((d) => JSON.stringify(seq.extract(d)));
    const got: string[] = [];
    for await (const out of extractStream(docs, new Extractor(known), pool, 3)) got.push(JSON.stringify({ entities: out.entities, relations: out.relations, facts: out.facts }));
    expect(got).toEqual(expected);
  });

  it('a worker error rejects that document, in order', async () => {
    await expect(pool.prepare(undefined as unknown as string)).rejects.toThrow(/extraction worker/);
    // The pool still works afterwards.
    expect(JSON.stringify(await pool.prepare('GRPO (Group Relative Policy Optimization) is used.'))).toBe(
      JSON.stringify(prepareText('GRPO (Group Relative Policy Optimization) is used.')),
    );
  });

  it.skipIf(!existsSync(join(CORPUS, 'seeds')))('gives the sequential result on the seeds and the potw issues', async () => {
    const dirs = ['seeds', 'potw'].map((d) => join(CORPUS, d)).filter((d) => existsSync(d));
    const docs = await read(dirs);
    expect(JSON.stringify(await extractAllParallel(docs, [], { workers: 2 }))).toBe(JSON.stringify(extractAll(docs)));
  }, 180_000);
});
