import { describe, expect, it } from 'vitest';
import type { GraphElements } from '../../contract/api.ts';
import {
  boundModel,
  collapseNode,
  degree,
  edgeKey,
  emptyModel,
  mergeElements,
  moreCount,
  nextLimit,
  recordExpansion,
  removeNode,
  typeCounts,
  visibleElements,
} from '../../client/src/model/graph-model.ts';

const n = (id: string, type = 'Method', extra: Record<string, unknown> = {}) => ({ data: { id, label: id, kind: 'entity' as const, type, ...extra } });
const e = (source: string, target: string, type = 'IMPROVES_ON', id = `${source}-${type}-${target}`) => ({ data: { id, source, target, type, weight: 1, evidenceCount: 1 } });
const els = (nodes: ReturnType<typeof n>[], edges: ReturnType<typeof e>[] = []): GraphElements => ({ nodes, edges });

describe('mergeElements', () => {
  it('adds nodes and edges and reports what was new', () => {
    const r = mergeElements(emptyModel(), els([n('a'), n('b')], [e('a', 'b')]));
    expect(r.addedNodes).toEqual(['a', 'b']);
    expect(r.addedEdges).toEqual(['a-IMPROVES_ON-b']);
    expect(r.model.nodes.size).toBe(2);
  });

  it('never duplicates a node or an edge, by id or by (source, type, target)', () => {
    const m1 = mergeElements(emptyModel(), els([n('a'), n('b')], [e('a', 'b')])).model;
    const r = mergeElements(m1, els([n('a', 'Method', { mentionCount: 7 }), n('b')], [e('a', 'b'), e('a', 'b', 'IMPROVES_ON', 'elementId:42')]));
    expect(r.addedNodes).toEqual([]);
    expect(r.addedEdges).toEqual([]);
    expect(r.model.nodes.size).toBe(2);
    expect(r.model.edges.size).toBe(1);
    expect(r.model.nodes.get('a')!.mentionCount).toBe(7);
  });

  it('keeps distinct relation types between the same nodes', () => {
    const r = mergeElements(emptyModel(), els([n('a'), n('b')], [e('a', 'b'), e('a', 'b', 'CO_MENTIONED')]));
    expect(r.model.edges.size).toBe(2);
  });

  it('skips edges whose endpoints are unknown', () => {
    const r = mergeElements(emptyModel(), els([n('a')], [e('a', 'zz')]));
    expect(r.dangling).toEqual(['a-IMPROVES_ON-zz']);
    expect(r.model.edges.size).toBe(0);
  });

  it('does not mutate the input model', () => {
    const m0 = emptyModel();
    mergeElements(m0, els([n('a')]), { pin: ['a'] });
    expect(m0.nodes.size).toBe(0);
    expect(m0.pinned.size).toBe(0);
  });

  it('pins requested nodes that exist', () => {
    const r = mergeElements(emptyModel(), els([n('a')]), { pin: ['a', 'ghost'] });
    expect([...r.model.pinned]).toEqual(['a']);
  });
});

describe('filters', () => {
  const m = mergeElements(emptyModel(), els([n('a'), n('l', 'Lab'), n('p', 'Person')], [e('a', 'l', 'FROM_LAB'), e('p', 'l', 'AFFILIATED_WITH'), e('a', 'p', 'CO_MENTIONED')])).model;

  it('hides node types together with their edges', () => {
    const v = visibleElements(m, { hiddenTypes: new Set(['Lab']), hiddenRelTypes: new Set() });
    expect(v.nodes.map((x) => x.data.id).sort()).toEqual(['a', 'p']);
    expect(v.edges.map((x) => x.data.type)).toEqual(['CO_MENTIONED']);
  });

  it('hides relation types but keeps their nodes', () => {
    const v = visibleElements(m, { hiddenTypes: new Set(), hiddenRelTypes: new Set(['CO_MENTIONED', 'FROM_LAB']) });
    expect(v.nodes).toHaveLength(3);
    expect(v.edges.map((x) => x.data.type)).toEqual(['AFFILIATED_WITH']);
  });

  it('counts types for the legend', () => {
    const c = typeCounts(m);
    expect(c.nodes.get('Lab')).toBe(1);
    expect(c.edges.get('CO_MENTIONED')).toBe(1);
  });
});

