/**
 * Document identity through the whole pipeline on a real Neo4j: distinct issues stay distinct, the same issue from
 * another folder adds nothing, two inputs that would collapse onto one id are kept apart and reported, a store
 * written with the old identity (publication | issue | title) is repaired by re-ingesting, and front-matter facts
 * are LISTS links with their own reason.
 */
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ingestInputs } from '../../ingest/pipeline.ts';
import { legacyDocumentId } from '../../ingest/readers/identity.ts';
import { writeDocument } from '../../ingest/write.ts';
import { testDriver, wipe } from '../helpers/neo4j.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/identity');
const driver: Driver = testDriver();
afterAll(async () => driver.close());
beforeEach(async () => wipe(driver));

const rows = async (q: string, params: Record<string, unknown> = {}) => (await driver.executeQuery(q, params)).records.map((r) => r.toObject());

describe('document identity in the graph', () => {
  it('stores same-titled daily issues as distinct documents, and a copy from another folder adds none', async () => {
    const first = await ingestInputs(driver, [join(FIXTURES, 'digest-a.md'), join(FIXTURES, 'digest-b.md')], { workers: 0 });
    expect(first.documents).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const elsewhere = await mkdtemp(join(tmpdir(), 'moved-'));
    await cp(FIXTURES, elsewhere, { recursive: true });
    const again = await ingestInputs(driver, [join(elsewhere, 'digest-a.md'), join(elsewhere, 'digest-b.md')], { workers: 0 });
    expect(again.documents).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(await rows('MATCH (d:Document) RETURN count(d) AS n')).toEqual([{ n: 2 }]);
  });

  it('never merges two inputs of one run silently: the second is kept apart and reported', async () => {
    const summary = await ingestInputs(driver, [join(FIXTURES, 'canonical-1.md'), join(FIXTURES, 'canonical-2.md')], { workers: 0 });
    expect(summary.documents.created).toBe(2);
    expect(summary.warnings).toEqual([
      { path: join(FIXTURES, 'canonical-2.md'), reason: expect.stringMatching(/^same identity as .*canonical-1\.md \(url:example\.org\/p\/weekly-notes\) with other content: kept apart as /) },
    ]);
    const docs = await rows('MATCH (d:Document) RETURN d.identity AS identity ORDER BY identity');
    expect(docs.map((d) => d.identity)).toEqual(['url:example.org/p/weekly-notes', 'url:example.org/p/weekly-notes#canonical 2']);
  });

  it('repairs a store written with the old identity by re-ingesting', async () => {
    // What an earlier version wrote: both daily issues collapsed onto one document with the title's id.
    const legacyId = legacyDocumentId({ publication: null, issue: null, title: 'not much happened today' }, 'digest-b.md');
    const text = 'Another quiet day. Nothing about Wren-7B at all, only GRPO.';
    const m = (start: number, end: number) => ({ documentId: legacyId, start, end, text: text.slice(start, end), sentenceStart: 0, sentenceEnd: text.length, reason: 'old' });
    await writeDocument(
      driver,
      { id: legacyId, path: '/old/place/digest-b.md', title: 'not much happened today', publication: null, issue: null, date: '2026-01-06', url: null, text, contentHash: 'old', wordCount: 10 },
      [{ id: 'Method:grpo', name: 'GRPO', type: 'Method', aliases: [], mentions: [m(56, 60)] }],
      [],
    );
    const summary = await ingestInputs(driver, [join(FIXTURES, 'digest-a.md'), join(FIXTURES, 'digest-b.md')], { workers: 0 });
    expect(summary.replaced).toBe(1);
    const docs = await rows('MATCH (d:Document) RETURN d.id AS id, d.identity AS identity ORDER BY d.date');
    expect(docs.map((d) => d.identity)).toEqual(['meta:|2026 01 05||not much happened today', 'meta:|2026 01 06||not much happened today']);
    expect(docs.map((d) => d.id)).not.toContain(legacyId);
    expect(await rows('MATCH (m:Mention {reason: "old"}) RETURN count(m) AS n')).toEqual([{ n: 0 }]);
  });

  it('replaces what an edited file wrote when its identity changes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'edited-'));
    const file = join(dir, 'weekly.md');
    await writeFile(file, '---\ntitle: Weekly\ndate: 2026-02-01\n---\nKestrel Labs trained Wren-7B with GRPO.\n');
    await ingestInputs(driver, [file], { workers: 0 });
    await writeFile(file, '---\ntitle: Weekly\ndate: 2026-02-02\n---\nKestrel Labs trained Wren-7B with DPO.\n');
    const summary = await ingestInputs(driver, [file], { workers: 0 });
    expect(summary.replaced).toBe(1);
    expect(await rows('MATCH (d:Document) RETURN d.date AS date')).toEqual([{ date: '2026-02-02' }]);
    expect(await rows("MATCH (e:Entity {name: 'GRPO'}) RETURN count(e) AS n")).toEqual([{ n: 0 }]);
  });

  it('links front-matter facts to the document with their reason, no offsets claimed', async () => {
    await ingestInputs(driver, [join(FIXTURES, 'digest-a.md'), join(FIXTURES, 'digest-b.md')], { workers: 0 });
    const facts = await rows(
      'MATCH (d:Document)-[r:LISTS]->(e:Entity) RETURN d.date AS date, r.field AS field, r.reason AS reason, r.value AS value, e.type AS type ORDER BY date, field',
    );
    expect(facts).toEqual([
      { date: '2026-01-05', field: 'companies', reason: 'front-matter-companies', value: 'kestrel-labs', type: 'Lab' },
      { date: '2026-01-05', field: 'models', reason: 'front-matter-models', value: 'wren-7b', type: 'Model' },
      { date: '2026-01-05', field: 'people', reason: 'front-matter-people', value: 'adaquill', type: 'Person' },
      { date: '2026-01-06', field: 'authors', reason: 'front-matter-authors', value: 'bramlee', type: 'Person' },
    ]);
    expect(await rows("MATCH (d:Document {date: '2026-01-05'}) RETURN d.topics AS topics")).toEqual([{ topics: ['distillation'] }]);
    // A listed fact is no mention: no Mention node carries a front-matter reason.
    expect(await rows("MATCH (m:Mention) WHERE m.reason STARTS WITH 'front-matter' RETURN count(m) AS n")).toEqual([{ n: 0 }]);
  });
});
