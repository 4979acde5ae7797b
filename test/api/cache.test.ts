/**
 * Stored mention sentences (no document text on the mentions route) and the read routes' response cache:
 * hits and misses, invalidation by the graph version (in-process writes at once, other writers within the
 * version TTL, a wiped graph), errors never cached, the console never cached, API_CACHE_ENTRIES=0, LRU bounds.
 */
import type { Driver } from 'neo4j-driver';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MentionsResponse } from '../../contract/api.ts';
import { writeDocument } from '../../ingest/write.ts';
import { ResponseCache, readGraphVersion } from '../../server/cache.ts';
import { testApp } from '../helpers/api.ts';
import { ENTITIES, FIXTURE, loadFixtureGraph } from '../helpers/fixture-graph.ts';
import { testDriver, wipe } from '../helpers/neo4j.ts';

let driver: Driver;
beforeAll(async () => {
  driver = testDriver();
  await wipe(driver);
  await loadFixtureGraph(driver);
});
afterAll(async () => driver.close());

const enc = encodeURIComponent;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('sentences stored on mentions', () => {
  it('every Mention carries its sentence, cut with UTF-16 offsets (emoji included)', async () => {
    const res = await driver.executeQuery(
      'MATCH (d:Document)-[:CONTAINS]->(m:Mention) RETURN d.text AS text, m.sentence AS sentence, m.sentenceStart AS s, m.sentenceEnd AS e',
    );
    expect(res.records.length).toBeGreaterThan(10);
    for (const r of res.records) {
      const text = r.get('text') as string;
      expect(r.get('sentence')).toBe(text.slice(Number(r.get('s')), Number(r.get('e'))));
    }
    const emoji = res.records.map((r) => r.get('sentence') as string).filter((s) => s.startsWith('🚀'));
    expect(emoji[0]).toBe('🚀 Acme Labs introduced FooPO, a new method that improves on GRPO.');
  });

  it('the mentions route quotes the stored sentence; mentions stored without one fall back to the document text', async () => {
    const app = testApp(driver, { API_CACHE_ENTRIES: '0' });
    const path = `/api/entities/${enc(ENTITIES.mathbench.id)}/mentions`;
    const stored = MentionsResponse.parse((await request(app).get(path).expect(200)).body);
    for (const m of stored.mentions) expect(m.sentence.slice(m.highlightStart, m.highlightEnd)).toBe(m.text);
    expect(stored.mentions.map((m) => m.sentence)).toContain('BarPO is compared with GRPO on MathBench 🧮 and beats it.');
    // A graph ingested before sentences were stored: the same answer, cut from the text.
    await driver.executeQuery("MATCH (:Document {id: 'doc:gn-2'})-[:CONTAINS]->(m:Mention) REMOVE m.sentence");
    try {
      expect((await request(app).get(path).expect(200)).body).toEqual(stored);
    } finally {
      // Put the sentences back (cut in JavaScript, as ingest does).
      const texts = await driver.executeQuery("MATCH (d:Document {id: 'doc:gn-2'})-[:CONTAINS]->(m:Mention) RETURN d.text AS t, m.id AS id, m.sentenceStart AS s, m.sentenceEnd AS e");
      for (const r of texts.records) {
        await driver.executeQuery('MATCH (m:Mention {id: $id}) SET m.sentence = $sentence', {
          id: r.get('id'),
          sentence: (r.get('t') as string).slice(Number(r.get('s')), Number(r.get('e'))),
        });
      }
    }
  });
});

