import { Neo4jError, type Driver } from 'neo4j-driver';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CypherResponse } from '../../contract/api.ts';
import { checkConsoleQuery, stripCypher } from '../../cypher/console.ts';
import { graphCounts } from '../../ingest/write.ts';
import { HttpError } from '../../server/errors.ts';
import { runPlannedRead } from '../../server/services/cypher-console.ts';
import { read } from '../../core/db.ts';
import { testApp } from '../helpers/api.ts';
import { ENTITIES, loadFixtureGraph } from '../helpers/fixture-graph.ts';
import { testDriver, wipe } from '../helpers/neo4j.ts';

let driver: Driver;
let app: ReturnType<typeof testApp>;
let before: { nodes: number; relationships: number };
beforeAll(async () => {
  driver = testDriver();
  await wipe(driver);
  await loadFixtureGraph(driver);
  // A short timeout so the runaway query below is stopped quickly; a small row cap to see truncation.
  app = testApp(driver, { CYPHER_TIMEOUT_MS: '1500', CYPHER_MAX_ROWS: '50', CYPHER_RATE_LIMIT: '1000' });
  before = await graphCounts(driver);
});
afterAll(async () => driver.close());

const run = (query: string, params?: Record<string, unknown>) => request(app).post('/api/cypher').send(params ? { query, params } : { query });

