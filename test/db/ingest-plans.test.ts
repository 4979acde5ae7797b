/**
 * Every statement the ingest runs finds its nodes and relationships through a schema index (unique id, document
 * path, relationship documentId…), never by scanning a label or a relationship type: planned with EXPLAIN on a
 * graph holding the demo corpus, and the batch of a new document PROFILEd with real rows (rolled back), where the
 * database work per row must stay flat — a MERGE walking a hub's relationships would not.
 */
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INGEST } from '../../cypher/ingest.ts';
import { Extractor } from '../../ingest/extract/index.ts';
import type { DocumentRecord } from '../../ingest/model.ts';
import { loadKnownEntities } from '../../ingest/pipeline.ts';
import { readInputs } from '../../ingest/readers/index.ts';
import { newDocumentsStatements, writeNewDocuments } from '../../ingest/write.ts';
import { Curation, type Decision, type DecisionInput } from '../../core/curation.ts';
import { CO_MENTION, ENTITY_REL_TYPES, type RelationType } from '../../core/vocabulary.ts';
import { ingestFresh, testDriver } from '../helpers/neo4j.ts';

const DEMO = join(import.meta.dirname, '../../demo/corpus');
/** Statements that read every document or entity on purpose, once per ingest. */
const FULL_READS = new Set<keyof typeof INGEST>(['documentHashes', 'knownEntities', 'counts']);
/** Statements that look nothing up (the unique constraint guards the CREATE). */
const NO_LOOKUP = new Set<keyof typeof INGEST>(['createDocuments']);
const SCAN = /Scan/;
const SEEK = /IndexSeek|ByElementIdSeek|ByIdSeek/;

interface Plan {
  operatorType: string;
  dbHits?: number;
  rows?: number;
  children: Plan[];
}
const operators = (p: Plan): string[] => [p.operatorType.replace(/@.*/, ''), ...p.children.flatMap(operators)];
const hits = (p: Plan): number => (p.dbHits ?? 0) + p.children.reduce((n, c) => n + hits(c), 0);

/**
 * Relations of every type besides the demo corpus, and fresh index statistics: the planner plans an index it
 * believes (nearly) empty as a scan of it — nothing to scan — and seeks once it holds real numbers, as on any graph.
 */
async function everyRelationType(): Promise<void> {
  const text = 'Alpha and Beta.';
  const items = Array.from({ length: 100 }, (_, i) => {
    const id = `plan-fixture-${i}`;
    const m = (start: number, end: number) => ({ documentId: id, start, end, text: text.slice(start, end), sentenceStart: 0, sentenceEnd: text.length, reason: 'test' });
    const doc: DocumentRecord = { id, path: `${id}.txt`, title: id, publication: null, issue: null, date: '2025-01-01', url: null, text, contentHash: id, wordCount: 3 };
    return {
      doc,
      entities: [
        { id: `Method:alpha-${i % 10}`, name: `Alpha ${i % 10}`, type: 'Method' as const, aliases: [], mentions: [m(0, 5)] },
        { id: `Method:beta-${i % 7}`, name: `Beta ${i % 7}`, type: 'Method' as const, aliases: [], mentions: [m(10, 14)] },
      ],
      relations: ENTITY_REL_TYPES.map((type) => ({ source: `Method:alpha-${i % 10}`, target: `Method:beta-${i % 7}`, type, documentId: id, evidence: text, evidenceStart: 0, reason: 'test', weight: 1 })),
    };
  });
  await writeNewDocuments(driver, items);
  await driver.executeQuery('CALL db.resampleOutdatedIndexes()');
  await driver.executeQuery('CALL db.awaitIndexes(60)');
  await driver.executeQuery('CALL db.clearQueryCaches()');
}

let driver: Driver;
beforeAll(async () => {
  driver = testDriver();
  await ingestFresh(driver, [DEMO]);
  await everyRelationType();
}, 180_000);
afterAll(async () => driver?.close());

describe('ingest statements use the schema indexes', () => {
  const planned = (Object.keys(INGEST) as Array<keyof typeof INGEST>).filter((k) => !FULL_READS.has(k));

  it.each(planned)('%s: an index seek, no label or relationship-type scan', async (name) => {
    const session = driver.session();
    try {
      const ops = operators((await session.run(`EXPLAIN ${INGEST[name]}`)).summary.plan as unknown as Plan);
      expect(ops.filter((o) => SCAN.test(o)), ops.join(' < ')).toEqual([]);
      expect(ops.some((o) => SEEK.test(o)), ops.join(' < ')).toBe(!NO_LOOKUP.has(name));
    } finally {
      await session.close();
    }
  });

  // Without decisions, and with decisions touching the document's entities (dormant mentions, hidden relations,
  // the extractor's records: the statements only curation adds).
  it.each(['without', 'with'])('writes a new document with a flat amount of database work per row, %s curation (PROFILE, rolled back)', async (mode) => {
    const docs: DocumentRecord[] = [];
    for await (const o of readInputs([DEMO])) if (o.kind === 'document') docs.push(o.doc);
    // The first demo issue again, under an id the graph does not hold: a new document among known entities.
    const doc = { ...docs[0]!, id: 'plan-test-new-document', path: 'plan-test.md' };
    const extracted = new Extractor(await loadKnownEntities(driver)).extract(doc);
    let curation = Curation.EMPTY;
    if (mode === 'with') {
      const [a, b, c] = [...extracted.entities].sort((x, y) => y.mentions.length - x.mentions.length);
      const rel = extracted.relations.find((r) => r.type !== CO_MENTION)!;
      const decide = (seq: number, input: DecisionInput): Decision => ({ id: `plan-d${seq}`, seq, at: '2025-01-01T00:00:00.000Z', labels: {}, input });
      curation = new Curation([
        decide(1, { action: 'merge', from: b!.id, into: a!.id }),
        decide(2, { action: 'delete', id: c!.id }),
        decide(3, { action: 'reject-relation', source: rel.source, type: rel.type as RelationType, target: rel.target }),
      ]);
    }
    const statements = newDocumentsStatements([{ doc, ...extracted }], curation);
    if (mode === 'with') expect(statements.map((s) => s.name)).toEqual(expect.arrayContaining(['createDormantMentions', 'CURATION.createSuppressed', 'upsertExtracted', 'CURATION.linkExtracted']));
    const session = driver.session();
    const tx = session.beginTransaction();
    try {
      for (const st of statements) {
        const plan = (await tx.run(`PROFILE ${st.query}`, st.params)).summary.profile as unknown as Plan;
        const ops = operators(plan);
        const rows = Math.max(1, ...Object.values(st.params).map((v) => (Array.isArray(v) ? v.length : 1)));
        expect(ops.filter((o) => SCAN.test(o)), `${st.name}: ${ops.join(' < ')}`).toEqual([]);
        expect(hits(plan), `${st.name}: ${hits(plan)} db hits for ${rows} rows`).toBeLessThanOrEqual(20 * rows + 50);
      }
    } finally {
      await tx.rollback();
      await session.close();
    }
  });
});