describe('response cache', () => {
  it('a repeated read is a hit with the same body and ETag; errors and the console are never cached', async () => {
    const app = testApp(driver);
    const path = `/api/entities/${enc(ENTITIES.grpo.id)}/neighbors`;
    const first = await request(app).get(path).expect(200);
    expect(first.headers['x-cache']).toBe('miss');
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    const second = await request(app).get(path).expect(200);
    expect(second.headers['x-cache']).toBe('hit');
    expect(second.body).toEqual(first.body);
    expect(second.headers.etag).toBe(first.headers.etag);
    await request(app).get(path).set('If-None-Match', first.headers.etag!).expect(304);
    // The same validated input, written differently, is the same entry.
    await request(app).get('/api/search?q=GRPO').expect(200);
    expect((await request(app).get('/api/search?q=GRPO&limit=10').expect(200)).headers['x-cache']).toBe('hit');

    for (let i = 0; i < 2; i++) {
      const missing = await request(app).get('/api/entities/Lab%3Anope').expect(404);
      expect(missing.headers['x-cache']).toBeUndefined();
      await request(app).get('/api/search?limit=0&q=x').expect(400);
    }
    const console1 = await request(app).post('/api/cypher').send({ query: 'RETURN 1 AS one' }).expect(200);
    expect(console1.headers['x-cache']).toBeUndefined();
  });

  it('an in-process ingest write is seen by the very next request', async () => {
    const app = testApp(driver);
    const path = `/api/entities/${enc(ENTITIES.lonely.id)}/mentions`;
    const before = MentionsResponse.parse((await request(app).get(path).expect(200)).body);
    expect((await request(app).get(path)).headers['x-cache']).toBe('hit');
    const island = FIXTURE.find((d) => d.doc.id === 'doc:island')!;
    const text = `${island.doc.text} Lonely Corp again.`;
    const again = { ...island.entities[0]!, mentions: [...island.entities[0]!.mentions, { ...island.entities[0]!.mentions[0]!, start: island.doc.text.length + 1, end: island.doc.text.length + 12, sentenceStart: island.doc.text.length + 1, sentenceEnd: text.length }] };
    try {
      await writeDocument(driver, { ...island.doc, text, contentHash: 'changed' }, [again], []);
      const after = await request(app).get(path).expect(200);
      expect(after.headers['x-cache']).toBe('miss');
      expect(after.body.total).toBe(before.total + 1);
      expect(after.body.mentions.at(-1).sentence).toBe('Lonely Corp again.');
    } finally {
      await writeDocument(driver, island.doc, island.entities, island.relations);
    }
    expect((await request(app).get(path).expect(200)).body).toEqual(before);
  });

  it('a write by another process (a bumped version) is seen within the version TTL; a wiped graph counts as a change', async () => {
    const app = testApp(driver);
    const path = `/api/entities/${enc(ENTITIES.zeta.id)}`;
    expect((await request(app).get(path).expect(200)).body.name).toBe('Zeta Tool');
    await driver.executeQuery(
      "MATCH (e:Entity {id: $id}) SET e.name = 'Zeta Tool v2' WITH e MERGE (v:GraphVersion {id: 'graph'}) SET v.version = coalesce(v.version, 0) + 1",
      { id: ENTITIES.zeta.id },
    );
    await sleep(700);
    try {
      expect((await request(app).get(path).expect(200)).body.name).toBe('Zeta Tool v2');
      // Deleting the version node (what a wipe does) must also drop the cache.
      await driver.executeQuery("MATCH (e:Entity {id: $id}) SET e.name = 'Zeta Tool' WITH e MATCH (v:GraphVersion) DETACH DELETE v", { id: ENTITIES.zeta.id });
      await sleep(700);
      expect((await request(app).get(path).expect(200)).body.name).toBe('Zeta Tool');
      expect(await readGraphVersion(driver)).toBe('');
    } finally {
      await driver.executeQuery("MATCH (e:Entity {id: $id}) SET e.name = 'Zeta Tool'", { id: ENTITIES.zeta.id });
    }
  });

  it('API_CACHE_ENTRIES=0 disables the cache', async () => {
    const app = testApp(driver, { API_CACHE_ENTRIES: '0' });
    for (let i = 0; i < 2; i++) expect((await request(app).get('/api/stats').expect(200)).headers['x-cache']).toBeUndefined();
  });
});

describe('ResponseCache', () => {
  const etag = () => undefined;

  it('reads the version once for concurrent requests and at most once per TTL; a changed or missing version drops entries', async () => {
    let version = 'a:1';
    let reads = 0;
    const cache = new ResponseCache(async () => {
      reads++;
      await sleep(5);
      return version;
    }, { maxEntries: 10, maxBytes: 1e6, versionTtlMs: 200 });
    let computed = 0;
    const compute = async () => ({ n: ++computed });
    const all = await Promise.all(Array.from({ length: 20 }, () => cache.get('k', compute, etag)));
    expect(reads).toBe(1);
    expect(computed).toBe(1);
    expect(all.filter((r) => !r.hit)).toHaveLength(1);
    await cache.get('k', compute, etag);
    expect(reads).toBe(1);
    await sleep(250);
    expect((await cache.get('k', compute, etag)).hit).toBe(true);
    expect(reads).toBe(2);
    version = '';
    await sleep(250);
    const miss = await cache.get('k', compute, etag);
    expect(miss.hit).toBe(false);
    expect(JSON.parse(miss.entry.body.toString())).toEqual({ n: 2 });
    expect(cache.stats().invalidations).toBe(1);
  });

  it('never stores a failure, and fails when the version cannot be read', async () => {
    let fail = false;
    const cache = new ResponseCache(async () => {
      if (fail) throw new Error('down');
      return 'v';
    }, { maxEntries: 10, maxBytes: 1e6, versionTtlMs: 0 });
    await expect(cache.get('k', () => Promise.reject(new Error('boom')), etag)).rejects.toThrow('boom');
    expect(cache.stats().entries).toBe(0);
    await cache.get('k', async () => 1, etag);
    fail = true;
    await expect(cache.get('k', async () => 1, etag)).rejects.toThrow('down');
  });

  it('evicts the least recently used entry by count and by bytes', async () => {
    const cache = new ResponseCache(async () => 'v', { maxEntries: 2, maxBytes: 4000, versionTtlMs: 10_000 });
    await cache.get('a', async () => 'a', etag);
    await cache.get('b', async () => 'b', etag);
    await cache.get('a', async () => 'a', etag);
    await cache.get('c', async () => 'c', etag);
    expect((await cache.get('a', async () => 'a', etag)).hit).toBe(true);
    expect((await cache.get('b', async () => 'b', etag)).hit).toBe(false);
    await cache.get('big', async () => 'x'.repeat(900), etag);
    expect(cache.stats().bytes).toBeLessThanOrEqual(4000);
    expect(cache.stats().entries).toBeLessThanOrEqual(2);
  });
});
