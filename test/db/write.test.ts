import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRecord, EntityRecord, RelationRecord } from '../../ingest/model.ts';
import { graphCounts, removeDocument, writeDocument } from '../../ingest/write.ts';
import { testDriver, wipe } from '../helpers/neo4j.ts';

let driver: Driver;
beforeAll(async () => {
  driver = testDriver();
  await wipe(driver);
});
afterAll(async () => driver.close());

const text = 'Acme Lab introduces FooPO, which improves on GRPO.';
const doc: DocumentRecord = {
  id: 'doc1', path: 'fixtures/doc1.txt', title: 'Issue 1', publication: 'Test Weekly', issue: '1',
  date: '2025-01-01', url: null, text, contentHash: 'h1', wordCount: 8,
};
const mention = (start: number, end: number) => ({
  documentId: 'doc1', start, end, text: text.slice(start, end), sentenceStart: 0, sentenceEnd: text.length, reason: 'test',
});
const entities: EntityRecord[] = [
  { id: 'Lab:acme-lab', name: 'Acme Lab', type: 'Lab', aliases: [], mentions: [mention(0, 8)] },
  { id: 'Method:foopo', name: 'FooPO', type: 'Method', aliases: [], mentions: [mention(20, 25)] },
  { id: 'Method:grpo', name: 'GRPO', type: 'Method', aliases: [], mentions: [mention(45, 49)] },
];
const relations: RelationRecord[] = [
  { source: 'Method:foopo', target: 'Method:grpo', type: 'IMPROVES_ON', documentId: 'doc1', evidence: text, evidenceStart: 0, reason: 'improves-on', weight: 1 },
  { source: 'Method:foopo', target: 'Lab:acme-lab', type: 'FROM_LAB', documentId: 'doc1', evidence: text, evidenceStart: 0, reason: 'lab-introduces', weight: 1 },
];

describe('writing a document to a real Neo4j', () => {
  it('creates the document, entities with type labels, mentions and typed relations', async () => {
    expect(await writeDocument(driver, doc, entities, relations)).toBe('created');
    const session = driver.session();
    try {
      const res = await session.run(
        `MATCH (a:Method {id: 'Method:foopo'})-[r:IMPROVES_ON]->(b:Method {id: 'Method:grpo'})
         MATCH (m:Mention)-[:REFERS_TO]->(b) MATCH (:Document {id: 'doc1'})-[c:MENTIONS]->(b)
         RETURN r.evidence AS evidence, r.reason AS reason, m.text AS text, c.count AS count`,
      );
      expect(res.records[0]?.toObject()).toEqual({ evidence: text, reason: 'improves-on', text: 'GRPO', count: 1 });
    } finally {
      await session.close();
    }
  });

  it('re-writing an unchanged document changes nothing', async () => {
    const before = await graphCounts(driver);
    expect(await writeDocument(driver, doc, entities, relations)).toBe('unchanged');
    expect(await graphCounts(driver)).toEqual(before);
  });

  it('a changed document replaces its own mentions and drops entities only it mentioned', async () => {
    const changed = { ...doc, contentHash: 'h2' };
    expect(await writeDocument(driver, changed, entities.slice(0, 2), relations.slice(1))).toBe('updated');
    const session = driver.session();
    try {
      const res = await session.run(`MATCH (e:Entity) RETURN e.id AS id ORDER BY id`);
      expect(res.records.map((r) => r.get('id'))).toEqual(['Lab:acme-lab', 'Method:foopo']);
    } finally {
      await session.close();
    }
  });

  it('removing the document removes everything it contributed', async () => {
    const removed = await removeDocument(driver, 'fixtures/doc1.txt');
    expect(removed?.id).toBe('doc1');
    expect(await graphCounts(driver)).toEqual({ nodes: 0, relationships: 0 });
  });
});
