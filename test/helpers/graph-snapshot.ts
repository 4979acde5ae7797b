/**
 * The graph as the explorer sees it, in a comparable form: entities, where every mention points, document →
 * entity counts, every relation and front-matter link with all its properties. Curation tests compare these
 * before and after decisions, re-ingests and undos.
 */
import type { Driver } from 'neo4j-driver';

async function rows(driver: Driver, query: string): Promise<string[]> {
  const session = driver.session({ defaultAccessMode: 'READ' });
  try {
    const res = await session.run(query);
    return res.records.map((r) => JSON.stringify(r.get('row'))).sort();
  } finally {
    await session.close();
  }
}

export interface GraphSnapshot {
  entities: string[];
  mentions: string[];
  counts: string[];
  relations: string[];
  facts: string[];
}

export async function graphSnapshot(driver: Driver): Promise<GraphSnapshot> {
  return {
    entities: await rows(driver, `MATCH (e:Entity)
      WITH e, [l IN labels(e) WHERE l <> 'Entity'] AS labels, COLLECT { UNWIND coalesce(e.aliases, []) AS a RETURN a ORDER BY a } AS aliases
      RETURN [e.id, e.name, e.type, aliases, coalesce(e.trusted, false), labels] AS row`),
    mentions: await rows(driver, `MATCH (m:Mention) OPTIONAL MATCH (m)-[:REFERS_TO]->(e) OPTIONAL MATCH (d:Document)-[:CONTAINS]->(m)
      RETURN [m.id, m.entityId, e.id, d.id, m.text, m.start, m.end, m.sentence] AS row`),
    counts: await rows(driver, `MATCH (d:Document)-[r:MENTIONS]->(e) RETURN [d.id, e.id, r.count] AS row`),
    relations: await rows(driver, `MATCH (a:Entity)-[r]->(b:Entity)
      RETURN [a.id, type(r), b.id, r.documentId, r.evidence, r.evidenceStart, r.reason, r.weight, r.src, r.dst] AS row`),
    facts: await rows(driver, `MATCH (d:Document)-[l:LISTS]->(e) RETURN [d.id, e.id, l.field, l.value, l.reason, l.src] AS row`),
  };
}

/** Nodes that exist only while a curation decision needs them. */
export async function curationLeftovers(driver: Driver): Promise<{ extracted: number; suppressed: number; decisions: number }> {
  const session = driver.session({ defaultAccessMode: 'READ' });
  try {
    const r = (
      await session.run(`CALL () { MATCH (x:ExtractedEntity) RETURN count(x) AS extracted }
        CALL () { MATCH (s:SuppressedRelation) RETURN count(s) AS suppressed }
        CALL () { MATCH (c:Curation) RETURN count(c) AS decisions }
        RETURN extracted, suppressed, decisions`)
    ).records[0]!;
    return { extracted: Number(r.get('extracted')), suppressed: Number(r.get('suppressed')), decisions: Number(r.get('decisions')) };
  } finally {
    await session.close();
  }
}

/** Everything but the curation decisions (and the version node that orders them): a store to re-ingest into. */
export async function wipeAllButDecisions(driver: Driver): Promise<void> {
  const session = driver.session();
  try {
    await session.run('MATCH (n) WHERE NOT n:Curation AND NOT n:GraphVersion CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}
