/**
 * `npm run mcp` end to end: the SDK's Client spawns mcp/stdio.ts over stdio, pointed at the run's real Neo4j with
 * the seed corpus ingested by the real pipeline, lists the tools and calls every one. Also: a write refused by
 * run_cypher, bad input answered as tool errors, the issue resources, and a database that is down.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentsResponse, EntityDetail, MentionsResponse, SearchResponse, TrendsResponse } from '../../contract/api.ts';
import { PROJECT_ROOT } from '../../core/config.ts';
import { freePort } from '../../neo4j/embedded.ts';
import { testConfigEnv, testDriver, ingestFresh } from '../helpers/neo4j.ts';
import { callError, callOk, startStdioClient, type StdioSession } from './support.ts';

const SEEDS = resolve(PROJECT_ROOT, '../shared/corpus/seeds');
const present = existsSync(SEEDS);
if (!present) console.warn(`test/mcp/stdio.test.ts: the seed-graph tests are skipped because ${SEEDS} does not exist`);

const TOOLS = ['find_paths', 'get_entity', 'get_mentions', 'get_neighbors', 'get_trends', 'list_issues', 'run_cypher', 'search_entities'];

async function scalar(driver: Driver, query: string, params: Record<string, unknown> = {}): Promise<number> {
  const session = driver.session({ defaultAccessMode: 'READ' });
  try {
    return Number((await session.run(query, params)).records[0]!.get(0));
  } finally {
    await session.close();
  }
}

describe.skipIf(!present)('MCP over stdio, on the ingested seed corpus', () => {
  let driver: Driver;
  let mcp: StdioSession;
  let grpo: string;

  beforeAll(async () => {
    driver = testDriver();
    await ingestFresh(driver, [SEEDS]);
    mcp = await startStdioClient(testConfigEnv());
  }, 300_000);
  afterAll(async () => {
    await mcp?.close();
    await driver?.close();
  });

  it('lists the eight tools, each with a description and input and output schemas', async () => {
    const { tools } = await mcp.client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(TOOLS);
    for (const t of tools) {
      expect(t.description!.length, t.name).toBeGreaterThan(40);
      expect(t.inputSchema.type).toBe('object');
      expect(t.outputSchema?.type, t.name).toBe('object');
      expect(t.annotations?.readOnlyHint).toBe(true);
    }
    const search = tools.find((t) => t.name === 'search_entities')!;
    expect(Object.keys(search.inputSchema.properties ?? {})).toEqual(expect.arrayContaining(['query', 'types', 'from', 'to', 'limit']));
    expect(search.inputSchema.required).toEqual(['query']);
  });

  it('search_entities finds GRPO, the Method', async () => {
    const { text, data } = await callOk<SearchResponse>(mcp.client, 'search_entities', { query: 'GRPO' });
    expect(data.hits[0]).toMatchObject({ name: 'GRPO', type: 'Method' });
    grpo = data.hits[0]!.id;
    expect(text).toContain(`1. GRPO — Method, id ${grpo}`);
    const methods = await callOk<SearchResponse>(mcp.client, 'search_entities', { query: 'policy', types: ['Method'], limit: 5 });
    expect(methods.data.hits.length).toBeGreaterThan(0);
    expect(methods.data.hits.every((h) => h.type === 'Method')).toBe(true);
    // Only one seed issue is dated (2025-07-31): a range before it finds nothing.
    const none = await callOk<SearchResponse>(mcp.client, 'search_entities', { query: 'GRPO', to: '2020-01-01' });
    expect(none.data.hits).toEqual([]);
    expect(none.text).toMatch(/^No entity matches "GRPO"/);
  });

  it('get_entity and get_mentions: every stored mention of GRPO, each with its sentence and issue', async () => {
    const stored = await scalar(driver, 'MATCH (m:Mention)-[:REFERS_TO]->(:Entity {id: $id}) RETURN count(m)', { id: grpo });
    expect(stored).toBeGreaterThan(0);
    const entity = await callOk<EntityDetail>(mcp.client, 'get_entity', { id: grpo });
    expect(entity.data).toMatchObject({ id: grpo, name: 'GRPO', type: 'Method', mentionCount: stored });
    expect(entity.text).toContain(`GRPO — Method (id ${grpo})`);
    expect(entity.text).toContain(`${stored} mention`);

    const mentions: MentionsResponse['mentions'] = [];
    for (let offset = 0; ; ) {
      const page = await callOk<MentionsResponse & { entity: { name: string } }>(mcp.client, 'get_mentions', { id: grpo, limit: 2, offset });
      expect(page.data.total).toBe(stored);
      expect(page.data.entity.name).toBe('GRPO');
      mentions.push(...page.data.mentions);
      for (const m of page.data.mentions) {
        expect(m.sentence.slice(m.highlightStart, m.highlightEnd)).toBe(m.text);
        expect(page.text).toContain(`"${m.sentence.replace(/\s+/g, ' ').trim()}" — "${m.document.title}"`);
      }
      offset += page.data.mentions.length;
      if (offset >= stored) {
        expect(page.text).not.toContain('More: call get_mentions');
        break;
      }
      expect(page.text).toContain(`More: call get_mentions with offset=${offset}.`);
    }
    expect(new Set(mentions.map((m) => m.id)).size).toBe(stored);
  });

  it('get_neighbors lists the strongest neighbours of GRPO with their relations, filtered on request', async () => {
    const { text, data } = await callOk<{ center: { name: string }; total: number; neighbors: { id: string; type: string; relations: { type: string }[] }[] }>(
      mcp.client,
      'get_neighbors',
      { id: grpo, limit: 5 },
    );
    expect(data.center.name).toBe('GRPO');
    expect(data.neighbors.length).toBeGreaterThan(0);
    expect(data.neighbors.length).toBeLessThanOrEqual(5);
    for (const n of data.neighbors) expect(n.relations.length).toBeGreaterThan(0);
    expect(text).toContain(`1. ${(data.neighbors[0] as unknown as { name: string }).name} — `);
    const co = await callOk<{ neighbors: { relations: { type: string }[] }[] }>(mcp.client, 'get_neighbors', { id: grpo, relationTypes: ['CO_MENTIONED'], types: ['Method'] });
    for (const n of co.data.neighbors) expect(n.relations.map((r) => r.type)).toEqual(['CO_MENTIONED']);
  });

  it('list_issues and find_paths: the two "The Tokenizer" editions are connected, every step with its evidence', async () => {
    const all = await callOk<DocumentsResponse>(mcp.client, 'list_issues', {});
    expect(all.data.total).toBe(await scalar(driver, 'MATCH (d:Document) RETURN count(d)'));
    const issues = await callOk<DocumentsResponse>(mcp.client, 'list_issues', { publication: 'The Tokenizer', sort: 'title', order: 'asc' });
    expect(issues.data.documents).toHaveLength(2);
    const [a, b] = issues.data.documents;
    expect(issues.text).toContain(`id ${a!.id}`);
    expect(issues.text).toContain(`issue://${encodeURIComponent(b!.id)}`);

    const { text, data } = await callOk<{
      from: { id: string; kind: string };
      to: { id: string };
      paths: { nodes: { id: string }[]; steps: { evidence: string | null }[] }[];
      shared: unknown[];
    }>(mcp.client, 'find_paths', { from: a!.id, to: b!.id });
    expect(data.from).toMatchObject({ id: a!.id, kind: 'document' });
    expect(data.paths.length).toBeGreaterThan(0);
    expect(data.paths[0]!.nodes[0]!.id).toBe(a!.id);
    expect(data.paths[0]!.nodes.at(-1)!.id).toBe(b!.id);
    for (const step of data.paths[0]!.steps) expect(step.evidence).toBeTruthy();
    expect(data.shared.length).toBeGreaterThan(0);
    expect(text).toMatch(/^\d+ paths? between "/);
    expect(text).toContain('Path 1 (');
    expect(text).toContain('Entities both issues mention');
  });

  it('find_paths between two entities quotes the sentence of each step', async () => {
    const lab = await callOk<SearchResponse>(mcp.client, 'search_entities', { query: 'OpenAI', types: ['Lab'], limit: 1 });
    const { data } = await callOk<{ paths: { steps: { evidence: string | null; document: unknown }[] }[] }>(mcp.client, 'find_paths', {
      from: grpo,
      to: lab.data.hits[0]!.id,
      maxHops: 3,
    });
    expect(data.paths.length).toBeGreaterThan(0);
    for (const s of data.paths[0]!.steps) {
      expect(s.evidence).toBeTruthy();
      expect(s.document).toBeTruthy();
    }
  });

  it('get_trends: July 2025 against June, dated issues only', async () => {
    const dated = await scalar(driver, "MATCH (d:Document) WHERE d.date >= '2025-07-01' AND d.date <= '2025-07-31' RETURN count(d)");
    const undated = await scalar(driver, 'MATCH (d:Document) WHERE d.date IS NULL RETURN count(d)');
    const { text, data } = await callOk<TrendsResponse>(mcp.client, 'get_trends', { from: '2025-07-01', to: '2025-07-31', limit: 5 });
    expect(data.period).toEqual({ from: '2025-07-01', to: '2025-07-31', documents: dated });
    expect(data.previous).toMatchObject({ from: '2025-05-31', to: '2025-06-30' });
    expect(data.undatedDocuments).toBe(undated);
    expect(dated).toBeGreaterThan(0);
    expect(data.newEntities.total).toBeGreaterThan(0);
    expect(data.newEntities.items.length).toBeLessThanOrEqual(5);
    for (const e of data.newEntities.items) expect(e.firstSeen.date! >= '2025-07-01' && e.firstSeen.date! <= '2025-07-31').toBe(true);
    for (const r of data.newRelations.items) expect(r.evidence.length).toBeGreaterThan(0);
    expect(text).toContain('New entities (');
    expect(text).toContain('Rising fastest (');
    expect(text).toContain('New typed relations (');
  });

  it('run_cypher runs a read and refuses writes, leaving the graph unchanged', async () => {
    const { text, data } = await callOk<{ columns: string[]; rows: unknown[][]; summary: { queryType: string } }>(mcp.client, 'run_cypher', {
      query: 'MATCH (e:Entity {id: $id}) RETURN e.name AS name, COUNT { (e)<-[:REFERS_TO]-() } AS mentions',
      params: { id: grpo },
    });
    expect(data.columns).toEqual(['name', 'mentions']);
    expect(data.rows[0]![0]).toBe('GRPO');
    expect(data.summary.queryType).toBe('r');
    expect(text).toMatch(/^1 row in \d+ ms; columns: name, mentions\./);

    const before = await scalar(driver, 'MATCH (n) RETURN count(n)');
    for (const query of ["CREATE (n:Evil {x: 1}) RETURN n", 'MATCH (n) DETACH DELETE n', "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", 'CALL dbms.security.listUsers()']) {
      expect(await callError(mcp.client, 'run_cypher', { query })).toMatch(/^Refused \(read-only console\)/);
    }
    // The lexical check aside, Neo4j's own plan check refuses a write hidden from it.
    expect(await callError(mcp.client, 'run_cypher', { query: 'MATCH (n) SET n.x = 1' })).toMatch(/Refused/);
    expect(await scalar(driver, 'MATCH (n) RETURN count(n)')).toBe(before);
    expect(await callError(mcp.client, 'run_cypher', { query: 'MATCH (n RETURN n' })).toMatch(/Invalid input|syntax/i);
  });

  it('bad input is a tool error with the reason, and the server keeps answering', async () => {
    expect(await callError(mcp.client, 'get_entity', { id: '' })).toMatch(/Input validation error/);
    expect(await callError(mcp.client, 'search_entities', { query: 'x', types: ['Planet'] })).toMatch(/Input validation error.*types/s);
    expect(await callError(mcp.client, 'get_trends', { from: '2025-02-30', to: '2025-03-01' })).toMatch(/real calendar date/);
    expect(await callError(mcp.client, 'get_trends', { from: '2025-03-01', to: '2025-02-01' })).toMatch(/from \(2025-03-01\) must not be after to/);
    expect(await callError(mcp.client, 'get_mentions', { id: grpo, limit: 0 })).toMatch(/limit/);
    const unknown = await callError(mcp.client, 'get_entity', { id: 'Method:grpoo' });
    expect(unknown).toMatch(/Entity "Method:grpoo" does not exist/);
    expect(unknown).toContain(`GRPO (${grpo})`);
    expect(await callError(mcp.client, 'find_paths', { from: 'nope', to: grpo })).toMatch(/does not exist: from and to must be entity ids/);
    expect((await mcp.client.listTools()).tools).toHaveLength(TOOLS.length);
  });

  it('issues are resources: issue://{id} reads as plain text with the metadata first', async () => {
    const { resources } = await mcp.client.listResources();
    expect(resources.length).toBe(await scalar(driver, 'MATCH (d:Document) RETURN count(d)'));
    const r = resources.find((x) => /Latent Space/.test(x.description ?? ''))!;
    expect(r.uri).toMatch(/^issue:\/\//);
    const { contents } = await mcp.client.readResource({ uri: r.uri });
    const text = (contents[0] as { text: string }).text;
    expect(contents[0]!.mimeType).toBe('text/plain');
    expect(text).toMatch(/^Title: /);
    expect(text).toContain('Publication: Latent Space');
    expect(text).toContain('Date: 2025-07-31');
    expect(text).toMatch(/Issue id: \S+/);
    expect(text).toMatch(/Entities \(most mentioned first[^)]*\): .+/);
    expect(text.split('\n---\n')[1]!.length).toBeGreaterThan(1000);
    await expect(mcp.client.readResource({ uri: 'issue://no-such-issue' })).rejects.toThrow(/No issue with id "no-such-issue"/);
  });
});

describe('MCP over stdio with the database down', () => {
  it('starts anyway, and every tool call says the database is unavailable', async () => {
    const port = await freePort(); // nothing listens there
    const mcp = await startStdioClient({ ...testConfigEnv(), NEO4J_URI: `bolt://127.0.0.1:${port}` });
    try {
      expect((await mcp.client.listTools()).tools).toHaveLength(TOOLS.length);
      const text = await callError(mcp.client, 'search_entities', { query: 'GRPO' });
      expect(text).toMatch(/^The graph database is unavailable: Cannot reach Neo4j at NEO4J_URI=bolt:\/\/127\.0\.0\.1:\d+/);
      expect(await callError(mcp.client, 'run_cypher', { query: 'RETURN 1' })).toMatch(/unavailable/);
      expect(mcp.stderr()).not.toMatch(/at .*\.ts:\d+/); // no stack traces in the log either
    } finally {
      await mcp.close();
    }
  });
});
