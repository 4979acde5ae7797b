/**
 * The API over the real seed corpus, ingested with the real extractor (ingest/pipeline.ts): the mentions
 * route must return exactly what the graph stores, every mention with its sentence.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Driver } from 'neo4j-driver';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentsResponse, MentionsResponse, PathsResponse, SearchResponse, type MentionItem } from '../../contract/api.ts';
import { PROJECT_ROOT } from '../../core/config.ts';
import { testApp } from '../helpers/api.ts';
import { testDriver, ingestFresh } from '../helpers/neo4j.ts';

const SEEDS = resolve(PROJECT_ROOT, '../shared/corpus/seeds');
const present = existsSync(SEEDS);
if (!present) console.warn(`seed-corpus.test.ts skipped: ${SEEDS} does not exist`);

let driver: Driver;
let app: ReturnType<typeof testApp>;

describe.skipIf(!present)('the API over the ingested seed corpus', () => {
  beforeAll(async () => {
    driver = testDriver();
    await ingestFresh(driver, [SEEDS]);
    app = testApp(driver);
  }, 300_000);
  afterAll(async () => driver?.close());

  async function storedMentions(entityId: string): Promise<number> {
    const session = driver.session({ defaultAccessMode: 'READ' });
    try {
      const res = await session.executeRead((tx) => tx.run('MATCH (m:Mention)-[:REFERS_TO]->(:Entity {id: $id}) RETURN count(m) AS n', { id: entityId }));
      return Number(res.records[0]!.get('n'));
    } finally {
      await session.close();
    }
  }

  async function entityNamed(name: string): Promise<string> {
    const body = SearchResponse.parse((await request(app).get(`/api/search?${new URLSearchParams({ q: name })}`).expect(200)).body);
    const hit = body.hits.find((h) => h.name.toLowerCase() === name.toLowerCase());
    expect(hit, `an entity named ${name}`).toBeDefined();
    return hit!.id;
  }

  async function allMentions(id: string): Promise<{ total: number; mentions: MentionItem[] }> {
    const mentions: MentionItem[] = [];
    let total = 0;
    for (let offset = 0; ; offset += 100) {
      const page = MentionsResponse.parse(
        (await request(app).get(`/api/entities/${encodeURIComponent(id)}/mentions?limit=100&offset=${offset}`).expect(200)).body,
      );
      total = page.total;
      mentions.push(...page.mentions);
      if (page.mentions.length < 100) break;
    }
    return { total, mentions };
  }

  it.each(['Nathan Lambert', 'OpenAI'])('returns every stored mention of %s, each with its sentence', async (name) => {
    const id = await entityNamed(name);
    const stored = await storedMentions(id);
    expect(stored).toBeGreaterThan(0);
    const { total, mentions } = await allMentions(id);
    expect(total).toBe(stored);
    expect(mentions).toHaveLength(stored);
    expect(new Set(mentions.map((m) => m.id)).size).toBe(stored);
    for (const m of mentions) {
      expect(m.sentence.length).toBeGreaterThan(0);
      expect(m.sentence.slice(m.highlightStart, m.highlightEnd)).toBe(m.text);
    }
  });

  it('search "GRPO" finds the Method', async () => {
    const body = SearchResponse.parse((await request(app).get('/api/search?q=GRPO').expect(200)).body);
    expect(body.hits[0]).toMatchObject({ name: expect.stringMatching(/^GRPO$/i), type: 'Method' });
    expect(body.hits[0]!.mentionCount).toBeGreaterThan(0);
  });

  it('finds paths between the two "The Tokenizer" editions', async () => {
    const docs = DocumentsResponse.parse((await request(app).get('/api/documents?q=tokenizer').expect(200)).body);
    const editions = docs.documents.filter((d) => /The Tokenizer/.test(d.title) || d.publication === 'The Tokenizer');
    expect(editions.length).toBeGreaterThanOrEqual(2);
    const [a, b] = editions;
    const body = PathsResponse.parse(
      (await request(app).get(`/api/paths?${new URLSearchParams({ from: a!.id, to: b!.id })}`).expect(200)).body,
    );
    expect(body.paths.length).toBeGreaterThan(0);
    expect(body.paths[0]!.nodes[0]).toBe(a!.id);
    expect(body.paths[0]!.nodes.at(-1)).toBe(b!.id);
    expect(body.shared.length).toBeGreaterThan(0);
    for (const step of body.paths[0]!.steps) expect(step.evidence).toBeTruthy();
  });
});
