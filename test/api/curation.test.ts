/**
 * Curation on the real pipeline and the real Neo4j: the demo corpus (our own text) is ingested, then every
 * decision is made through the API, checked through the read routes, re-ingested over and undone. The graph the
 * extractor wrote must come back exactly (graphSnapshot compares every entity, mention, count and relation).
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CurationCreated, CurationListResponse, DocumentDetail, EdgeResponse, EntityDetail, MentionsResponse, SearchResponse } from '../../contract/api.ts';
import { PROJECT_ROOT } from '../../core/config.ts';
import { ingestInputs } from '../../ingest/pipeline.ts';
import { testApp } from '../helpers/api.ts';
import { curationLeftovers, graphSnapshot, wipeAllButDecisions, type GraphSnapshot } from '../helpers/graph-snapshot.ts';
import { ingestFresh, testConfigEnv, testDriver } from '../helpers/neo4j.ts';

let driver: Driver;
let app: ReturnType<typeof testApp>;
let corpus: string;
let extractorView: GraphSnapshot;

const enc = encodeURIComponent;
const post = (body: unknown, a = app) => request(a).post('/api/curation').send(body as object);
const curate = async (body: unknown) => CurationCreated.parse((await post(body).expect(201)).body);
const undo = (id: string, a = app) => request(a).delete(`/api/curation/${enc(id)}`);
const entity = async (id: string) => EntityDetail.parse((await request(app).get(`/api/entities/${enc(id)}`).expect(200)).body);
const missing = (id: string) => request(app).get(`/api/entities/${enc(id)}`).expect(404);
const search = async (q: string) => SearchResponse.parse((await request(app).get(`/api/search?q=${enc(q)}`).expect(200)).body).hits;
const mentionsPage = async (id: string, offset: number, limit: number) =>
  MentionsResponse.parse((await request(app).get(`/api/entities/${enc(id)}/mentions?offset=${offset}&limit=${limit}`).expect(200)).body);
/** Every mention of an entity, read whole and in about six pages: the same list either way, as long as `total` says. */
const allMentions = async (id: string) => {
  const whole = await mentionsPage(id, 0, 500);
  const paged: MentionsResponse['mentions'] = [];
  const size = Math.max(3, Math.ceil(whole.total / 6));
  for (let offset = 0; offset < whole.total; offset += size) paged.push(...(await mentionsPage(id, offset, size)).mentions);
  expect(whole.mentions).toHaveLength(whole.total);
  expect(paged).toEqual(whole.mentions);
  return whole.mentions;
};
const edges = async (source: string, target: string) => EdgeResponse.parse((await request(app).get(`/api/edges?source=${enc(source)}&target=${enc(target)}`).expect(200)).body).items;

beforeAll(async () => {
  driver = testDriver();
  // A copy, so the changed-document test can edit an issue.
  corpus = mkdtempSync(join(tmpdir(), 'nlkg-curation-'));
  cpSync(join(PROJECT_ROOT, 'demo', 'corpus'), corpus, { recursive: true });
  // One issue of our own whose front matter lists entities (LISTS links must follow decisions too).
  writeFileSync(
    join(corpus, 'curation-notes.md'),
    '---\ntitle: Curation Notes\npublication: Test Notes\ndate: 2025-03-24\ncompanies:\n  - Mistral AI\npeople:\n  - Haddad\n---\nA short note: LoRA Soup and TIES merging came up again, and Haddad answered questions.\n',
  );
  await ingestFresh(driver, [corpus]);
  app = testApp(driver);
  extractorView = await graphSnapshot(driver);
});
afterAll(async () => {
  await driver.close();
  rmSync(corpus, { recursive: true, force: true });
});

describe('GET /api/curation', () => {
  it('lists no decision at first and says writes are open on a loopback bind', async () => {
    const body = CurationListResponse.parse((await request(app).get('/api/curation').expect(200)).body);
    expect(body).toEqual({ decisions: [], writes: 'open' });
  });
});

