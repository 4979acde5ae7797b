/**
 * ingest/extract/nlp.ts replaces compromise's rule lookup (bulkMatch) and skips its chunker for person matching.
 * Both must leave every tag exactly as stock compromise sets it — same tags, in the same order, on the same terms —
 * on our own fixtures and on sentences of the shared corpora (skipped where ../shared/corpus is absent).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import nlp, { bulkMatch, compromiseBulkMatch, tagOnly } from '../../ingest/extract/nlp.ts';
import { splitLines, splitSentences } from '../../ingest/extract/segment.ts';
import { readInputs } from '../../ingest/readers/index.ts';

const REPO = join(import.meta.dirname, '../..');
const CORPUS = process.env.SHARED_CORPUS ?? join(REPO, '../shared/corpus');

type Doc = ReturnType<typeof nlp>;
interface Term {
  text: string;
  pre: string;
  post: string;
  tags: Set<string>;
  chunk?: string;
  switch?: string;
}
const world = (nlp as unknown as { world: () => { methods: { one: { bulkMatch: unknown } } } }).world();

/** Every term with its tags in insertion order (and its chunk when asked). */
function signature(doc: Doc, withChunks: boolean): string {
  const docs = (doc as unknown as { docs: Term[][] }).docs;
  return JSON.stringify(docs.map((terms) => terms.map((t) => [t.text, t.pre, t.post, [...t.tags].join(','), t.switch ?? null, withChunks ? (t.chunk ?? null) : null])));
}

function withStock<T>(fn: () => T): T {
  world.methods.one.bulkMatch = compromiseBulkMatch;
  try {
    return fn();
  } finally {
    world.methods.one.bulkMatch = bulkMatch;
  }
}

async function sentencesOf(paths: string[], every = 1, cap = Infinity): Promise<string[]> {
  const out: string[] = [];
  let i = 0;
  for await (const o of readInputs(paths)) {
    if (o.kind !== 'document') continue;
    for (const s of splitSentences(o.doc.text, splitLines(o.doc.text))) if (i++ % every === 0 && out.length < cap) out.push(s.text.slice(0, 400));
  }
  return out;
}

function expectSameTags(sentences: string[]): void {
  const differing: string[] = [];
  for (const s of sentences) {
    const stock = withStock(() => signature(nlp(s), true));
    if (signature(nlp(s), true) !== stock) differing.push(`bulkMatch: ${s}`);
    if (signature(tagOnly(s), false) !== withStock(() => signature(nlp(s), false))) differing.push(`tagOnly: ${s}`);
  }
  expect(differing).toEqual([]);
}

describe('compromise made cheaper, tags unchanged', () => {
  it('is installed in place of compromise’s own bulkMatch', () => {
    expect(world.methods.one.bulkMatch).toBe(bulkMatch);
    expect(compromiseBulkMatch).not.toBe(bulkMatch);
  });

  it('tags our fixtures and the demo corpus exactly as stock compromise', async () => {
    const sentences = await sentencesOf([join(REPO, 'demo/corpus'), join(REPO, 'test/fixtures')]);
    expect(sentences.length).toBeGreaterThan(100);
    expectSameTags([...sentences, 'Dr. Sam Altman met Demis Hassabis, and Yann LeCun said no.', "I can't believe it's not butter!"]);
  });

  it.skipIf(!existsSync(join(CORPUS, 'ainews')))('tags sentences of the four shared corpora exactly as stock compromise', async () => {
    const sentences = [
      ...(await sentencesOf([join(CORPUS, 'seeds')], 3)),
      ...(await sentencesOf([join(CORPUS, 'potw')], 40)),
      ...(await sentencesOf([join(CORPUS, 'interconnects')], 40)),
      ...(await sentencesOf([join(CORPUS, 'ainews')], 90)),
    ];
    expect(sentences.length).toBeGreaterThan(1000);
    expectSameTags(sentences);
  }, 180_000);
});