describe('expansion and "+N more"', () => {
  it('records total/more per node and computes the next limit', () => {
    let m = mergeElements(emptyModel(), els([n('a')])).model;
    expect(moreCount(m, 'a')).toBe(0);
    m = recordExpansion(m, 'a', { total: 60, more: 35, limit: 25 });
    expect(moreCount(m, 'a')).toBe(35);
    expect(nextLimit(m.expansions.get('a'))).toBe(60);
    expect(nextLimit(undefined)).toBe(15);
    expect(nextLimit({ total: 900, more: 875, limit: 190 })).toBe(200);
  });

  it('refuses to record an expansion for an unknown node', () => {
    expect(() => recordExpansion(emptyModel(), 'nope', { total: 1, more: 0, limit: 25 })).toThrow(/"nope"/);
  });
});

describe('remove and collapse', () => {
  // hub — a, b (leaves); b — c; hub pinned/expanded
  const base = () => {
    let m = mergeElements(emptyModel(), els([n('hub'), n('a'), n('b'), n('c'), n('x')], [e('hub', 'a'), e('hub', 'b'), e('b', 'c'), e('x', 'a')])).model;
    m = recordExpansion(m, 'hub', { total: 2, more: 0, limit: 25 });
    return m;
  };

  it('removes a node, its edges and neighbours left without edges', () => {
    const m = mergeElements(emptyModel(), els([n('hub'), n('a'), n('b')], [e('hub', 'a'), e('hub', 'b'), e('a', 'b')])).model;
    const alone = mergeElements(m, els([n('leaf')], [e('hub', 'leaf')])).model;
    const r = removeNode(alone, 'hub');
    expect(r.removed.sort()).toEqual(['hub', 'leaf']);
    expect([...r.model.nodes.keys()].sort()).toEqual(['a', 'b']);
    expect(r.model.edges.size).toBe(1);
  });

  it('keeps pinned orphans when removing', () => {
    const m = mergeElements(emptyModel(), els([n('hub'), n('leaf')], [e('hub', 'leaf')]), { pin: ['leaf'] }).model;
    expect(removeNode(m, 'hub').removed).toEqual(['hub']);
  });

  it('is a no-op for an unknown node', () => {
    const m = base();
    expect(removeNode(m, 'ghost').model).toBe(m);
  });

  it('collapses only the leaves hanging off the node', () => {
    const r = collapseNode(base(), 'hub');
    // a is also linked to x, b to c: neither is a leaf of hub. Add a real leaf to check.
    expect(r.removed).toEqual([]);
    const m2 = mergeElements(base(), els([n('leaf1'), n('leaf2')], [e('hub', 'leaf1'), e('leaf2', 'hub', 'CO_MENTIONED')])).model;
    const r2 = collapseNode(m2, 'hub');
    expect(r2.removed.sort()).toEqual(['leaf1', 'leaf2']);
    expect(r2.model.nodes.has('hub')).toBe(true);
    expect(r2.model.expansions.has('hub')).toBe(false);
    expect(degree(r2.model, 'hub')).toBe(2);
  });
});

describe('boundModel', () => {
  it('drops unprotected leaves first, oldest first', () => {
    const m = mergeElements(
      emptyModel(),
      els([n('hub'), n('l1'), n('l2'), n('mid'), n('l3')], [e('hub', 'l1'), e('hub', 'l2'), e('hub', 'mid'), e('mid', 'l3'), e('mid', 'l2', 'USES')]),
      { pin: ['hub'] },
    ).model;
    const r = boundModel(m, 3, ['l3']);
    expect(r.dropped).toEqual(['l1', 'l2']);
    expect([...r.model.nodes.keys()]).toEqual(['hub', 'mid', 'l3']);
    expect([...r.model.edges.values()].every((x) => r.model.nodes.has(x.source) && r.model.nodes.has(x.target))).toBe(true);
  });

  it('leaves a model within bounds untouched and rejects a bad bound', () => {
    const m = mergeElements(emptyModel(), els([n('a')])).model;
    expect(boundModel(m, 5).model).toBe(m);
    expect(() => boundModel(m, 0)).toThrow(/got 0/);
  });
});

it('edgeKey ignores the id', () => {
  expect(edgeKey(e('a', 'b').data)).toBe(edgeKey(e('a', 'b', 'IMPROVES_ON', 'other').data));
});