describe('POST /api/curation: bad requests', () => {
  it('400s on bodies the contract refuses, naming the field', async () => {
    const cases: [unknown, RegExp][] = [
      [{}, /action/],
      [{ action: 'explode', id: 'Method:grpo' }, /action/],
      [{ action: 'merge', from: 'Method:lora' }, /into/],
      [{ action: 'rename', id: 'Method:grpo', name: '   ' }, /name/],
      [{ action: 'retype', id: 'Method:grpo', type: 'Planet' }, /type/],
      [{ action: 'reject-relation', source: 'Method:sgb', type: 'CO_MENTIONED', target: 'Method:grpo' }, /type/],
      [{ action: 'delete', id: 'Method:grpo', force: true }, /force|Unrecognized/i],
      [{ action: 'delete', id: 'Method:\u0001grpo' }, /control characters/],
      [{ action: 'split-alias', id: 'Method:sgb', alias: 'x'.repeat(301) }, /alias/],
    ];
    for (const [body, message] of cases) {
      const res = await post(body).expect(400);
      expect(res.body.error.code).toBe('invalid_request');
      expect(res.body.error.message).toMatch(message);
    }
    const notJson = await request(app).post('/api/curation').set('Content-Type', 'application/json').send('{"action":').expect(400);
    expect(notJson.body.error.message).toBeTruthy();
  });

  it('400s on decisions that make no sense for the graph, with the reason', async () => {
    const cases: [unknown, RegExp][] = [
      [{ action: 'merge', from: 'Method:grpo', into: 'Method:grpo' }, /same entity/],
      [{ action: 'rename', id: 'Method:grpo', name: 'GRPO' }, /already named/],
      [{ action: 'retype', id: 'Method:grpo', type: 'Method' }, /already a Method/],
      [{ action: 'split-alias', id: 'Method:sgb', alias: 'Nothing Like It' }, /not an alias of Method:sgb.*Stepwise Group Baselines/],
      [{ action: 'split-alias', id: 'Method:sgb', alias: 'sgb' }, /is the name/],
    ];
    for (const [body, message] of cases) {
      const res = await post(body).expect(400);
      expect(res.body.error.code).toBe('invalid_decision');
      expect(res.body.error.message).toMatch(message);
    }
  });

  it('404s for unknown entities, relations and decisions', async () => {
    for (const body of [
      { action: 'merge', from: 'Method:nope', into: 'Method:grpo' },
      { action: 'merge', from: 'Method:grpo', into: 'Method:nope' },
      { action: 'rename', id: 'Lab:nope', name: 'X' },
      { action: 'retype', id: 'Lab:nope', type: 'Tool' },
      { action: 'split-alias', id: 'Lab:nope', alias: 'X' },
      { action: 'delete', id: 'Lab:nope' },
      { action: 'reject-relation', source: 'Lab:nope', type: 'USES', target: 'Method:grpo' },
    ]) {
      const res = await post(body).expect(404);
      expect(res.body.error.message).toMatch(/nope/);
    }
    const noRelation = await post({ action: 'reject-relation', source: 'Method:grpo', type: 'USES', target: 'Method:sgb' }).expect(404);
    expect(noRelation.body.error.message).toMatch(/no USES relation/);
    const unknown = await undo('00000000-0000-0000-0000-000000000000').expect(404);
    expect(unknown.body.error.message).toMatch(/Curation decision/);
    expect(await graphSnapshot(driver)).toEqual(extractorView);
  });
});

describe('who may write', () => {
  it('403s every write when the server binds a non-loopback address without CURATION_TOKEN', async () => {
    const exposed = testApp(driver, { HOST: '0.0.0.0' });
    const res = await post({ action: 'delete', id: 'Method:grpo' }, exposed).expect(403);
    expect(res.body.error).toMatchObject({ code: 'curation_disabled' });
    expect(res.body.error.message).toMatch(/HOST=0\.0\.0\.0.*CURATION_TOKEN/);
    await undo('whatever', exposed).expect(403);
    // Reading is always allowed, and says writes are off.
    expect((await request(exposed).get('/api/curation').expect(200)).body.writes).toBe('off');
    await request(exposed).get('/api/entities/Method%3Agrpo').expect(200);
  });

  it('with CURATION_TOKEN, takes writes that carry it (any bind) and 401s the others', async () => {
    const token = 'correct-horse-battery-staple';
    const guarded = testApp(driver, { HOST: '0.0.0.0', CURATION_TOKEN: token });
    expect((await request(guarded).get('/api/curation')).body.writes).toBe('token');
    const none = await post({ action: 'rename', id: 'Method:grpo', name: 'Group RPO' }, guarded).expect(401);
    expect(none.headers['www-authenticate']).toMatch(/Bearer/);
    await post({ action: 'rename', id: 'Method:grpo', name: 'Group RPO' }, guarded).set('Authorization', 'Bearer wrong-token-wrong-token').expect(401);
    const made = await post({ action: 'rename', id: 'Method:grpo', name: 'Group RPO' }, guarded).set('Authorization', `Bearer ${token}`).expect(201);
    await undo(made.body.id, guarded).expect(401);
    await undo(made.body.id, guarded).set('Authorization', `Bearer ${token}`).expect(200);
    expect(await graphSnapshot(driver)).toEqual(extractorView);
  });

  it('on loopback without a token, refuses requests from other sites (Origin) and other host names (DNS rebinding)', async () => {
    await post({ action: 'delete', id: 'Method:grpo' }).set('Origin', 'https://evil.example').expect(403);
    await post({ action: 'delete', id: 'Method:grpo' }).set('Host', 'rebound.example:3000').expect(403);
    expect(await graphSnapshot(driver)).toEqual(extractorView);
  });
});

