/**
 * Adversarial queries against POST /api/cypher on the fixture graph. Every attack must be refused or cut off with
 * a 4xx ApiError, no request may reach a local HTTP server through LOAD CSV, and the graph's counts and checksum
 * must be the same after the whole run. Each write attack is also sent to layers 2+3 alone (EXPLAIN + READ
 * transaction, no lexical check) to measure how much the defence in depth holds on its own.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CypherResponse } from '../../contract/api.ts';
import { runPlannedRead } from '../../server/services/cypher-console.ts';
import { testApp } from '../helpers/api.ts';
import { loadFixtureGraph } from '../helpers/fixture-graph.ts';
import { testDriver, wipe } from '../helpers/neo4j.ts';
import { errorBodyProblem, graphSnapshot, listen, rawRequest, reportFigures, type GraphSnapshot } from './support.ts';

const TIMEOUT_MS = 1500;
const MAX_ROWS = 50;

let driver: Driver;
let api: { port: number; close: () => Promise<void> };
let before: GraphSnapshot;
let canary: Server;
let canaryPort = 0;
const canaryHits: string[] = [];

interface Attack {
  name: string;
  query: string;
  params?: Record<string, unknown>;
  /** Allowed statuses; all attacks are 4xx. */
  status?: number[];
  /** A write/admin attempt that layers 2+3 alone should also stop. */
  write?: boolean;
}

const results: { name: string; status: number; code: string; ms: number }[] = [];
const layerOnly: { name: string; refused: boolean; how: string }[] = [];

beforeAll(async () => {
  driver = testDriver();
  await wipe(driver);
  await loadFixtureGraph(driver);
  const app = testApp(driver, { CYPHER_TIMEOUT_MS: String(TIMEOUT_MS), CYPHER_MAX_ROWS: String(MAX_ROWS), CYPHER_RATE_LIMIT: '100000' });
  api = await listen(app);
  canary = createServer((req, res) => {
    canaryHits.push(`${req.method} ${req.url}`);
    res.end('id,name\n1,x\n');
  });
  await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
  canaryPort = (canary.address() as AddressInfo).port;
  before = await graphSnapshot(driver);
});

afterAll(async () => {
  await api?.close();
  await new Promise<void>((resolve) => (canary ? canary.close(() => resolve()) : resolve()));
  await driver?.close();
});

const post = (body: unknown) =>
  rawRequest(api.port, 'POST', '/api/cypher', JSON.stringify(body), { 'content-type': 'application/json' }, TIMEOUT_MS + 10_000).catch(
    (err: Error) => ({ status: 0, headers: {}, text: err.message, json: undefined, ms: TIMEOUT_MS + 10_000 }),
  );

