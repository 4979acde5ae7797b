/**
 * GET /mentions on a graph holding the demo corpus: PROFILEd, a page finds the mentions of the entity by the
 * (entityId, documentId) index and reads no document's every mention while nothing moved; a mention curation moved
 * onto the entity (m.entityId stays the extractor's) is still listed, found by reading its document whole.
 */
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { QUERIES } from '../../cypher/queries.ts';
import { ingestFresh, testDriver } from '../helpers/neo4j.ts';

interface Plan {
  operatorType: string;
  dbHits?: number;
  arguments?: Record<string, unknown>;
  children: Plan[];
}
const flat = (p: Plan): Plan[] => [p, ...p.children.flatMap(flat)];
/** The fallback's seek: the mention_document index alone. */
const wholeDocumentSeeks = (p: Plan) => flat(p).filter((o) => /NodeIndexSeek/.test(o.operatorType) && /documentId/.test(String(o.arguments?.Details)) && !/entityId/.test(String(o.arguments?.Details)));

let driver: Driver;
let id: string;
beforeAll(async () => {
  driver = testDriver();
  await ingestFresh(driver, [join(import.meta.dirname, '../../demo/corpus')]);
  // Fresh index statistics: an index the planner believes empty is planned as a scan of it (see ingest-plans.test.ts).
  await driver.executeQuery('CALL db.resampleOutdatedIndexes()');
  await driver.executeQuery('CALL db.awaitIndexes(60)');
  await driver.executeQuery('CALL db.clearQueryCaches()');
  const top = await driver.executeQuery('MATCH (e:Entity) RETURN e.id AS id ORDER BY COUNT { (e)<-[:REFERS_TO]-() } DESC, e.id LIMIT 1');
  id = top.records[0]!.get('id') as string;
}, 180_000);
afterAll(async () => driver?.close());

const page = async () => {
  const res = await driver.executeQuery(`PROFILE ${QUERIES.entityMentions}`, { id, offset: 1, limit: 3, from: null, to: null });
  const rec = res.records[0]!;
  return { plan: res.summary.profile as unknown as Plan, total: Number(rec.get('total')), ids: (rec.get('mentions') as Array<{ id: string }>).map((m) => m.id) };
};

it('seeks by index, never scans, and reads no document whole when nothing moved', async () => {
  const { plan, ids } = await page();
  expect(ids).toHaveLength(3);
  expect(flat(plan).filter((o) => /Scan/.test(o.operatorType))).toEqual([]);
  expect(flat(plan).some((o) => /NodeIndexSeek/.test(o.operatorType) && /entityId/.test(String(o.arguments?.Details)))).toBe(true);
  expect(wholeDocumentSeeks(plan).reduce((n, o) => n + (o.dbHits ?? 0), 0)).toBe(0);
});

it('lists a mention curation moved onto the entity (its m.entityId is another one)', async () => {
  // What a merge does to one mention: REFERS_TO the entity, counted in the document's MENTIONS (rolled back after).
  const session = driver.session();
  const tx = session.beginTransaction();
  try {
    const moved = await tx.run(
      `MATCH (e:Entity {id: $id})<-[x:MENTIONS]-(d:Document)
       WITH e, d, x ORDER BY d.date IS NULL, d.date, d.title, d.id LIMIT 1
       MATCH (m:Mention {documentId: d.id})-[r:REFERS_TO]->(o) WHERE o <> e
       WITH e, x, m, r ORDER BY m.start LIMIT 1
       DELETE r CREATE (m)-[:REFERS_TO]->(e) SET x.count = x.count + 1
       RETURN m.id AS id, m.start AS start`,
      { id },
    );
    const res = await tx.run(QUERIES.entityMentions, { id, offset: 0, limit: 500, from: null, to: null });
    const mentions = res.records[0]!.get('mentions') as Array<{ id: string; start: number; documentId: string }>;
    expect(mentions.map((m) => m.id)).toContain(moved.records[0]!.get('id'));
    expect(mentions).toHaveLength(Number(res.records[0]!.get('total')));
    // Still in document order, then by offset, within the document read whole.
    const first = mentions.filter((m) => m.documentId === mentions[0]!.documentId).map((m) => m.start);
    expect(first).toEqual([...first].sort((a, b) => a - b));
  } finally {
    await tx.rollback();
    await session.close();
  }
});
