/**
 * Search that finds what people type, the time filter on the read routes, the issue browser's routes and the
 * trends' rising-by-issues — on the real pipeline's graph of five short issues we wrote
 * (test/fixtures/time-issues: January to March 2025), plus one undated note written directly with the writer
 * that holds the decoys "GPT-5.2 45" and "Qwen2" (names a naive tokenizer confuses with GPT-4.5 and Qwen2.5).
 */
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DocumentDatesResponse,
  DocumentGraphResponse,
  DocumentsResponse,
  EdgeResponse,
  EntityDetail,
  MentionsResponse,
  NeighborsResponse,
  PathsResponse,
  SearchResponse,
  TimelineResponse,
  TrendsResponse,
  type DocumentSummary,
} from '../../contract/api.ts';
import { PROJECT_ROOT } from '../../core/config.ts';
import { writeDocument } from '../../ingest/write.ts';
import { matchTier, querySpellings } from '../../server/services/search.ts';
import { testApp } from '../helpers/api.ts';
import { ingestFresh, testDriver } from '../helpers/neo4j.ts';

export const TIME_ISSUES = join(PROJECT_ROOT, 'test', 'fixtures', 'time-issues');

let driver: Driver;
let app: ReturnType<typeof testApp>;
const docs = new Map<string, DocumentSummary>();
/** The issue whose title starts with `prefix`. */
const doc = (prefix: string) => [...docs.values()].find((d) => d.title.startsWith(prefix))!;

const DECOY_TEXT = 'GPT-5.2 45 and Qwen2 are older names.';

beforeAll(async () => {
  driver = testDriver();
  await ingestFresh(driver, [TIME_ISSUES]);
  const text = DECOY_TEXT;
  const mention = (s: string, documentId: string) => {
    const start = text.indexOf(s);
    return { documentId, start, end: start + s.length, text: s, sentenceStart: 0, sentenceEnd: text.length, reason: 'fixture' };
  };
  await writeDocument(
    driver,
    { id: 'doc:decoys', path: 'fixtures/decoys.txt', title: 'Decoy note', publication: null, issue: null, date: null, url: null, text, contentHash: 'decoys-1', wordCount: 8 },
    [
      { id: 'Model:gpt-5.2-45', name: 'GPT-5.2 45', type: 'Model', aliases: [], mentions: [mention('GPT-5.2 45', 'doc:decoys')] },
      { id: 'Model:qwen2', name: 'Qwen2', type: 'Model', aliases: [], mentions: [mention('Qwen2', 'doc:decoys')] },
    ],
    [],
  );
  app = testApp(driver);
  const list = DocumentsResponse.parse((await request(app).get('/api/documents?limit=50').expect(200)).body);
  for (const d of list.documents) docs.set(d.id, d);
});
afterAll(async () => driver.close());

const get = async (path: string, status = 200) => (await request(app).get(path).expect(status)).body;
const search = async (q: string, extra = '') => SearchResponse.parse(await get(`/api/search?q=${encodeURIComponent(q)}${extra}`));
const ids = (r: { hits: { id: string }[] }) => r.hits.map((h) => h.id);