function attacks(): Attack[] {
  const url = `http://127.0.0.1:${canaryPort}/x.csv`;
  const w = (name: string, query: string, extra: Partial<Attack> = {}): Attack => ({ name, query, write: true, ...extra });
  return [
    // Every write clause.
    w('CREATE', 'CREATE (:Pwned {at: 1})'),
    w('MERGE', "MERGE (n:Entity {id: 'Lab:evil'}) RETURN n"),
    w('SET', "MATCH (n:Entity) SET n.name = 'pwned'"),
    w('SET +=', "MATCH (n:Entity) SET n += {name: 'pwned'}"),
    w('SET label', 'MATCH (n:Entity) SET n:Pwned'),
    w('REMOVE', 'MATCH (n:Entity) REMOVE n.name'),
    w('REMOVE label', 'MATCH (n:Entity) REMOVE n:Entity'),
    w('DELETE rel', 'MATCH ()-[r]->() DELETE r'),
    w('DETACH DELETE', 'MATCH (n) DETACH DELETE n'),
    w('NODETACH DELETE', 'MATCH (n:Mention) NODETACH DELETE n'),
    w('FOREACH write', 'MATCH (n:Entity) FOREACH (x IN [1] | SET n.pwned = x)'),
    w('CALL {} IN TRANSACTIONS', 'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1 ROWS'),
    w('subquery write', 'CALL { CREATE (:Pwned) } RETURN 1'),
    w('scoped subquery write', 'MATCH (n:Entity) CALL (n) { SET n.pwned = true } RETURN count(*)'),
    w('CREATE after WITH', 'MATCH (n:Entity) WITH n LIMIT 1 CREATE (n)-[:PWNED]->(n)'),
    // Files and URLs.
    { name: 'LOAD CSV file', query: "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line" },
    { name: 'LOAD CSV http', query: `LOAD CSV FROM '${url}' AS line RETURN line` },
    { name: 'LOAD CSV WITH HEADERS http', query: `LOAD CSV WITH HEADERS FROM '${url}' AS row RETURN row` },
    { name: 'LOAD CSV via param', query: 'LOAD CSV FROM $u AS line RETURN line', params: { u: url } },
    { name: 'LOAD CSV comment-split', query: `LOAD/**/CSV FROM '${url}' AS l RETURN l` },
    { name: 'LOAD CSV in subquery', query: `CALL () { LOAD CSV FROM '${url}' AS l RETURN l } RETURN l` },
    // Administration, other databases, schema.
    w('CALL dbms.listConfig', 'CALL dbms.listConfig()'),
    w('CALL dbms.security', "CALL dbms.security.createUser('x', 'y', false)"),
    w('dbms function', 'RETURN dbms.components() AS c'),
    w('SHOW USERS', 'SHOW USERS'),
    w('SHOW TRANSACTIONS', 'SHOW TRANSACTIONS'),
    w('SHOW PROCEDURES', 'SHOW PROCEDURES YIELD name RETURN name'),
    w('TERMINATE', "TERMINATE TRANSACTIONS 'neo4j-transaction-1'"),
    w('USE system', 'USE system SHOW DATABASES'),
    w('USE neo4j', 'USE neo4j MATCH (n) RETURN n'),
    w('CREATE INDEX', 'CREATE INDEX pwn IF NOT EXISTS FOR (n:Entity) ON (n.pwned)'),
    w('CREATE CONSTRAINT', 'CREATE CONSTRAINT pwn IF NOT EXISTS FOR (n:Pwned) REQUIRE n.id IS UNIQUE'),
    w('DROP INDEX', 'DROP INDEX entity_search IF EXISTS'),
    w('DROP CONSTRAINT', 'DROP CONSTRAINT entity_id IF EXISTS'),
    w('CREATE DATABASE', 'CREATE DATABASE pwned'),
    w('STOP DATABASE', 'STOP DATABASE neo4j'),
    w('ALTER USER', "ALTER USER neo4j SET PASSWORD 'pwned'"),
    w('GRANT', 'GRANT ROLE admin TO neo4j'),
    // Procedures outside the allowlist.
    w('db.createLabel', "CALL db.createLabel('Pwned')"),
    w('db.createProperty', "CALL db.createProperty('pwned')"),
    w('db.clearQueryCaches', 'CALL db.clearQueryCaches()'),
    w('apoc.create', "CALL apoc.create.node(['Pwned'], {}) YIELD node RETURN node"),
    w('apoc.periodic', "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})"),
    w('apoc.cypher.runWrite', "CALL apoc.cypher.runWrite('CREATE (:Pwned)', {})"),
    w('backtick procedure', 'CALL `db`.`createLabel`("Pwned")'),
    w('backtick-dotted procedure', 'CALL `db.createLabel`("Pwned")'),
    w('spaced procedure name', "CALL db . createLabel ('Pwned')"),
    w('allowed prefix, other proc', "CALL db.index.fulltext.drop('entity_search')"),
    // Comment, whitespace and case tricks.
    w('mixed case', 'cReAtE (:Pwned)'),
    w('block comment prefix', '/*x*/CREATE (:Pwned)'),
    w('line comment newline', 'MATCH (n) RETURN n //c\nCREATE (:Pwned)'),
    w('comment inside word gap', 'MATCH (n)/**/DETACH/**/DELETE/**/n'),
    w('unclosed comment', 'CREATE (:Pwned) /* never closed'),
    w('NBSP separator', 'MATCH\u00a0(n)\u00a0DETACH\u00a0DELETE\u00a0n'),
    w('ideographic space', 'CREATE\u3000(:Pwned)'),
    w('line separator', 'MATCH (n)\u2028DELETE n'),
    w('tab/CR/VT', '\t\r\vCREATE\t(:Pwned)'),
    w('BOM prefix', '\ufeffCREATE (:Pwned)'),
    w('backtick escapes', "MATCH (`a``b`:Entity) SET `a``b`.x = 1"),
    w('string quote confusion', "RETURN 'it\\'s' AS s CREATE (:Pwned)"),
    w('double-quoted string', 'RETURN "x\\"" AS s CREATE (:Pwned)'),
    w('CYPHER prefix', 'CYPHER 5 CREATE (:Pwned)'),
    w('CYPHER runtime option', 'CYPHER runtime=slotted CREATE (:Pwned)'),
    { name: 'EXPLAIN', query: 'EXPLAIN CREATE (:Pwned)' },
    { name: 'PROFILE', query: 'PROFILE MATCH (n) DETACH DELETE n' },
    // Several statements.
    w('two statements', 'RETURN 1; CREATE (:Pwned)'),
    w('statements after comment', 'RETURN 1 /* ; */; CREATE (:Pwned)'),
    w('semicolon then newline', 'RETURN 1;\nMATCH (n) DETACH DELETE n'),
    // Resource abuse.
    { name: 'cartesian product', query: "MATCH (a), (b), (c), (d), (e), (f) WHERE a.id + b.id + c.id + d.id + e.id + f.id = 'x' RETURN count(*)", status: [422] },
    { name: 'runaway unwind', query: 'UNWIND range(1, 100000000) AS x WITH x WHERE x < 0 RETURN count(x)', status: [422] },
    // Each of these made Neo4j 5.26's parser overflow its stack and never answer (see cypher/console.ts MAX_NESTING).
    { name: 'deep nesting (list)', query: `RETURN ${'['.repeat(400)}1${']'.repeat(400)} AS x`, status: [400] },
    { name: 'deep nesting (parens)', query: `RETURN ${'('.repeat(400)}1${')'.repeat(400)} AS x`, status: [400] },
    { name: 'deep nesting (maps)', query: `RETURN ${'{a: '.repeat(400)}1${'}'.repeat(400)} AS x`, status: [400] },
    { name: 'deep nesting (subqueries)', query: `${'CALL () { '.repeat(200)}RETURN 1 AS x${' }'.repeat(200)} RETURN x`, status: [400] },
    { name: 'long OR chain', query: `MATCH (n) WHERE ${Array(1800).fill('n.x = 1').join(' OR ')} RETURN n`, status: [400] },
    { name: 'long NOT chain', query: `RETURN ${'NOT '.repeat(1500)}true AS x`, status: [400] },
    { name: 'long property chain', query: `WITH {a: 1} AS m RETURN m${'.a'.repeat(3000)} AS x`, status: [400] },
    { name: 'long UNION chain', query: Array(1500).fill('RETURN 1 AS x').join(' UNION '), status: [400, 422] },
    { name: 'huge query', query: `RETURN '${'x'.repeat(200_000)}' AS s`, status: [413] },
    { name: 'huge param', query: 'RETURN $p AS p', params: { p: 'x'.repeat(200_000) }, status: [413] },
  ];
}