describe('each decision, then its undo', () => {
  it('merge: the alias resolves to the target, mentions and relations move, the source is gone; undo splits them back', async () => {
    const before = await entity('Method:lora-soup');
    const lora = await entity('Method:lora');
    const made = await curate({ action: 'merge', from: 'Method:lora', into: 'Method:lora-soup' });
    expect(made).toMatchObject({ entityId: 'Method:lora-soup', gone: ['Method:lora'], decision: { summary: 'merged “LoRA” into “LoRA Soup”', input: { action: 'merge' } } });
    await missing('Method:lora');
    const after = await entity('Method:lora-soup');
    expect(after.mentionCount).toBe(before.mentionCount + lora.mentionCount);
    // The mentions route follows REFERS_TO, not the extractor's m.entityId: the merged mentions are listed too.
    const listed = await allMentions('Method:lora-soup');
    expect(listed).toHaveLength(after.mentionCount);
    expect(listed.map((m) => m.text)).toContain('LoRA');
    expect(after.aliases).toContain('LoRA');
    expect((await search('LoRA')).map((h) => h.id)).not.toContain('Method:lora');
    // The paper PROPOSES both: one relation now, the other kept hidden.
    const paper = 'Paper:lora-soup-merging-adapters-without-interference';
    expect((await edges(paper, 'Method:lora-soup')).filter((e) => e.type === 'PROPOSES')).toHaveLength(1);
    await request(app).get(`/api/edges?source=${enc(paper)}&target=Method%3Alora`).expect(404);
    // The text highlights the mention under the target.
    const doc = DocumentDetail.parse((await request(app).get(`/api/documents/${enc((after.firstSeen ?? after.lastSeen)!.id)}`).expect(200)).body);
    expect(doc.mentions.map((m) => m.entityId)).not.toContain('Method:lora');
    expect(doc.entities.map((e) => e.id)).toContain('Method:lora-soup');

    await undo(made.id).expect(200);
    expect(await graphSnapshot(driver)).toEqual(extractorView);
    expect(await curationLeftovers(driver)).toEqual({ extracted: 0, suppressed: 0, decisions: 0 });
  });

  it('rename: the new name shows and is searchable, the old one stays an alias', async () => {
    const made = await curate({ action: 'rename', id: 'Method:reinforcement-learning', name: 'Reinforcement Learning (RL)' });
    const e = await entity('Method:reinforcement-learning');
    expect(e.name).toBe('Reinforcement Learning (RL)');
    expect(e.aliases).toContain('reinforcement learning');
    expect((await search('Reinforcement Learning (RL)'))[0]?.id).toBe('Method:reinforcement-learning');
    await undo(made.id).expect(200);
    expect(await graphSnapshot(driver)).toEqual(extractorView);
  });

  it('retype: a new id of the new type, with every mention and relation; the old id is gone', async () => {
    const old = await entity('Method:ties-merging');
    const oldMentions = await allMentions('Method:ties-merging');
    const made = await curate({ action: 'retype', id: 'Method:ties-merging', type: 'Tool' });
    expect(made.entityId).toBe('Tool:ties-merging');
    await missing('Method:ties-merging');
    const e = await entity('Tool:ties-merging');
    expect(e).toMatchObject({ type: 'Tool', name: old.name, mentionCount: old.mentionCount, relationCounts: old.relationCounts });
    // Every mention moved, though each still carries the extractor's id (m.entityId: Method:ties-merging).
    expect((await allMentions('Tool:ties-merging')).map((m) => m.id)).toEqual(oldMentions.map((m) => m.id));
    await undo(made.id).expect(200);
    expect(await graphSnapshot(driver)).toEqual(extractorView);
  });

  it('split-alias: the mentions written as the alias become their own entity', async () => {
    const sgb = await entity('Method:sgb');
    const made = await curate({ action: 'split-alias', id: 'Method:sgb', alias: 'Stepwise Group Baselines' });
    expect(made.entityId).toBe('Method:stepwise-group-baselines');
    const split = await entity('Method:stepwise-group-baselines');
    expect(split.name).toBe('Stepwise Group Baselines');
    const rest = await entity('Method:sgb');
    expect(rest.aliases).not.toContain('Stepwise Group Baselines');
    expect(split.mentionCount).toBeGreaterThan(0);
    expect(rest.mentionCount + split.mentionCount).toBe(sgb.mentionCount);
    expect((await undo(made.id).expect(200)).body.gone).toEqual(['Method:stepwise-group-baselines']);
    expect(await graphSnapshot(driver)).toEqual(extractorView);
  });

  it('delete: the entity, its mentions and relations leave every route; undo brings them back', async () => {
    const haddad = await entity('Person:haddad');
    const made = await curate({ action: 'delete', id: 'Person:haddad' });
    expect(made.entityId).toBeNull();
    await missing('Person:haddad');
    expect((await search('Haddad')).map((h) => h.id)).not.toContain('Person:haddad');
    const doc = DocumentDetail.parse((await request(app).get(`/api/documents/${enc(haddad.firstSeen!.id)}`).expect(200)).body);
    expect(doc.mentions.map((m) => m.entityId)).not.toContain('Person:haddad');
    expect(doc.entities.map((e) => e.id)).not.toContain('Person:haddad');
    await undo(made.id).expect(200);
    expect(await entity('Person:haddad')).toEqual(haddad);
    expect(await graphSnapshot(driver)).toEqual(extractorView);
  });

  it('reject-relation: that typed relation is gone, the co-mention stays', async () => {
    const made = await curate({ action: 'reject-relation', source: 'Model:gemma-3', type: 'USES', target: 'Method:vargrpo' });
    const types = (await edges('Model:gemma-3', 'Method:vargrpo')).map((e) => e.type);
    expect(types).not.toContain('USES');
    expect(types).toContain('CO_MENTIONED');
    await undo(made.id).expect(200);
    expect((await edges('Model:gemma-3', 'Method:vargrpo')).map((e) => e.type)).toContain('USES');
    expect(await graphSnapshot(driver)).toEqual(extractorView);
  });

  it('drops cached responses at once', async () => {
    await request(app).get('/api/entities/Method%3Adpo').expect(200);
    const hit = await request(app).get('/api/entities/Method%3Adpo').expect(200);
    expect(hit.headers['x-cache']).toBe('hit');
    const made = await curate({ action: 'rename', id: 'Method:dpo', name: 'Direct Preference Optimization' });
    const fresh = await request(app).get('/api/entities/Method%3Adpo').expect(200);
    expect(fresh.body.name).toBe('Direct Preference Optimization');
    await undo(made.id).expect(200);
    expect((await request(app).get('/api/entities/Method%3Adpo').expect(200)).body.name).toBe('DPO');
  });
});

