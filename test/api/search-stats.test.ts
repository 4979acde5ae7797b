import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { HealthResponse, SearchResponse, StatsResponse } from '../../contract/api.ts';
import { luceneQuery, rankHits } from '../../server/services/search.ts';
import { useFixtureApp } from '../helpers/api.ts';
import { ENTITIES, FIXTURE } from '../helpers/fixture-graph.ts';

const api = useFixtureApp();

const search = async (qs: string) => SearchResponse.parse((await request(api.app).get(`/api/search?${qs}`).expect(200)).body);

describe('GET /api/search', () => {
  it('ranks the exact name first, with type and mention count', async () => {
    const body = await search('q=GRPO');
    expect(body.query).toBe('GRPO');
    expect(body.hits[0]).toMatchObject({ id: 'Method:grpo', name: 'GRPO', type: 'Method', mentionCount: 4 });
  });

  it('finds by prefix, by alias and despite a typo', async () => {
    expect((await search('q=Mat')).hits[0]?.id).toBe(ENTITIES.mathbench.id);
    expect((await search('q=open%20ai')).hits[0]?.id).toBe(ENTITIES.openai.id);
    expect((await search('q=MathBanch')).hits.map((h) => h.id)).toContain(ENTITIES.mathbench.id);
    expect((await search('q=jane%20do')).hits[0]?.id).toBe(ENTITIES.jane.id);
  });

  it('filters by type and limits', async () => {
    const labs = await search('q=a&types=Lab&limit=100');
    expect(labs.hits.every((h) => h.type === 'Lab')).toBe(true);
    const methods = await search('q=po&types=Method,Benchmark&limit=1');
    expect(methods.hits.length).toBeLessThanOrEqual(1);
  });

  it('treats Lucene syntax in the query as text', async () => {
    for (const q of ['GRPO)', 'GRPO AND NOT', '*:*', 'name:"x', '\\', '~1^2', 'OR', '"(', '[a TO z]', '/re/']) {
      const res = await request(api.app).get(`/api/search?q=${encodeURIComponent(q)}`).expect(200);
      SearchResponse.parse(res.body);
    }
    expect((await search('q=%2A%3A%2A')).hits).toEqual([]);
    expect((await search(`q=${encodeURIComponent('GRPO)')}`)).hits[0]?.id).toBe(ENTITIES.grpo.id);
  });

  it('builds an escaped prefix-or-fuzzy query per token', () => {
    expect(luceneQuery('GRPO')).toBe('(grpo^3 OR grpo*^2 OR grpo~1)');
    expect(luceneQuery('Jane Doe')).toBe('(name:"jane doe"^4) OR ((jane^3 OR jane*^2 OR jane~1) AND (doe^3 OR doe*^2)) OR ((janedoe^3 OR janedoe*^2))');
    expect(luceneQuery('!!!')).toBeNull();
  });

  it('ranks exact names (ignoring case and punctuation) above longer names Lucene prefers', () => {
    const hit = (name: string, score: number, mentionCount = 1, aliases: string[] = []) => ({ id: name, name, type: 'Model' as const, aliases, mentionCount, score });
    const ranked = rankHits('gpt 4', [hit('GPT-4-Turbo', 50, 3), hit('GPT-4 Code', 40), hit('GPT-4', 49, 100), hit('Generative PT', 30, 1, ['GPT4'])]);
    expect(ranked.map((h) => h.name)).toEqual(['GPT-4', 'Generative PT', 'GPT-4-Turbo', 'GPT-4 Code']);
  });

  it('400s on a missing or too long q, an unknown type, a bad limit', async () => {
    const missing = await request(api.app).get('/api/search').expect(400);
    expect(missing.body.error).toMatchObject({ code: 'invalid_request' });
    expect(missing.body.error.message).toMatch(/^q: /);
    expect(missing.body.error.details[0].path).toEqual(['q']);
    await request(api.app).get('/api/search?q=%20%20').expect(400);
    await request(api.app).get(`/api/search?q=${'x'.repeat(201)}`).expect(400);
    await request(api.app).get('/api/search?q=a&types=Planet').expect(400);
    await request(api.app).get('/api/search?q=a&limit=abc').expect(400);
    await request(api.app).get('/api/search?q=a&q=b').expect(400);
  });
});

describe('GET /api/stats and /api/health', () => {
  it('counts entities, relations and documents', async () => {
    const body = StatsResponse.parse((await request(api.app).get('/api/stats').expect(200)).body);
    const byType = Object.fromEntries(body.entitiesByType.map((x) => [x.type, x.count]));
    expect(byType).toMatchObject({ Lab: 3, Method: 3, Benchmark: 1, Person: 1, Model: 1, Tool: 1 });
    const rels = Object.fromEntries(body.relationsByType.map((x) => [x.type, x.count]));
    expect(rels.FROM_LAB).toBe(2);
    expect(rels.CO_MENTIONED).toBeGreaterThan(0);
    expect(body.documentsByPublication).toEqual(
      expect.arrayContaining([{ publication: 'Gradient Notes', count: 2 }, { publication: 'Weekly Tensor', count: 1 }, { publication: 'unknown', count: 1 }]),
    );
    expect(body.documentsByMonth).toEqual([
      { month: '2024-12', count: 1 },
      { month: '2025-01', count: 1 },
      { month: '2025-02', count: 1 },
      { month: 'unknown', count: 1 },
    ]);
  });

  it('health reports the graph', async () => {
    const body = HealthResponse.parse((await request(api.app).get('/api/health').expect(200)).body);
    expect(body.counts.documents).toBe(FIXTURE.length);
  });

  it('an unknown API route is a JSON 404', async () => {
    const res = await request(api.app).get('/api/nope').expect(404);
    expect(res.body.error.code).toBe('not_found');
  });
});