describe('Cypher console under attack', () => {
  it('refuses or cuts off every attack with a 4xx ApiError', async () => {
    const list = attacks();
    expect(list.length).toBeGreaterThanOrEqual(30);
    expect(new Set(list.map((a) => a.query)).size).toBe(list.length);
    const failures: string[] = [];
    for (const a of list) {
      const res = await post(a.params ? { query: a.query, params: a.params } : { query: a.query });
      const body = res.json as { error?: { code?: string } } | undefined;
      results.push({ name: a.name, status: res.status, code: body?.error?.code ?? '?', ms: Math.round(res.ms) });
      const allowed = a.status ?? [400, 403];
      if (!allowed.includes(res.status)) failures.push(`${a.name}: ${res.status} ${res.text.slice(0, 160)}`);
      const problem = errorBodyProblem(res.json, res.text);
      if (problem) failures.push(`${a.name}: ${problem}`);
      // A timeout must come at the configured limit, not minutes later.
      if (res.ms > TIMEOUT_MS + 8000) failures.push(`${a.name}: took ${Math.round(res.ms)} ms`);
    }
    expect(failures).toEqual([]);
    expect(canaryHits).toEqual([]);
  });

  it('parameters holding Cypher stay data', async () => {
    const payloads = ["'}) CREATE (:Pwned) //", 'x"}) DETACH DELETE n //', "') RETURN 1; CREATE (:Pwned); //", '$other', '`id`'];
    for (const p of payloads) {
      const res = await post({ query: 'MATCH (e:Entity) WHERE e.name = $name RETURN e.id AS id, $name AS echoed', params: { name: p, other: 'x' } });
      expect(res.status).toBe(200);
      const body = CypherResponse.parse(res.json);
      expect(body.rows).toEqual([]);
      const echo = CypherResponse.parse((await post({ query: 'RETURN $name AS echoed', params: { name: p } })).json);
      expect(echo.rows).toEqual([[p]]);
    }
    // Keys that mean something to JavaScript objects are just parameter names (or rejected), never a crash.
    const proto = await rawRequest(api.port, 'POST', '/api/cypher', '{"query":"RETURN $constructor AS c","params":{"__proto__":{"x":1},"constructor":"c"}}', {
      'content-type': 'application/json',
    });
    expect([200, 400]).toContain(proto.status);
    expect(proto.status === 200 ? null : errorBodyProblem(proto.json, proto.text)).toBeNull();
  });

  it('caps rows of a billion-row UNWIND quickly and with bounded memory', async () => {
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const res = await post({ query: 'UNWIND range(1, 1000000000) AS x RETURN x' });
    const heapAfter = process.memoryUsage().heapUsed;
    expect(res.status).toBe(200);
    const body = CypherResponse.parse(res.json);
    expect(body.rows).toHaveLength(MAX_ROWS);
    expect(body.summary.truncated).toBe(true);
    expect(res.ms).toBeLessThan(5000);
    expect(heapAfter - heapBefore).toBeLessThan(64 * 1024 * 1024);
    results.push({ name: 'billion-row unwind (capped)', status: res.status, code: 'truncated', ms: Math.round(res.ms) });
  });

  it('EXPLAIN + READ transaction alone (no lexical check) stop the write attacks too', async () => {
    for (const a of attacks().filter((x) => x.write)) {
      const err = await runPlannedRead(driver, { CYPHER_TIMEOUT_MS: TIMEOUT_MS, CYPHER_MAX_ROWS: MAX_ROWS }, a.query, a.params ?? {}).then(
        () => null,
        (e: unknown) => e as { status?: number; code?: string; message?: string },
      );
      layerOnly.push({ name: a.name, refused: err !== null, how: err ? `${err.status ?? '?'} ${err.code ?? ''}`.trim() : 'RAN' });
    }
    // Layers 2+3 may let a harmless read through (e.g. SHOW PROCEDURES) but nothing may have been written.
    expect(await graphSnapshot(driver)).toEqual(before);
  });

  it('the graph is unchanged: same counts, same checksum', async () => {
    const after = await graphSnapshot(driver);
    expect(after).toEqual(before);
    const tried = results.length;
    const refused = results.filter((r) => (r.status >= 400 && r.status < 500) || r.code === 'truncated').length;
    const ranWithoutLexical = layerOnly.filter((l) => !l.refused).map((l) => l.name);
    const notWrite = attacks().filter((a) => !a.write);
    reportFigures(
      'cypher-attacks',
      `cypher attacks: ${tried} tried, ${refused} refused or cut off (incl. row cap), 0 LOAD CSV requests received, graph checksum unchanged ` +
        `(${after.nodes} nodes, ${after.relationships} rels); without the lexical check ${layerOnly.length - ranWithoutLexical.length}/${layerOnly.length} write/admin attempts still refused`,
      {
        tried,
        refused,
        loadCsvRequestsReceived: canaryHits.length,
        graph: after,
        byStatus: results.reduce<Record<string, number>>((acc, r) => ((acc[r.status] = (acc[r.status] ?? 0) + 1), acc), {}),
        results,
        layers2and3Only: { tried: layerOnly.length, ranAnyway: ranWithoutLexical, notTriedThere: notWrite.map((a) => a.name) },
      },
    );
  });
});