describe('the full cycle: curate → re-ingest everything → decisions hold → undo → the extractor’s view', () => {
  const made: string[] = [];
  let curatedView: GraphSnapshot;

  it('applies one decision of each kind (and one on top of another)', async () => {
    for (const body of [
      { action: 'merge', from: 'Method:lora', into: 'Method:lora-soup' },
      { action: 'rename', id: 'Method:lora-soup', name: 'LoRA Soup (adapter merging)' },
      { action: 'retype', id: 'Method:ties-merging', type: 'Tool' },
      { action: 'split-alias', id: 'Method:sgb', alias: 'Stepwise Group Baselines' },
      { action: 'delete', id: 'Person:haddad' },
      { action: 'reject-relation', source: 'Model:gemma-3', type: 'USES', target: 'Method:vargrpo' },
    ]) made.push((await curate(body)).id);
    const list = CurationListResponse.parse((await request(app).get('/api/curation').expect(200)).body);
    expect(list.decisions.map((d) => d.id)).toEqual(made);
    expect(list.decisions.map((d) => d.input.action)).toEqual(['merge', 'rename', 'retype', 'split-alias', 'delete', 'reject-relation']);
    for (const d of list.decisions) expect(Date.parse(d.at)).not.toBeNaN();
    curatedView = await graphSnapshot(driver);
    expect(curatedView).not.toEqual(extractorView);
    for (const part of Object.values(extractorView)) expect(part.length).toBeGreaterThan(0);
    // What the decisions hide or replace is kept, not lost: the extractor's records, hidden relations, dormant mentions.
    const kept = await curationLeftovers(driver);
    expect(kept.extracted).toBeGreaterThanOrEqual(6);
    expect(kept.suppressed).toBeGreaterThan(0);
    const rowsOf = (v: GraphSnapshot) => v.mentions.map((m) => JSON.parse(m) as [string, string, string | null, string | null]);
    const haddad = rowsOf(extractorView).filter(([, extracted]) => extracted === 'Person:haddad').map(([id]) => id);
    expect(haddad.length).toBeGreaterThan(0);
    expect(rowsOf(curatedView).filter(([, , refersTo, doc]) => refersTo === null && doc === null).map(([id]) => id)).toEqual(haddad);
  });

  it('a re-ingest of the unchanged files changes nothing', async () => {
    const s = await ingestInputs(driver, [corpus]);
    expect(s.documents.unchanged).toBeGreaterThan(0);
    expect(await graphSnapshot(driver)).toEqual(curatedView);
  });

  it('re-ingesting everything into an emptied store (only the decisions kept) gives the same curated graph', async () => {
    await wipeAllButDecisions(driver);
    const s = await ingestInputs(driver, [corpus]);
    expect(s.failed).toEqual([]);
    expect(await graphSnapshot(driver)).toEqual(curatedView);
    await missing('Method:lora');
    await missing('Person:haddad');
    expect((await entity('Method:lora-soup')).name).toBe('LoRA Soup (adapter merging)');
    expect((await entity('Tool:ties-merging')).type).toBe('Tool');
  });

  it('`npm run extract -- --db` applies the stored decisions to its output', async () => {
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'app', 'extract.ts'), '--db', corpus], { cwd: PROJECT_ROOT, env: { ...process.env, ...testConfigEnv() }, maxBuffer: 64 * 2 ** 20 }, (err, out, errText) =>
        err ? reject(new Error(`${err.message}\n${errText}`)) : resolve(out),
      ),
    );
    const out = JSON.parse(stdout) as { entities: { id: string; name: string; mentions: unknown[] }[]; relations: { source: string; type: string; target: string }[] };
    const ids = out.entities.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining(['Method:lora-soup', 'Tool:ties-merging', 'Method:stepwise-group-baselines']));
    for (const gone of ['Method:lora', 'Person:haddad', 'Method:ties-merging']) expect(ids).not.toContain(gone);
    expect(out.entities.find((e) => e.id === 'Method:lora-soup')!.name).toBe('LoRA Soup (adapter merging)');
    expect(out.relations.filter((r) => r.source === 'Model:gemma-3' && r.type === 'USES' && r.target === 'Method:vargrpo')).toEqual([]);
    expect(out.relations.some((r) => r.source === 'Person:haddad' || r.target === 'Person:haddad')).toBe(false);
  });

  it('an edited issue is re-extracted under the decisions: a merged alias lands on its target, a deleted entity is not recreated', async () => {
    const file = join(corpus, 'gradient-ledger-003.md');
    const original = readFileSync(file, 'utf8');
    const mentions = (await entity('Method:lora-soup')).mentionCount;
    writeFileSync(file, `${original}\nA reader asks about LoRA again. Haddad and Lin reply that LoRA is fine.\n`);
    try {
      const s = await ingestInputs(driver, [corpus]);
      expect(s.documents.updated).toBe(1);
      await missing('Method:lora');
      await missing('Person:haddad');
      expect((await entity('Method:lora-soup')).mentionCount).toBeGreaterThan(mentions);
    } finally {
      writeFileSync(file, original);
    }
    await ingestInputs(driver, [corpus]);
    expect(await graphSnapshot(driver)).toEqual(curatedView);
  });

  it('refuses to undo a decision a later one builds on', async () => {
    await curate({ action: 'rename', id: 'Tool:ties-merging', name: 'TIES' }).then((d) => made.push(d.id));
    const res = await undo(made[2]!).expect(409);
    expect(res.body.error.message).toMatch(/renamed “TIES merging” to “TIES”.*undo it first/);
  });

  it('undoing every decision gives back exactly what the extractor wrote', async () => {
    for (const id of [...made].reverse()) await undo(id).expect(200);
    expect(await graphSnapshot(driver)).toEqual(extractorView);
    expect(await curationLeftovers(driver)).toEqual({ extracted: 0, suppressed: 0, decisions: 0 });
    expect(CurationListResponse.parse((await request(app).get('/api/curation')).body).decisions).toEqual([]);
  });

  it('undoing in another order gives the same graph', async () => {
    const ids: string[] = [];
    for (const body of [
      { action: 'merge', from: 'Method:lora', into: 'Method:lora-soup' },
      { action: 'delete', id: 'Method:lora-soup' },
      { action: 'split-alias', id: 'Lab:stanford', alias: 'Stanford University' },
    ]) ids.push((await curate(body)).id);
    await missing('Method:lora');
    await missing('Method:lora-soup');
    for (const id of ids) await undo(id).expect(200);
    expect(await graphSnapshot(driver)).toEqual(extractorView);
  });
});
