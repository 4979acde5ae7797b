/**
 * Scale-out: the code that serves a single Neo4j also serves a cluster or Aura, where the URI is `neo4j://` or
 * `neo4j+s://` and the driver routes — writes (executeWrite, WRITE sessions) to the leader, reads (READ sessions) to
 * followers and read replicas, with one bookmark manager so a process reads its own writes. Here the test's own
 * Neo4j is reached with the routing scheme, through the same entry point as `npm run ingest` and `npm start`
 * (NEO4J_URI → connectNeo4j), and an ingest and the API's reads run over that driver.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.ts';
import { applySchema, wipeGraph } from '../../cypher/apply-schema.ts';
import { ingestInputs } from '../../ingest/pipeline.ts';
import { connectNeo4j, type Neo4jConnection } from '../../neo4j/connect.ts';
import { getEntity, getEntityMentions } from '../../server/services/entities.ts';
import { searchEntities } from '../../server/services/search.ts';
import { testConfigEnv } from '../helpers/neo4j.ts';

const DEMO = join(import.meta.dirname, '../../demo/corpus');
let conn: Neo4jConnection;
let routingUri: string;

beforeAll(async () => {
  const env = testConfigEnv();
  routingUri = env.NEO4J_URI!.replace(/^bolt(\+s|\+ssc)?:\/\//, (_m, tls: string | undefined) => `neo4j${tls ?? ''}://`);
  conn = await connectNeo4j(loadConfig({ ...process.env, ...env, NEO4J_URI: routingUri }), () => undefined);
  await wipeGraph(conn.driver);
}, 120_000);
afterAll(async () => conn?.close());

describe('the routing driver (neo4j://)', () => {
  it('connects with the routing scheme and gets a routing table', async () => {
    expect(routingUri).toMatch(/^neo4j(\+s|\+ssc)?:\/\//);
    expect(conn.source).toBe('uri');
    const info = await conn.driver.getServerInfo();
    expect(info.address).toBeTruthy();
    // A READ and a WRITE routing table, as a cluster member would answer.
    const read = await conn.driver.executeQuery('RETURN 1 AS x', {}, { routing: 'READ' });
    expect(read.records[0]!.get('x')).toBe(1);
  });

  it('ingests (writes through executeWrite) and answers the API reads (routed to readers)', async () => {
    await applySchema(conn.driver);
    const summary = await ingestInputs(conn.driver, [DEMO]);
    expect(summary.failed).toEqual([]);
    expect(summary.documents.created).toBeGreaterThan(1);
    const search = await searchEntities(conn.driver, { q: 'openproofs', limit: 5 });
    const hit = search.hits.find((h) => h.name === 'OpenProofs');
    expect(hit, JSON.stringify(search.hits)).toBeTruthy();
    const entity = await getEntity(conn.driver, hit!.id);
    expect(entity.documentCount).toBeGreaterThan(0);
    const mentions = await getEntityMentions(conn.driver, hit!.id, { limit: 5, offset: 0 });
    expect(mentions.total).toBeGreaterThan(0);
    expect(mentions.mentions[0]!.sentence).toContain('OpenProofs');
    // Read-your-own-writes across sessions: a second ingest of the same files finds every one unchanged.
    const again = await ingestInputs(conn.driver, [DEMO]);
    expect(again.documents).toEqual({ created: 0, updated: 0, unchanged: summary.documents.created });
  });
});
