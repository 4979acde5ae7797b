import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { PathsResponse } from '../../contract/api.ts';
import { useFixtureApp } from '../helpers/api.ts';
import { ENTITIES } from '../helpers/fixture-graph.ts';

const api = useFixtureApp();

const paths = async (params: Record<string, string>, status = 200) =>
  request(api.app).get(`/api/paths?${new URLSearchParams(params)}`).expect(status);

function expectConsistent(body: PathsResponse) {
  const nodeIds = new Set(body.elements.nodes.map((n) => n.data.id));
  for (const p of body.paths) {
    expect(p.nodes).toHaveLength(p.length + 1);
    expect(p.steps).toHaveLength(p.length);
    for (const id of p.nodes) expect(nodeIds).toContain(id);
  }
  for (const e of body.elements.edges) {
    expect(nodeIds).toContain(e.data.source);
    expect(nodeIds).toContain(e.data.target);
  }
}

describe('GET /api/paths', () => {
  it('finds the shortest paths between two entities, each step with evidence and document', async () => {
    const body = PathsResponse.parse((await paths({ from: ENTITIES.foopo.id, to: ENTITIES.openai.id })).body);
    expectConsistent(body);
    expect(body.paths.length).toBeGreaterThan(0);
    expect(body.paths.every((p) => p.length === 2)).toBe(true);
    // Routes through entities come before routes through a document.
    const first = body.paths[0]!;
    expect(first.nodes).toEqual(['Method:foopo', 'Method:grpo', 'Lab:openai']);
    expect(first.steps[0]).toMatchObject({
      source: 'Method:foopo',
      target: 'Method:grpo',
      type: 'IMPROVES_ON',
      evidence: '🚀 Acme Labs introduced FooPO, a new method that improves on GRPO.',
      document: { id: 'doc:gn-1' },
    });
    expect(first.steps[1]).toMatchObject({ source: 'Lab:openai', target: 'Method:grpo', type: 'USES', document: { id: 'doc:gn-1' } });
    expect(body.shared).toEqual([]);
    expect(body.elements.nodes.find((n) => n.data.id === 'Method:grpo')?.data).toMatchObject({ kind: 'entity', label: 'GRPO', mentionCount: 4 });
  });

  it('connects two documents through the entities they share, with MENTIONS steps quoting the first mention', async () => {
    const body = PathsResponse.parse((await paths({ from: 'doc:gn-1', to: 'doc:wt-7' })).body);
    expectConsistent(body);
    expect(body.paths.length).toBeGreaterThan(0);
    expect(body.paths[0]!.length).toBe(2);
    const step = body.paths[0]!.steps[0]!;
    expect(step.type).toBe('MENTIONS');
    expect(step.source).toBe('doc:gn-1');
    expect(step.document?.id).toBe('doc:gn-1');
    // The sentence is cut from the document text with UTF-16 offsets (the text has emoji before it).
    expect(step.evidence).toMatch(/^(🚀 Acme Labs|📊 FooPO|Open AI also)/);
    expect(body.elements.nodes.find((n) => n.data.id === 'doc:gn-1')?.data).toMatchObject({ kind: 'document', type: 'Document', label: 'Gradient Notes #1: FooPO arrives' });
    expect(body.shared.map((s) => s.id).sort()).toEqual(['Lab:acme-labs', 'Lab:openai', 'Method:grpo']);
    expect(body.shared[0]).toMatchObject({ fromCount: expect.any(Number), toCount: 1 });
  });

  it('connects a document and an entity', async () => {
    const body = PathsResponse.parse((await paths({ from: 'doc:wt-7', to: ENTITIES.barpo.id })).body);
    expectConsistent(body);
    expect(body.paths[0]?.nodes[0]).toBe('doc:wt-7');
    expect(body.paths[0]?.nodes.at(-1)).toBe('Method:barpo');
  });

  it('respects maxHops, limit and coMentions', async () => {
    const none = PathsResponse.parse((await paths({ from: ENTITIES.foopo.id, to: ENTITIES.openai.id, maxHops: '1' })).body);
    expect(none.paths).toEqual([]);
    const one = PathsResponse.parse((await paths({ from: 'doc:gn-1', to: 'doc:wt-7', limit: '1' })).body);
    expect(one.paths).toHaveLength(1);
    // Without co-mentions FooPO reaches Acme Labs only through the typed INTRODUCES relation.
    const typed = PathsResponse.parse((await paths({ from: ENTITIES.foopo.id, to: ENTITIES.acme.id, coMentions: 'false' })).body);
    expect(typed.paths[0]?.steps[0]?.type).toBe('INTRODUCES');
    expect(typed.elements.edges.every((e) => e.data.type !== 'CO_MENTIONED')).toBe(true);
  });

  it('unconnected ends: 200 with no paths but both nodes', async () => {
    const body = PathsResponse.parse((await paths({ from: ENTITIES.lonely.id, to: ENTITIES.grpo.id })).body);
    expect(body.paths).toEqual([]);
    expect(body.elements.nodes.map((n) => n.data.id).sort()).toEqual(['Lab:lonely-corp', 'Method:grpo']);
  });

  it('the same node at both ends is a zero-length path', async () => {
    const body = PathsResponse.parse((await paths({ from: ENTITIES.grpo.id, to: ENTITIES.grpo.id })).body);
    expect(body.paths).toEqual([{ length: 0, nodes: ['Method:grpo'], steps: [] }]);
  });

  it('404 when an end is unknown, 400 on bad parameters', async () => {
    const res = await paths({ from: ENTITIES.grpo.id, to: 'nope' }, 404);
    expect(res.body.error.message).toContain('"nope"');
    await paths({ from: 'nope', to: ENTITIES.grpo.id }, 404);
    const hops = await paths({ from: ENTITIES.grpo.id, to: ENTITIES.foopo.id, maxHops: '9' }, 400);
    expect(hops.body.error.message).toMatch(/^maxHops: /);
    await paths({ from: ENTITIES.grpo.id }, 400);
    await paths({ from: ENTITIES.grpo.id, to: ENTITIES.foopo.id, coMentions: 'maybe' }, 400);
  });
});
