/** GET /api/trends and the date filter of GET /api/search, on the fixture graph (two dated issues a month apart). */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { SearchResponse, TrendsResponse } from '../../contract/api.ts';
import { previousPeriod } from '../../server/services/trends.ts';
import { useFixtureApp } from '../helpers/api.ts';
import { ENTITIES } from '../helpers/fixture-graph.ts';

const api = useFixtureApp();

const trends = async (qs: string) => TrendsResponse.parse((await request(api.app).get(`/api/trends?${qs}`).expect(200)).body);

describe('GET /api/trends', () => {
  it('compares February 2025 with the 28 days before it', async () => {
    const body = await trends('from=2025-02-01&to=2025-02-28');
    expect(body.period).toEqual({ from: '2025-02-01', to: '2025-02-28', documents: 1 });
    expect(body.previous).toEqual({ from: '2025-01-04', to: '2025-01-31', documents: 1 });
    expect(body.undatedDocuments).toBe(1);
    // BarPO is the only entity February's issue mentions first.
    expect(body.newEntities.total).toBe(1);
    expect(body.newEntities.items[0]).toMatchObject({ id: ENTITIES.barpo.id, mentions: 2, documents: 1, firstSeen: { id: 'doc:gn-2' } });
    // MathBench and Model X: 1 mention in January, 2 in February; GRPO went down (2 → 1), so it is not rising.
    expect(body.rising.items.slice(0, 2)).toMatchObject([
      { id: ENTITIES.mathbench.id, mentions: 2, previousMentions: 1, change: 1 },
      { id: ENTITIES.modelx.id, mentions: 2, previousMentions: 1, change: 1 },
    ]);
    expect(body.rising.items.map((i) => i.id)).not.toContain(ENTITIES.grpo.id);
    for (const r of body.rising.items) expect(r.mentions).toBeGreaterThan(r.previousMentions);
    // Typed relations first stated in February, each with its sentence; Model X FROM_LAB OpenAI was stated in January.
    const rels = body.newRelations.items.map((r) => `${r.source.id} ${r.type} ${r.target.id}`);
    expect(rels).toEqual(
      expect.arrayContaining([
        `${ENTITIES.jane.id} AFFILIATED_WITH ${ENTITIES.acme.id}`,
        `${ENTITIES.barpo.id} VARIANT_OF ${ENTITIES.foopo.id}`,
        `${ENTITIES.modelx.id} EVALUATED_ON ${ENTITIES.mathbench.id}`,
      ]),
    );
    expect(rels).not.toContain(`${ENTITIES.modelx.id} FROM_LAB ${ENTITIES.openai.id}`);
    expect(body.newRelations.total).toBe(5);
    for (const r of body.newRelations.items) {
      expect(r.evidence.length).toBeGreaterThan(0);
      expect(r.document.id).toBe('doc:gn-2');
    }
  });

  it('a first period: everything in it is new, nothing rises; undated issues never count', async () => {
    const body = await trends('from=2025-01-01&to=2025-01-31');
    expect(body.previous).toMatchObject({ from: '2024-12-01', to: '2024-12-31', documents: 1 });
    const ids = body.newEntities.items.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining([ENTITIES.foopo.id, ENTITIES.grpo.id, ENTITIES.openai.id]));
    expect(ids).not.toContain(ENTITIES.zeta.id); // only in the undated issue
    expect(ids).not.toContain(ENTITIES.lonely.id); // December
    expect(body.rising.total).toBe(0);
    expect(body.newRelations.total).toBe(6);
  });

  it('filters by type and limits each list', async () => {
    const body = await trends('from=2025-01-01&to=2025-02-28&types=Method&limit=1');
    expect(body.newEntities.total).toBe(3);
    expect(body.newEntities.items).toHaveLength(1);
    expect(body.newEntities.items[0]!.type).toBe('Method');
    for (const r of body.newRelations.items) expect([r.source.type, r.target.type]).toContain('Method');
  });

  it('an empty period answers with empty lists', async () => {
    const body = await trends('from=1990-01-01&to=1990-01-31');
    expect(body.period.documents).toBe(0);
    expect([body.newEntities.total, body.rising.total, body.newRelations.total]).toEqual([0, 0, 0]);
  });

  it('400s on missing, malformed, impossible or reversed dates', async () => {
    for (const qs of ['', 'from=2025-01-01', 'from=2025-1-1&to=2025-02-01', 'from=2025-02-30&to=2025-03-01', 'from=2025-03-01&to=2025-02-01', 'from=2025-01-01&to=2025-01-02&types=Planet']) {
      const res = await request(api.app).get(`/api/trends?${qs}`).expect(400);
      expect(res.body.error.code).toBe('invalid_request');
    }
    const reversed = await request(api.app).get('/api/trends?from=2025-03-01&to=2025-02-01').expect(400);
    expect(reversed.body.error.message).toMatch(/from must not be after to/);
  });

  it('computes the previous period across month and leap-year ends', () => {
    expect(previousPeriod('2024-03-01', '2024-03-31')).toEqual({ from: '2024-01-30', to: '2024-02-29' });
    expect(previousPeriod('2025-01-01', '2025-01-01')).toEqual({ from: '2024-12-31', to: '2024-12-31' });
  });
});

describe('GET /api/search with from/to', () => {
  const search = async (qs: string) => SearchResponse.parse((await request(api.app).get(`/api/search?${qs}`).expect(200)).body);

  it('keeps only entities mentioned in an issue dated in the range', async () => {
    expect((await search('q=BarPO&from=2025-02-01')).hits.map((h) => h.id)).toEqual([ENTITIES.barpo.id]);
    expect((await search('q=BarPO&to=2025-01-31')).hits).toEqual([]);
    expect((await search('q=Zeta&from=2000-01-01')).hits).toEqual([]); // only in an undated issue
    expect((await search('q=Zeta')).hits.map((h) => h.id)).toEqual([ENTITIES.zeta.id]);
    expect((await search('q=GRPO&from=2025-01-01&to=2025-01-31')).hits[0]?.id).toBe(ENTITIES.grpo.id);
  });

  it('400s on a bad date or a reversed range', async () => {
    await request(api.app).get('/api/search?q=GRPO&from=yesterday').expect(400);
    await request(api.app).get('/api/search?q=GRPO&from=2025-02-01&to=2025-01-01').expect(400);
  });
});
