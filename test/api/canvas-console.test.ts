/**
 * The API parts of the legible canvas and the console (issue 13, items 6–7), on the real Neo4j: neighbours by
 * relation direction, and console error positions in the user's query (not in the `EXPLAIN …` the server runs).
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { NeighborsResponse } from '../../contract/api.ts';
import { NODE_KEYS_QUERY, REL_KEYS_QUERY } from '../../client/src/model/cypher-text.ts';
import { unprefixErrorPosition } from '../../server/services/cypher-error-position.ts';
import { useFixtureApp } from '../helpers/api.ts';
import { ENTITIES } from '../helpers/fixture-graph.ts';

const api = useFixtureApp();
const enc = encodeURIComponent;
const neighbours = async (id: string, qs: string) =>
  NeighborsResponse.parse((await request(api.app).get(`/api/entities/${enc(id)}/neighbors${qs}`).expect(200)).body);

describe('GET /api/entities/:id/neighbors?direction=', () => {
  it('out: only relations leaving the entity; in: only those reaching it; both (default): either', async () => {
    const id = ENTITIES.foopo.id;
    const typed = '&relTypes=INTRODUCES,IMPROVES_ON,VARIANT_OF';
    const out = await neighbours(id, `?direction=out${typed}`);
    expect(out.elements.nodes.map((n) => n.data.id).sort()).toEqual(['Method:foopo', 'Method:grpo']);
    expect(out.total).toBe(1);
    const into = await neighbours(id, `?direction=in${typed}`);
    expect(into.elements.nodes.map((n) => n.data.id).sort()).toEqual(['Lab:acme-labs', 'Method:barpo', 'Method:foopo']);
    for (const e of into.elements.edges.filter((x) => x.data.source === id || x.data.target === id)) expect(e.data.target).toBe(id);
    const both = await neighbours(id, `?direction=both${typed}`);
    expect(both.total).toBe(out.total + into.total);
    expect((await neighbours(id, `?x=1${typed}`)).total).toBe(both.total);
  });

  it('by one relation type and direction (the canvas\'s "expand by relation" menu)', async () => {
    const r = await neighbours(ENTITIES.foopo.id, '?relTypes=VARIANT_OF&direction=in');
    expect(r.elements.nodes.map((n) => n.data.id)).toEqual(['Method:foopo', 'Method:barpo']);
    expect((await neighbours(ENTITIES.foopo.id, '?relTypes=VARIANT_OF&direction=out')).total).toBe(0);
  });

  it('400s on an unknown direction, naming the valid ones', async () => {
    const res = await request(api.app).get(`/api/entities/${enc(ENTITIES.foopo.id)}/neighbors?direction=sideways`).expect(400);
    expect(res.body.error.message).toMatch(/direction/);
    expect(res.body.error.message).toMatch(/both|out|in/);
  });
});

describe('POST /api/cypher: error positions are in the query as sent', () => {
  const run = (query: string) => request(api.app).post('/api/cypher').send({ query });

  it('a syntax error on line 1: column and offset without the EXPLAIN prefix, the echo and caret too', async () => {
    const query = 'MATCH (n) RETRN n';
    const res = await run(query).expect(400);
    expect(res.body.error.code).toBe('cypher_syntax_error');
    const pos = res.body.error.details.position as { line: number; column: number; offset: number };
    expect(query.slice(pos.offset)).toMatch(/^RETRN/);
    expect(pos).toEqual({ line: 1, column: pos.offset + 1, offset: 10 });
    expect(res.body.error.message).toContain('(line 1, column 11 (offset: 10))');
    expect(res.body.error.message).not.toContain('EXPLAIN');
    const lines = (res.body.error.message as string).split('\n');
    const echo = lines.findIndex((l) => l === `"${query}"`);
    expect(echo).toBeGreaterThan(-1);
    // The caret sits under the R of RETRN (one column right of the opening quote).
    expect(lines[echo + 1]!.indexOf('^')).toBe(pos.offset + 1);
  });

  it('an error on a later line keeps its column; the offset still loses the prefix', async () => {
    const query = 'MATCH (n:Method)\nWHERE n.name = 1\nRETURN m';
    const res = await run(query).expect(400);
    // An undefined variable is a semantic error, which Neo4j files under SyntaxError.
    expect(res.body.error.code).toMatch(/^cypher_(syntax_)?error$/);
    const pos = res.body.error.details.position as { line: number; column: number; offset: number };
    expect(pos.line).toBe(3);
    expect(query.slice(pos.offset)).toBe('m');
    expect(pos.column).toBe(8);
  });

  it('a leading blank line or spaces (trimmed by the server) are not counted', async () => {
    const res = await run('   MATCH (n) RETRN n').expect(400);
    expect(res.body.error.details.position.offset).toBe(10);
  });
});

describe('the console\'s schema queries (property keys per label / type) pass the read-only console', () => {
  it('lists each label\'s own keys and each relationship type\'s', async () => {
    const table = async (query: string) => {
      const res = await request(api.app).post('/api/cypher').send({ query }).expect(200);
      return new Map((res.body.rows as [string, string[]][]).map(([k, v]) => [k, v]));
    };
    const nodes = await table(NODE_KEYS_QUERY);
    expect(nodes.get('Lab')).toEqual(expect.arrayContaining(['id', 'name', 'type']));
    expect(nodes.get('Lab')).not.toContain('title');
    expect(nodes.get('Document')).toEqual(expect.arrayContaining(['id', 'title']));
    expect(nodes.get('Document')).not.toContain('aliases');
    const rels = await table(REL_KEYS_QUERY);
    expect(rels.get('MENTIONS')).toContain('count');
    expect(rels.get('IMPROVES_ON')).toEqual(expect.arrayContaining(['documentId', 'weight']));
  });
});

describe('unprefixErrorPosition (pure)', () => {
  const msg = 'Invalid input \'RETRN\': expected \'RETURN\' (line 1, column 19 (offset: 18))\n"EXPLAIN MATCH (n) RETRN n"\n                   ^';

  it('shifts line-1 columns and every offset, and strips the prefix from the echo and the caret', () => {
    const r = unprefixErrorPosition(msg, 'EXPLAIN ');
    expect(r.position).toEqual({ line: 1, column: 11, offset: 10 });
    expect(r.message).toBe('Invalid input \'RETRN\': expected \'RETURN\' (line 1, column 11 (offset: 10))\n"MATCH (n) RETRN n"\n           ^');
  });

  it('leaves later lines\' columns alone, and a message without a position as it is', () => {
    expect(unprefixErrorPosition('Variable `m` not defined (line 3, column 8 (offset: 48))\n"RETURN m"\n        ^', 'EXPLAIN ')).toEqual({
      message: 'Variable `m` not defined (line 3, column 8 (offset: 40))\n"RETURN m"\n        ^',
      position: { line: 3, column: 8, offset: 40 },
    });
    expect(unprefixErrorPosition('Something failed', 'EXPLAIN ')).toEqual({ message: 'Something failed', position: null });
    expect(unprefixErrorPosition(msg, '').message).toBe(msg);
  });

  it('throws on a multi-line prefix, naming it', () => {
    expect(() => unprefixErrorPosition(msg, 'EXPLAIN\n')).toThrow(/"EXPLAIN\\n"/);
  });
});