describe('POST /api/cypher: results', () => {
  it('returns columns, JSON-safe rows and the graph of every node and relationship found', async () => {
    const res = await run(`MATCH (a:Method {id: $id})-[r:IMPROVES_ON]->(b) RETURN a, r, b.name AS name, 1 AS one, date('2025-01-02') AS d`, { id: ENTITIES.foopo.id }).expect(200);
    const body = CypherResponse.parse(res.body);
    expect(body.columns).toEqual(['a', 'r', 'name', 'one', 'd']);
    expect(body.rows).toHaveLength(1);
    const [a, r, name, one, d] = body.rows[0]!;
    expect(a).toMatchObject({ labels: expect.arrayContaining(['Entity', 'Method']), properties: { id: 'Method:foopo', name: 'FooPO' } });
    expect(r).toMatchObject({ type: 'IMPROVES_ON', properties: { documentId: 'doc:gn-1', weight: 1 } });
    expect([name, one, d]).toEqual(['GRPO', 1, '2025-01-02']);
    expect(body.summary).toMatchObject({ queryType: 'r', rowCount: 1, truncated: false });
    expect(body.summary.timeMs).toBeGreaterThanOrEqual(0);
    // b was not returned, but the edge's end is still in the graph, so nothing dangles.
    expect(body.graph.nodes.map((n) => n.data.id).sort()).toEqual(['Method:foopo', 'Method:grpo']);
    expect(body.graph.nodes.find((n) => n.data.id === 'Method:grpo')?.data).toMatchObject({ kind: 'entity', label: 'GRPO', type: 'Method', mentionCount: 4 });
    expect(body.graph.edges[0]?.data).toMatchObject({ source: 'Method:foopo', target: 'Method:grpo', type: 'IMPROVES_ON', weight: 1, reason: 'fixture-improves_on' });
  });

  it('finds nodes nested in paths, lists and maps; documents and mentions get their own kinds', async () => {
    const res = await run(`
      MATCH p = (d:Document {id: 'doc:gn-2'})-[:CONTAINS]->(m:Mention)-[:REFERS_TO]->(e:Entity {id: 'Model:model-x'})
      RETURN [p] AS paths, {doc: d, inner: [m]} AS nested LIMIT 1`).expect(200);
    const body = CypherResponse.parse(res.body);
    const kinds = Object.fromEntries(body.graph.nodes.map((n) => [n.data.kind, n.data]));
    expect(kinds.document).toMatchObject({ id: 'doc:gn-2', label: 'Gradient Notes #2: BarPO', type: 'Document' });
    expect(kinds.mention).toMatchObject({ label: 'Model X', type: 'Mention' });
    expect(kinds.entity).toMatchObject({ id: 'Model:model-x', label: 'Model X' });
    expect(body.graph.edges.map((e) => e.data.type).sort()).toEqual(['CONTAINS', 'REFERS_TO']);
    // Long properties are cut in the graph view, not in the rows.
    expect(String(kinds.document!.properties?.text).length).toBeLessThanOrEqual(301);
    const path = body.rows[0]![0] as { segments: unknown[] }[];
    expect(path[0]!.segments).toHaveLength(2);
  });

  it('sends whole-number params as integers (LIMIT $n works) and allows listed procedures', async () => {
    const limited = CypherResponse.parse((await run('MATCH (e:Entity) RETURN e.id AS id ORDER BY id LIMIT $n', { n: 2 }).expect(200)).body);
    expect(limited.rows).toHaveLength(2);
    const labels = CypherResponse.parse((await run('CALL db.labels() YIELD label RETURN label ORDER BY label').expect(200)).body);
    expect(labels.rows.flat()).toEqual(expect.arrayContaining(['Document', 'Entity', 'Mention']));
    const ft = CypherResponse.parse(
      (await run("CALL db.index.fulltext.queryNodes('entity_search', 'grpo') YIELD node RETURN node.id AS id").expect(200)).body,
    );
    expect(ft.rows.flat()).toContain('Method:grpo');
    // A trailing semicolon and words like "create" inside strings and comments are fine.
    const ok = CypherResponse.parse((await run("RETURN 'CREATE (n) ; DELETE' AS s // MERGE\n;").expect(200)).body);
    expect(ok.rows).toEqual([['CREATE (n) ; DELETE']]);
    const props = CypherResponse.parse((await run('MATCH (n:Entity) WHERE n.set IS NULL RETURN {create: 1, delete: 2} AS m LIMIT 1').expect(200)).body);
    expect(props.rows).toEqual([[{ create: 1, delete: 2 }]]);
  });

  it('serialises temporal, spatial and odd values, and schema.visualization\'s virtual graph', async () => {
    const body = CypherResponse.parse(
      (await run(`RETURN datetime('2025-01-02T03:04:05Z') AS dt, duration('P1DT2H') AS du, localtime('10:00') AS lt,
                         point({x: 1, y: 2}) AS p, 9007199254740993 AS big, 1.5 AS f, [1, [2, {a: null}]] AS nested, $obj AS obj`,
        { obj: { n: 3, list: [1.5, 'x', true] } }).expect(200)).body,
    );
    const [dt, du, lt, p, big, f, nested, obj] = body.rows[0]!;
    expect(dt).toBe('2025-01-02T03:04:05Z');
    expect(du).toBe('P1DT2H');
    expect(lt).toBe('10:00:00');
    expect(p).toMatchObject({ srid: 7203, x: 1, y: 2 });
    // Past 2^53 the driver (lossy integers) cannot be exact; the value still comes back as a number, not an error.
    expect(typeof big === 'number' || typeof big === 'string').toBe(true);
    expect([f, nested, obj]).toEqual([1.5, [1, [2, { a: null }]], { n: 3, list: [1.5, 'x', true] }]);
    const schema = CypherResponse.parse((await run('CALL db.schema.visualization()').expect(200)).body);
    expect(schema.columns).toEqual(['nodes', 'relationships']);
    expect(schema.graph.nodes.length).toBeGreaterThan(0);
  });

  it("passes on the planner's notifications", async () => {
    const body = CypherResponse.parse((await run('MATCH (a:Entity), (b:Document) RETURN count(*) AS n').expect(200)).body);
    expect(body.summary.notifications?.map((n) => n.title).join(' ')).toMatch(/cartesian/i);
  });

  it('stops at the row cap and says so', async () => {
    const body = CypherResponse.parse((await run('UNWIND range(1, 100000) AS i RETURN i').expect(200)).body);
    expect(body.rows).toHaveLength(50);
    expect(body.summary).toMatchObject({ rowCount: 50, truncated: true });
    expect(body.rows[49]).toEqual([50]);
    const exact = CypherResponse.parse((await run('UNWIND range(1, 50) AS i RETURN i').expect(200)).body);
    expect(exact.summary).toMatchObject({ rowCount: 50, truncated: false });
    // Cancelling the stream mid-way leaves the transaction usable for the graph's follow-up lookup.
    const nodes = CypherResponse.parse((await run('MATCH (a:Entity), (b) RETURN a, b').expect(200)).body);
    expect(nodes.summary).toMatchObject({ rowCount: 50, truncated: true });
    expect(nodes.graph.nodes.filter((n) => n.data.kind === 'entity').every((n) => typeof n.data.mentionCount === 'number')).toBe(true);
  });

  it('stops a runaway query at the timeout with a clear error', async () => {
    const started = Date.now();
    const res = await run('UNWIND range(1,100000) AS a UNWIND range(1,100000) AS b RETURN count(*)').expect(422);
    expect(res.body.error).toEqual({ code: 'query_timeout', message: 'query exceeded the 1500 ms limit' });
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('400s on syntax errors with Neo4j\'s message, on bad bodies and on unknown fields', async () => {
    const syntax = await run('MATCH (n RETURN n').expect(400);
    expect(syntax.body.error.code).toBe('cypher_syntax_error');
    expect(syntax.body.error.message).toMatch(/Invalid input/);
    const missing = await run('RETURN $nope').expect(400);
    expect(missing.body.error.code).toBe('cypher_error');
    expect((await request(app).post('/api/cypher').send({}).expect(400)).body.error.message).toMatch(/^query: /);
    await request(app).post('/api/cypher').send({ query: 'RETURN 1', extra: true }).expect(400);
    await request(app).post('/api/cypher').send({ query: 'RETURN 1', params: [1] }).expect(400);
    await request(app).post('/api/cypher').set('Content-Type', 'application/json').send('{"query": ').expect(400);
    const big = await request(app).post('/api/cypher').send({ query: `RETURN '${'x'.repeat(70_000)}'` }).expect(413);
    expect(big.body.error.code).toBe('payload_too_large');
    expect(JSON.stringify(big.body)).not.toMatch(/at .*\.js/);
  });
});

describe('POST /api/cypher: read-only by construction', () => {
  const refused: [string, number, string][] = [
    ['MATCH (n) DETACH DELETE n', 403, 'DELETE'],
    ['CREATE (:X)', 403, 'CREATE'],
    ['cReAtE (:X)', 403, 'CREATE'],
    ['/*x*/CREATE (:X)', 403, 'CREATE'],
    ['MATCH (n) RETURN n; CREATE (:X)', 400, ';'],
    ["LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", 403, 'LOAD CSV'],
    ['CALL dbms.listConfig()', 403, 'dbms.listConfig'],
    ['RETURN dbms.components()', 403, 'dbms'],
    ['SHOW USERS', 403, 'SHOW'],
    ['MERGE (n:X {a: 1}) RETURN n', 403, 'MERGE'],
    ['MATCH (n:Entity) SET n.name = "x"', 403, 'SET'],
    ['MATCH (n:Entity) REMOVE n:Entity', 403, 'REMOVE'],
    ['DROP INDEX entity_name', 403, 'DROP'],
    ['UNWIND [1] AS x FOREACH (y IN [1] | CREATE (:X))', 403, 'FOREACH'],
    ['MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS', 403, 'DELETE'],
    ['UNWIND [1] AS x CALL (x) { RETURN x AS y } IN TRANSACTIONS RETURN y', 403, 'IN TRANSACTIONS'],
    ['USE system MATCH (n) RETURN n', 403, 'USE'],
    ['TERMINATE TRANSACTIONS "x"', 403, 'TERMINATE'],
    ['GRANT ROLE admin TO neo4j', 403, 'GRANT'],
    ['START DATABASE neo4j', 403, 'START DATABASE'],
    ['CALL db.createLabel("X")', 403, 'db.createLabel'],
    ['CALL `dbms`.`listConfig`()', 403, 'CALL'],
    ['CALL apoc.do.it()', 403, 'apoc.do.it'],
    ['MATCH (n) RETURN n //\n CREATE (:X)', 403, 'CREATE'],
    ['EXPLAIN MATCH (n) RETURN n', 400, 'EXPLAIN'],
  ];

  it.each(refused)('refuses %j', async (query, status, named) => {
    const res = await run(query).expect(status);
    expect(res.body.error.code).toBe(status === 403 ? 'forbidden_clause' : status === 400 && named === ';' ? 'multiple_statements' : 'unsupported');
    expect(res.body.error.message).toContain(named);
  });

  it('the graph is unchanged after all of that', async () => {
    expect(await graphCounts(driver)).toEqual(before);
  });

  it('without the lexical check, EXPLAIN still refuses anything that does not plan as a read', async () => {
    const config = { CYPHER_TIMEOUT_MS: 2000, CYPHER_MAX_ROWS: 10 };
    for (const query of ['CREATE (:X)', 'MATCH (n:Entity) SET n.hacked = true', 'CREATE INDEX x IF NOT EXISTS FOR (n:X) ON (n.y)']) {
      const err = await runPlannedRead(driver, config, query, {}).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(HttpError);
      expect(err).toMatchObject({ status: 403, code: 'not_read_only' });
    }
    expect(await runPlannedRead(driver, config, 'RETURN 1 AS x', {})).toMatchObject({ rows: [[1]] });
    expect(await graphCounts(driver)).toEqual(before);
  });

  it('and without EXPLAIN, the READ transaction refuses to write', async () => {
    const err = await read(driver, (tx) => tx.run('CREATE (:X)')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Neo4jError);
    expect((err as Neo4jError).code).toMatch(/AccessMode|Forbidden/);
    expect(await graphCounts(driver)).toEqual(before);
  });

  it('strips comments and strings without moving offsets', () => {
    const q = "RETURN 'a;b' /* CREATE */ AS `x;y` // DELETE";
    const s = stripCypher(q);
    expect(s).toHaveLength(q.length);
    expect(s).not.toMatch(/CREATE|DELETE|;/);
    expect(checkConsoleQuery('MATCH (n:Create) RETURN n.delete, $set').ok).toBe(true);
  });
});

describe('POST /api/cypher: rate limit', () => {
  it('answers 429 past CYPHER_RATE_LIMIT per minute', async () => {
    const limited = testApp(driver, { CYPHER_RATE_LIMIT: '2' });
    await request(limited).post('/api/cypher').send({ query: 'RETURN 1' }).expect(200);
    await request(limited).post('/api/cypher').send({ query: 'RETURN 1' }).expect(200);
    const res = await request(limited).post('/api/cypher').send({ query: 'RETURN 1' }).expect(429);
    expect(res.body.error.code).toBe('rate_limited');
    expect(res.headers['retry-after'] ?? res.headers['ratelimit']).toBeDefined();
    // Other routes are not limited.
    await request(limited).get('/api/health').expect(200);
  });
});
