import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { DocumentDetail, DocumentsResponse, EdgeResponse } from '../../contract/api.ts';
import { useFixtureApp } from '../helpers/api.ts';
import { ENTITIES, FIXTURE } from '../helpers/fixture-graph.ts';

const api = useFixtureApp();

const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

describe('GET /api/edges', () => {
  it('returns the evidence of every relation between two entities, either direction, typed first', async () => {
    // Asked "backwards" (target → source): the relation is still found.
    const res = await request(api.app).get(`/api/edges?${q({ source: ENTITIES.grpo.id, target: ENTITIES.foopo.id })}`).expect(200);
    const body = EdgeResponse.parse(res.body);
    expect(body.source).toBe(ENTITIES.grpo.id);
    expect(body.items[0]).toMatchObject({
      type: 'IMPROVES_ON',
      source: 'Method:foopo',
      target: 'Method:grpo',
      reason: 'fixture-improves_on',
      evidence: '🚀 Acme Labs introduced FooPO, a new method that improves on GRPO.',
      document: { id: 'doc:gn-1', title: 'Gradient Notes #1: FooPO arrives', publication: 'Gradient Notes', issue: '1', date: '2025-01-10' },
    });
    expect(body.items.map((i) => i.type)).toEqual(['IMPROVES_ON', 'CO_MENTIONED']);
    expect(body.total).toBe(2);
  });

  it('filters by type and aggregates across documents', async () => {
    const body = EdgeResponse.parse(
      (await request(api.app).get(`/api/edges?${q({ source: ENTITIES.modelx.id, target: ENTITIES.openai.id, type: 'FROM_LAB' })}`).expect(200)).body,
    );
    expect(body.total).toBe(2);
    expect(body.items.map((i) => i.document.id)).toEqual(['doc:gn-1', 'doc:gn-2']);
    const limited = EdgeResponse.parse(
      (await request(api.app).get(`/api/edges?${q({ source: ENTITIES.modelx.id, target: ENTITIES.openai.id, limit: '1' })}`).expect(200)).body,
    );
    expect(limited.items).toHaveLength(1);
  });

  it('unrelated entities: 200 with nothing; unknown: 404; bad input: 400', async () => {
    const none = EdgeResponse.parse((await request(api.app).get(`/api/edges?${q({ source: ENTITIES.lonely.id, target: ENTITIES.grpo.id })}`).expect(200)).body);
    expect(none).toMatchObject({ total: 0, items: [] });
    const unknown = await request(api.app).get(`/api/edges?${q({ source: ENTITIES.grpo.id, target: 'Method:nope' })}`).expect(404);
    expect(unknown.body.error.message).toContain('Method:nope');
    const bad = await request(api.app).get(`/api/edges?${q({ source: ENTITIES.grpo.id, target: ENTITIES.foopo.id, type: 'MENTIONS' })}`).expect(400);
    expect(bad.body.error.message).toMatch(/^type: /);
    await request(api.app).get(`/api/edges?${q({ source: ENTITIES.grpo.id })}`).expect(400);
  });
});

describe('GET /api/documents', () => {
  it('lists documents newest first by default, undated last, with counts', async () => {
    const body = DocumentsResponse.parse((await request(api.app).get('/api/documents').expect(200)).body);
    expect(body.total).toBe(FIXTURE.length);
    expect(body.documents.map((d) => d.id)).toEqual(['doc:gn-2', 'doc:gn-1', 'doc:island', 'doc:wt-7']);
    const gn1 = body.documents.find((d) => d.id === 'doc:gn-1')!;
    const fixture = FIXTURE.find((f) => f.doc.id === 'doc:gn-1')!;
    expect(gn1).toMatchObject({
      path: 'fixtures/gradient-notes-1.txt',
      wordCount: fixture.doc.wordCount,
      mentionCount: fixture.entities.reduce((n, e) => n + e.mentions.length, 0),
      entityCount: fixture.entities.length,
      url: 'https://example.test/gn/1',
    });
  });

  it('sorts by whitelisted keys in either order and paginates', async () => {
    const asc = DocumentsResponse.parse((await request(api.app).get('/api/documents?sort=date&order=asc').expect(200)).body);
    expect(asc.documents.map((d) => d.id)).toEqual(['doc:island', 'doc:gn-1', 'doc:gn-2', 'doc:wt-7']);
    const byTitle = DocumentsResponse.parse((await request(api.app).get('/api/documents?sort=title&order=asc').expect(200)).body);
    expect(byTitle.documents.map((d) => d.title)).toEqual([...byTitle.documents.map((d) => d.title)].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    const byMentions = DocumentsResponse.parse((await request(api.app).get('/api/documents?sort=mentions').expect(200)).body);
    const counts = byMentions.documents.map((d) => d.mentionCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const page = DocumentsResponse.parse((await request(api.app).get('/api/documents?limit=2&offset=1').expect(200)).body);
    expect(page.total).toBe(FIXTURE.length);
    expect(page.documents.map((d) => d.id)).toEqual(['doc:gn-1', 'doc:island']);
  });

  it('filters by text and by publication', async () => {
    const text = DocumentsResponse.parse((await request(api.app).get('/api/documents?q=barpo').expect(200)).body);
    expect(text.documents.map((d) => d.id)).toEqual(['doc:gn-2']);
    const pub = DocumentsResponse.parse((await request(api.app).get(`/api/documents?${q({ publication: 'Weekly Tensor' })}`).expect(200)).body);
    expect(pub).toMatchObject({ total: 1, documents: [{ id: 'doc:wt-7' }] });
    const none = DocumentsResponse.parse((await request(api.app).get('/api/documents?q=zzzz').expect(200)).body);
    expect(none).toEqual({ total: 0, documents: [] });
  });

  it('400s on a sort key outside the whitelist (no Cypher injection through ORDER BY)', async () => {
    const res = await request(api.app).get(`/api/documents?${q({ sort: 'd.text DETACH DELETE d' })}`).expect(400);
    expect(res.body.error.message).toMatch(/^sort: /);
    await request(api.app).get('/api/documents?order=sideways').expect(400);
    await request(api.app).get('/api/documents?limit=501').expect(400);
  });
});

describe('GET /api/documents/:id', () => {
  it('returns the text, every mention (offsets into the text) and its entities', async () => {
    const body = DocumentDetail.parse((await request(api.app).get('/api/documents/doc%3Agn-2').expect(200)).body);
    const fixture = FIXTURE.find((f) => f.doc.id === 'doc:gn-2')!;
    expect(body.document.text).toBe(fixture.doc.text);
    expect(body.mentions).toHaveLength(fixture.entities.reduce((n, e) => n + e.mentions.length, 0));
    for (const m of body.mentions) expect(body.document.text.slice(m.start, m.end)).toBe(m.text);
    expect(body.mentions.map((m) => m.start)).toEqual([...body.mentions.map((m) => m.start)].sort((a, b) => a - b));
    expect(body.entities.find((e) => e.id === ENTITIES.modelx.id)).toMatchObject({ name: 'Model X', type: 'Model', count: 2 });
    expect(body.document).toMatchObject({ mentionCount: body.mentions.length, entityCount: body.entities.length });
  });

  it('404s on an unknown document', async () => {
    const res = await request(api.app).get('/api/documents/nope').expect(404);
    expect(res.body.error.message).toMatch(/Document "nope"/);
  });
});