describe('GET /api/search finds what people type', () => {
  it('dotted versions, with or without spaces and hyphens', async () => {
    for (const q of ['Gemini 2.5 Pro', 'gemini 2.5 pro', 'Gemini-2.5-Pro', 'gemini 2.5']) expect(ids(await search(q))[0], q).toBe('Model:gemini-2.5-pro');
    for (const q of ['Qwen2.5', 'qwen 2.5', 'Qwen-2.5']) expect(ids(await search(q))[0], q).toBe('Model:qwen2.5');
    for (const q of ['Claude 3.7', 'claude 3.7 sonnet', 'Claude-3.7']) expect(ids(await search(q))[0], q).toBe('Model:claude-3.7-sonnet');
  });

  it('"GPT-4.5" finds GPT-4.5 first and never "GPT-5.2 45" or another version', async () => {
    for (const q of ['GPT-4.5', 'gpt 4.5', 'GPT4.5', 'gpt-4.5']) {
      const found = ids(await search(q));
      expect(found[0], q).toBe('Model:gpt-4.5');
      expect(found, q).not.toContain('Model:gpt-5.2-45');
      expect(found, q).not.toContain('Model:gpt-4.1');
      expect(found, q).not.toContain('Model:gpt-4o');
    }
    // The decoy is still found by its own name.
    expect(ids(await search('GPT-5.2 45'))[0]).toBe('Model:gpt-5.2-45');
  });

  it('both apostrophes, and none', async () => {
    for (const q of ["Humanity's Last Exam", 'Humanity’s Last Exam', 'humanitys last exam', 'Humanity', "humanity's"]) {
      expect(ids(await search(q))[0], q).toBe('Benchmark:humanitys-last-exam');
    }
  });

  it('@handles and display names', async () => {
    for (const q of ['@lena_park', 'lena_park', 'Lena Park', 'lena']) expect(ids(await search(q))[0], q).toBe('Person:lena-park');
  });

  it('ranks the exact name first, then prefixes, then word matches, then typos', async () => {
    const qwen = ids(await search('Qwen2.5'));
    expect(qwen.slice(0, 1)).toEqual(['Model:qwen2.5']);
    expect(qwen).toContain('Model:qwen2.5-max');
    expect(qwen).not.toContain('Model:qwen2'); // "2.5" is one word: Qwen2 does not start with it
    const ring = await search('ring cache');
    expect(ring.hits[0]!.id).toBe('Method:rc'); // exact alias before the prefix "Ring Cache 2"
    expect(ring.hits.map((h) => h.id)).toContain('Method:rc2');
    // A typo still finds it, below exact and prefix matches.
    expect(ids(await search('Antropic'))).toContain('Lab:anthropic');
    expect(matchTier('qwen2.5', 'Qwen2.5')).toBe(5);
    expect(matchTier('lena park', '@lena_park', ['Lena Park'])).toBe(4);
    expect(matchTier('gemini 2.5', 'Gemini 2.5 Pro')).toBe(3);
    expect(matchTier('2.5 pro', 'Gemini 2.5 Pro')).toBe(1);
    expect(matchTier('gpt-4.5', 'GPT-5.2 45')).toBe(0);
  });

  it('searches the spellings people use for one name', () => {
    expect(querySpellings('Qwen2.5').map((s) => s.words)).toEqual([['qwen2.5'], ['qwen', '2.5']]);
    expect(querySpellings('Qwen 2.5').map((s) => s.words)).toEqual([['qwen', '2.5'], ['qwen2.5']]);
    expect(querySpellings('GPT-4.5')[0]!.words).toEqual(['gpt', '4.5']);
    expect(querySpellings('@lena_park')[0]!.words).toEqual(['lena_park']);
    expect(querySpellings('!!! ---')).toEqual([]);
  });

  it('finds issues by title too (docLimit), with either apostrophe', async () => {
    const hle = await search('Humanity’s Last Exam', '&docLimit=5');
    expect(hle.documents?.[0]?.title).toBe('GPT-4.5 Meets Humanity’s Last Exam');
    expect((await search("humanity's last exam", '&docLimit=5')).documents?.[0]?.title).toBe('GPT-4.5 Meets Humanity’s Last Exam');
    const notes = await search('Model Notes', '&docLimit=5');
    expect(notes.documents?.map((d) => d.title).sort()).toEqual(['Gemini 2.5 Pro Tops the Board', 'Qwen2.5-Max and a Month of Ring Cache']);
    expect((await search('Model Notes', '&docLimit=1')).documents).toHaveLength(1);
    expect((await search('Qwen2.5')).documents).toEqual([]); // none unless asked for
    expect((await search('Model Notes', '&docLimit=5&from=2025-03-10')).documents?.map((d) => d.title)).toEqual(['Qwen2.5-Max and a Month of Ring Cache']);
  });

  it('never answers 500, whatever the text (Lucene syntax is escaped)', async () => {
    const nasty = ['GPT-4.5~', 'a:b', '\\', '&&', '||', '"', 'AND', 'OR NOT', '*', '?', '((', '^2', '[a TO z]', '{', '/re/', "'", '’', '@', '🤖', 'x~1^3', 'name:"', '2.5*', '-', '+gpt', '!x', '\u00a0', 'ﬁne', '３.５'];
    let seed = 13;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = ` +-&|!(){}[]^"~*?:\\/'’@.,;_a1Zé`;
    for (let i = 0; i < 120; i++) nasty.push(Array.from({ length: 1 + Math.floor(rand() * 12) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join(''));
    for (const q of nasty) {
      if (!q.trim()) continue;
      const res = await request(app).get(`/api/search?q=${encodeURIComponent(q)}`);
      expect(res.status, JSON.stringify(q)).toBe(200);
      SearchResponse.parse(res.body);
    }
  });

  it('400s on a bad docLimit', async () => {
    for (const qs of ['docLimit=-1', 'docLimit=abc', 'docLimit=51']) expect((await get(`/api/search?q=qwen&${qs}`, 400)).error.code).toBe('invalid_request');
  });
});

describe('the time filter (from/to)', () => {
  const JAN = 'from=2025-01-01&to=2025-01-31';

  it('an entity counted over the issues in the range', async () => {
    const all = EntityDetail.parse(await get('/api/entities/Model%3Aqwen2.5'));
    const jan = EntityDetail.parse(await get(`/api/entities/Model%3Aqwen2.5?${JAN}`));
    expect(all.documentCount).toBe(3);
    expect(all.range ?? null).toBeNull();
    expect(jan).toMatchObject({ documentCount: 2, range: { from: '2025-01-01', to: '2025-01-31' } });
    expect(jan.mentionCount).toBeLessThan(all.mentionCount);
    expect(jan.mentionCount).toBeGreaterThan(0);
    expect(jan.lastSeen?.date).toBe('2025-01-20');
    // VARIANT_OF from Qwen2.5-Max is stated in March only.
    expect(all.relationCounts.some((r) => r.type === 'VARIANT_OF')).toBe(true);
    expect(jan.relationCounts.some((r) => r.type === 'VARIANT_OF')).toBe(false);
    // Only one bound: from March on.
    expect(EntityDetail.parse(await get('/api/entities/Model%3Aqwen2.5?from=2025-03-01')).documentCount).toBe(1);
  });

  it('mentions and the timeline, in the range only', async () => {
    const m = MentionsResponse.parse(await get(`/api/entities/Model%3Aqwen2.5/mentions?${JAN}`));
    expect(m.total).toBe(m.mentions.length);
    expect(m.mentions.every((x) => x.document.date! >= '2025-01-01' && x.document.date! <= '2025-01-31')).toBe(true);
    const all = MentionsResponse.parse(await get('/api/entities/Model%3Aqwen2.5/mentions'));
    expect(all.total).toBeGreaterThan(m.total);
    const tl = TimelineResponse.parse(await get(`/api/entities/Model%3Aqwen2.5/timeline?${JAN}`));
    expect(tl.points.map((p) => p.document.date)).toEqual(['2025-01-06', '2025-01-20']);
  });

  it('neighbours: only relations stated in the range, mention counts in the range', async () => {
    const all = NeighborsResponse.parse(await get('/api/entities/Model%3Agpt-4.5/neighbors?limit=50'));
    const feb = NeighborsResponse.parse(await get('/api/entities/Model%3Agpt-4.5/neighbors?limit=50&from=2025-02-01&to=2025-02-28'));
    const nodeIds = (r: typeof all) => r.elements.nodes.map((n) => n.data.id);
    expect(nodeIds(all)).toContain('Model:gemini-2.5-pro'); // March
    expect(nodeIds(feb)).not.toContain('Model:gemini-2.5-pro');
    expect(nodeIds(feb)).toEqual(expect.arrayContaining(['Model:claude-3.7-sonnet', 'Benchmark:humanitys-last-exam', 'Lab:openai']));
    const center = (r: typeof all) => r.elements.nodes.find((n) => n.data.id === 'Model:gpt-4.5')!.data.mentionCount!;
    expect(center(feb)).toBeLessThan(center(all));
    expect(feb.total).toBeLessThan(all.total);
  });

  it('edge evidence in the range', async () => {
    const path = '/api/edges?source=Model%3Agpt-4.5&target=Model%3Aclaude-3.7-sonnet&type=COMPARED_WITH';
    expect(EdgeResponse.parse(await get(path)).total).toBe(1);
    expect(EdgeResponse.parse(await get(`${path}&from=2025-02-01&to=2025-02-28`)).items[0]!.document.date).toBe('2025-02-10');
    expect(EdgeResponse.parse(await get(`${path}&from=2025-03-01`)).total).toBe(0);
  });

  it('paths (fromDate/toDate: from/to name the ends) only through issues and statements in the range', async () => {
    const a = doc('Qwen2.5 and').id, b = doc('Claude 3.7').id, march = doc('Gemini 2.5').id;
    const jan = PathsResponse.parse(await get(`/api/paths?from=${a}&to=${b}&fromDate=2025-01-01&toDate=2025-01-31`));
    expect(jan.paths.length).toBeGreaterThan(0);
    for (const p of jan.paths) for (const s of p.steps) if (s.document?.date) expect(s.document.date <= '2025-01-31').toBe(true);
    // The other end is a March issue: nothing connects to it inside January.
    expect(PathsResponse.parse(await get(`/api/paths?from=${a}&to=${march}&fromDate=2025-01-01&toDate=2025-01-31`)).paths).toEqual([]);
    expect(PathsResponse.parse(await get(`/api/paths?from=${a}&to=${march}`)).paths.length).toBeGreaterThan(0);
    // Between two entities: GPT-4.5 and Gemini 2.5 Pro are only related in March.
    const ents = '/api/paths?from=Model%3Agpt-4.5&to=Model%3Agemini-2.5-pro&maxHops=1';
    expect(PathsResponse.parse(await get(ents)).paths).toHaveLength(1);
    expect(PathsResponse.parse(await get(`${ents}&toDate=2025-02-28`)).paths).toEqual([]);
  });

  it('the issue list by date range, title (either apostrophe), date prefix and publication, paginated', async () => {
    const list = async (qs: string) => DocumentsResponse.parse(await get(`/api/documents?${qs}`));
    expect((await list(JAN)).documents.map((d) => d.date)).toEqual(['2025-01-20', '2025-01-06']);
    expect((await list('q=humanity%27s')).documents.map((d) => d.title)).toEqual(['GPT-4.5 Meets Humanity’s Last Exam']);
    expect((await list('q=2025-03')).total).toBe(2);
    expect((await list('publication=Model%20Notes&sort=date&order=asc')).documents.map((d) => d.issue)).toEqual(['1', '2']);
    const page = await list('limit=2&offset=2&sort=date&order=asc');
    expect(page.total).toBe(6);
    expect(page.documents.map((d) => d.date)).toEqual(['2025-02-10', '2025-03-03']);
    expect((await list('from=2025-01-01')).total).toBe(5); // the undated note is out once a bound is given
  });

  it('400s on malformed, impossible or reversed dates on every route that takes them', async () => {
    const e = 'Model%3Aqwen2.5';
    const routes = [`/api/entities/${e}?`, `/api/entities/${e}/mentions?`, `/api/entities/${e}/neighbors?`, `/api/entities/${e}/timeline?`, `/api/documents?`, '/api/edges?source=a&target=b&', '/api/search?q=qwen&'];
    for (const r of routes) {
      for (const qs of ['from=2025-1-1', 'to=yesterday', 'from=2025-02-30', 'from=2025-03-01&to=2025-02-01', 'from=2025-01-01T00:00']) {
        const body = await get(`${r}${qs}`, 400);
        expect(body.error.code, `${r}${qs}`).toBe('invalid_request');
      }
    }
    expect((await get(`/api/entities/${e}?from=2025-03-01&to=2025-02-01`, 400)).error.message).toMatch(/from must not be after to/);
    const p = `/api/paths?from=${doc('Qwen2.5 and').id}&to=${doc('Claude 3.7').id}`;
    expect((await get(`${p}&fromDate=2025-03-01&toDate=2025-02-01`, 400)).error.message).toMatch(/fromDate must not be after toDate/);
    await get(`${p}&fromDate=March`, 400);
  });
});

describe('the issue browser routes', () => {
  it('GET /api/documents/dates: issues per day and the undated ones', async () => {
    const body = DocumentDatesResponse.parse(await get('/api/documents/dates'));
    expect(body.days).toEqual([
      { date: '2025-01-06', count: 1 },
      { date: '2025-01-20', count: 1 },
      { date: '2025-02-10', count: 1 },
      { date: '2025-03-03', count: 1 },
      { date: '2025-03-24', count: 1 },
    ]);
    expect(body.undated).toBe(1);
  });

  it('GET /api/documents/:id/graph: the issue, its entities and the relations it states', async () => {
    const d = doc('GPT-4.5 Meets');
    const body = DocumentGraphResponse.parse(await get(`/api/documents/${d.id}/graph`));
    expect(body.document).toMatchObject({ id: d.id, date: '2025-02-10' });
    const nodes = body.elements.nodes.map((n) => n.data);
    expect(nodes[0]).toMatchObject({ id: d.id, kind: 'document' });
    expect(nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['Model:gpt-4.5', 'Benchmark:humanitys-last-exam', 'Method:rc']));
    expect(body.total).toBe(nodes.length - 1);
    const edges = body.elements.edges.map((e) => e.data);
    expect(edges.filter((e) => e.type === 'MENTIONS')).toHaveLength(body.total);
    expect(edges.map((e) => `${e.source} ${e.type} ${e.target}`)).toEqual(
      expect.arrayContaining(['Model:gpt-4.5 EVALUATED_ON Benchmark:humanitys-last-exam', 'Method:rc IMPROVES_ON Method:swa']),
    );
    // Relations stated in other issues are not this issue's: Gemini 2.5 Pro is not even mentioned here.
    expect(edges.some((e) => e.source === 'Model:gemini-2.5-pro' || e.target === 'Model:gemini-2.5-pro')).toBe(false);
    expect(edges.some((e) => e.type === 'CO_MENTIONED')).toBe(false);
    const withCo = DocumentGraphResponse.parse(await get(`/api/documents/${d.id}/graph?coMentions=true`));
    expect(withCo.elements.edges.some((e) => e.data.type === 'CO_MENTIONED')).toBe(true);
    const two = DocumentGraphResponse.parse(await get(`/api/documents/${d.id}/graph?limit=2&types=Model`));
    expect(two.elements.nodes).toHaveLength(3);
    expect(two.more).toBe(two.total - 2);
    expect(two.elements.nodes.slice(1).every((n) => n.data.type === 'Model')).toBe(true);
  });

  it('404s an unknown issue, 400s bad parameters', async () => {
    await get('/api/documents/nope/graph', 404);
    const id = doc('GPT-4.5 Meets').id;
    for (const qs of ['limit=0', 'limit=201', 'types=Planet', 'coMentions=maybe']) await get(`/api/documents/${id}/graph?${qs}`, 400);
  });
});

describe('GET /api/trends: rising by mentions or by issues', () => {
  it('March against February: what is new, what rose (with issue counts before and now)', async () => {
    const body = TrendsResponse.parse(await get('/api/trends?from=2025-03-01&to=2025-03-31'));
    expect(body.previous).toMatchObject({ documents: 1 });
    expect(body.newEntities.items.map((e) => e.id)).toEqual(expect.arrayContaining(['Model:gemini-2.5-pro', 'Method:rc2', 'Model:qwen2.5-max']));
    const gpt = body.rising.items.find((r) => r.id === 'Model:gpt-4.5');
    expect(gpt).toBeUndefined(); // 4 mentions in February, 2 in March: not rising by mentions
    const byDocs = TrendsResponse.parse(await get('/api/trends?from=2025-03-01&to=2025-03-31&risingBy=documents'));
    const gptDocs = byDocs.rising.items.find((r) => r.id === 'Model:gpt-4.5')!;
    expect(gptDocs).toMatchObject({ documents: 2, previousDocuments: 1, documentChange: 1 });
    for (const r of byDocs.rising.items) expect(r.documents).toBeGreaterThan(r.previousDocuments);
    expect(body.newRelations.items.map((r) => `${r.source.id} ${r.type} ${r.target.id}`)).toContain('Method:rc2 IMPROVES_ON Method:rc');
    await get('/api/trends?from=2025-03-01&to=2025-03-31&risingBy=speed', 400);
  });
});
