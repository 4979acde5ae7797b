import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { EntityDetail, MentionsResponse, NeighborsResponse, TimelineResponse } from '../../contract/api.ts';
import { useFixtureApp } from '../helpers/api.ts';
import { ENTITIES, fixtureMentions } from '../helpers/fixture-graph.ts';

const api = useFixtureApp();

const enc = encodeURIComponent;

describe('GET /api/entities/:id', () => {
  it('returns the entity with counts, first/last issue and relation counts', async () => {
    const res = await request(api.app).get(`/api/entities/${enc(ENTITIES.openai.id)}`).expect(200);
    const body = EntityDetail.parse(res.body);
    expect(body).toMatchObject({ id: 'Lab:openai', name: 'OpenAI', type: 'Lab', aliases: ['Open AI'] });
    expect(body.mentionCount).toBe(fixtureMentions('Lab:openai').length);
    expect(body.documentCount).toBe(3);
    expect(body.firstSeen?.id).toBe('doc:gn-1');
    // The undated issue sorts after the dated ones, and lastSeen is the latest dated one.
    expect(body.lastSeen?.id).toBe('doc:gn-2');
    expect(body.relationCounts).toContainEqual({ type: 'FROM_LAB', direction: 'in', count: 1 });
    expect(body.relationCounts).toContainEqual({ type: 'USES', direction: 'out', count: 1 });
  });

  it('404s for an unknown id, naming it', async () => {
    const res = await request(api.app).get('/api/entities/Method%3Anope').expect(404);
    expect(res.body.error).toMatchObject({ code: 'not_found' });
    expect(res.body.error.message).toContain('Method:nope');
    // Encoded slashes stay inside the id rather than splitting the route.
    const slash = await request(api.app).get('/api/entities/Paper%3Aa%2Fb').expect(404);
    expect(slash.body.error.message).toContain('"Paper:a/b"');
  });

  it('400s for an id with control characters', async () => {
    const res = await request(api.app).get('/api/entities/a%00b').expect(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(res.body.error.message).toMatch(/control characters/);
  });
});

describe('GET /api/entities/:id/mentions', () => {
  it('returns every mention with its sentence and in-sentence highlight, by date then offset', async () => {
    const expected = fixtureMentions(ENTITIES.grpo.id);
    const res = await request(api.app).get(`/api/entities/${enc(ENTITIES.grpo.id)}/mentions`).expect(200);
    const body = MentionsResponse.parse(res.body);
    expect(body.total).toBe(expected.length);
    expect(body.mentions).toHaveLength(expected.length);
    for (const m of body.mentions) {
      expect(m.sentence.slice(m.highlightStart, m.highlightEnd)).toBe(m.text);
      expect(m.sentence).toMatch(/[.!?]$/);
    }
    // Dated issues first, in date order; the undated one last.
    expect(body.mentions.map((m) => m.document.id)).toEqual(['doc:gn-1', 'doc:gn-1', 'doc:gn-2', 'doc:wt-7']);
    const first = body.mentions[0]!;
    // The first sentence starts with an emoji (two UTF-16 units): offsets must still line up.
    expect(first.sentence).toBe('🚀 Acme Labs introduced FooPO, a new method that improves on GRPO.');
    expect(first.reason).toBe('fixture');
  });

  it('paginates with limit/offset and keeps the total', async () => {
    const all = MentionsResponse.parse((await request(api.app).get(`/api/entities/${enc(ENTITIES.grpo.id)}/mentions`)).body);
    const page = MentionsResponse.parse(
      (await request(api.app).get(`/api/entities/${enc(ENTITIES.grpo.id)}/mentions?limit=2&offset=1`).expect(200)).body,
    );
    expect(page).toMatchObject({ total: all.total, limit: 2, offset: 1 });
    expect(page.mentions.map((m) => m.id)).toEqual(all.mentions.slice(1, 3).map((m) => m.id));
  });

  it('returns surface variants as written', async () => {
    const body = MentionsResponse.parse((await request(api.app).get(`/api/entities/${enc(ENTITIES.openai.id)}/mentions`)).body);
    expect(body.mentions.map((m) => m.text)).toContain('Open AI');
    expect(body.total).toBe(fixtureMentions(ENTITIES.openai.id).length);
  });

  it('400s on a bad limit, 404s on an unknown entity', async () => {
    const bad = await request(api.app).get(`/api/entities/${enc(ENTITIES.grpo.id)}/mentions?limit=0`).expect(400);
    expect(bad.body.error.message).toMatch(/^limit: /);
    await request(api.app).get(`/api/entities/${enc(ENTITIES.grpo.id)}/mentions?offset=-1`).expect(400);
    await request(api.app).get('/api/entities/nope/mentions').expect(404);
  });
});

describe('GET /api/entities/:id/neighbors', () => {
  it('returns the neighbourhood strongest first with aggregated edges', async () => {
    const res = await request(api.app).get(`/api/entities/${enc(ENTITIES.foopo.id)}/neighbors`).expect(200);
    const body = NeighborsResponse.parse(res.body);
    expect(body.center).toBe('Method:foopo');
    const ids = body.elements.nodes.map((n) => n.data.id);
    expect(ids[0]).toBe('Method:foopo');
    expect(ids).toEqual(expect.arrayContaining(['Method:grpo', 'Lab:acme-labs', 'Benchmark:mathbench', 'Person:jane-doe', 'Method:barpo']));
    expect(body.total).toBe(ids.length - 1);
    expect(body.more).toBe(0);
    for (const n of body.elements.nodes) expect(n.data).toMatchObject({ kind: 'entity', mentionCount: expect.any(Number) });
    const improves = body.elements.edges.find((e) => e.data.type === 'IMPROVES_ON');
    expect(improves?.data).toMatchObject({ source: 'Method:foopo', target: 'Method:grpo', weight: 1, evidenceCount: 1, reason: 'fixture-improves_on' });
    // Every edge joins two returned nodes.
    for (const e of body.elements.edges) {
      expect(ids).toContain(e.data.source);
      expect(ids).toContain(e.data.target);
    }
  });

  it('aggregates a relation stated in two documents into one edge', async () => {
    const body = NeighborsResponse.parse((await request(api.app).get(`/api/entities/${enc(ENTITIES.modelx.id)}/neighbors?relTypes=FROM_LAB`)).body);
    expect(body.elements.edges).toHaveLength(1);
    expect(body.elements.edges[0]!.data).toMatchObject({ id: 'Model:model-x|FROM_LAB|Lab:openai', weight: 2, evidenceCount: 2 });
  });

  it('filters by neighbour type and relation type, and bounds with limit/more', async () => {
    const methods = NeighborsResponse.parse((await request(api.app).get(`/api/entities/${enc(ENTITIES.foopo.id)}/neighbors?types=Method`)).body);
    expect(methods.elements.nodes.slice(1).every((n) => n.data.type === 'Method')).toBe(true);
    const one = NeighborsResponse.parse((await request(api.app).get(`/api/entities/${enc(ENTITIES.foopo.id)}/neighbors?limit=1`)).body);
    expect(one.elements.nodes).toHaveLength(2);
    expect(one.more).toBe(one.total - 1);
    // The strongest neighbour: typed relations count double, and GRPO/MathBench/... each have one. Just check it is a real one.
    const typed = NeighborsResponse.parse((await request(api.app).get(`/api/entities/${enc(ENTITIES.foopo.id)}/neighbors?relTypes=VARIANT_OF`)).body);
    expect(typed.elements.nodes.map((n) => n.data.id)).toEqual(['Method:foopo', 'Method:barpo']);
  });

  it('400s on an unknown type or relation type, listing the valid ones', async () => {
    const res = await request(api.app).get(`/api/entities/${enc(ENTITIES.foopo.id)}/neighbors?relTypes=KNOWS`).expect(400);
    expect(res.body.error.message).toMatch(/relTypes/);
    await request(api.app).get(`/api/entities/${enc(ENTITIES.foopo.id)}/neighbors?types=Planet`).expect(400);
    await request(api.app).get(`/api/entities/${enc(ENTITIES.foopo.id)}/neighbors?limit=1000`).expect(400);
  });

  it('an isolated entity has no neighbours; an unknown one is 404', async () => {
    const body = NeighborsResponse.parse((await request(api.app).get(`/api/entities/${enc(ENTITIES.lonely.id)}/neighbors`)).body);
    expect(body).toMatchObject({ total: 0, more: 0 });
    expect(body.elements.nodes).toHaveLength(1);
    await request(api.app).get('/api/entities/nope/neighbors').expect(404);
  });
});

describe('GET /api/entities/:id/timeline', () => {
  it('returns mention counts per document in date order', async () => {
    const body = TimelineResponse.parse((await request(api.app).get(`/api/entities/${enc(ENTITIES.modelx.id)}/timeline`).expect(200)).body);
    expect(body.points.map((p) => [p.document.id, p.count])).toEqual([
      ['doc:gn-1', 1],
      ['doc:gn-2', 2],
    ]);
    await request(api.app).get('/api/entities/nope/timeline').expect(404);
  });
});
