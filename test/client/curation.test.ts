/** The canvas side of curation (client/src/model/curation.ts): pure, no browser. */
import { describe, expect, it } from 'vitest';
import * as S from '../../client/src/model/app-state.ts';
import { dropEdge, replaceNode, updateNode } from '../../client/src/model/curation.ts';
import { mergeElements, recordExpansion } from '../../client/src/model/graph-model.ts';

const node = (id: string, label = id) => ({ data: { id, label, kind: 'entity' as const, type: 'Lab' } });
const edge = (source: string, type: string, target: string) => ({ data: { id: `${source}|${type}|${target}`, source, target, type, weight: 1, evidenceCount: 1 } });

function canvas(): S.AppState {
  const s = S.initialState();
  const { model } = mergeElements(s.model, {
    nodes: [node('Lab:a'), node('Lab:b'), node('Lab:c'), node('Lab:d')],
    edges: [edge('Lab:a', 'CO_MENTIONED', 'Lab:c'), edge('Lab:b', 'CO_MENTIONED', 'Lab:c'), edge('Lab:a', 'USES', 'Lab:b'), edge('Lab:d', 'USES', 'Lab:a')],
  }, { pin: ['Lab:a'] });
  return { ...s, model: recordExpansion(model, 'Lab:a', { total: 3, more: 0, limit: 15 }), placed: ['Lab:a'], focus: 'Lab:a' };
}

describe('replaceNode (a merge or a retype on the canvas)', () => {
  it('moves edges, expansion, pin, place and focus to the target; drops self-loops and duplicates', () => {
    const s = replaceNode(canvas(), 'Lab:a', node('Lab:b', 'B').data);
    expect([...s.model.nodes.keys()].sort()).toEqual(['Lab:b', 'Lab:c', 'Lab:d']);
    expect(s.model.nodes.get('Lab:b')!.label).toBe('B');
    const edges = [...s.model.edges.values()].map((e) => `${e.source} ${e.type} ${e.target}`).sort();
    // a-USES-b became a self-loop; a-CO-c duplicates b-CO-c; d-USES-a now ends on b.
    expect(edges).toEqual(['Lab:b CO_MENTIONED Lab:c', 'Lab:d USES Lab:b']);
    expect(s.model.edges.get('Lab:d|USES|Lab:b')).toBeDefined();
    expect([...s.model.expansions.keys()]).toEqual(['Lab:b']);
    expect([...s.model.pinned]).toEqual(['Lab:b']);
    expect(s.placed).toEqual(['Lab:b']);
    expect(s.focus).toBe('Lab:b');
  });

  it('takes a new id (retype) and leaves a state without the old node alone', () => {
    const s = replaceNode(canvas(), 'Lab:c', { id: 'Tool:c', label: 'c', kind: 'entity', type: 'Tool' });
    expect(s.model.nodes.has('Tool:c')).toBe(true);
    expect([...s.model.edges.values()].filter((e) => e.target === 'Tool:c')).toHaveLength(2);
    const same = canvas();
    expect(replaceNode(same, 'Lab:zzz', node('Lab:b').data)).toBe(same);
  });
});

describe('updateNode and dropEdge', () => {
  it('relabels a node, and removes exactly one relation', () => {
    let s = updateNode(canvas(), 'Lab:c', { label: 'Renamed' });
    expect(s.model.nodes.get('Lab:c')!.label).toBe('Renamed');
    s = dropEdge(s, 'Lab:a', 'USES', 'Lab:b');
    expect([...s.model.edges.keys()]).not.toContain('Lab:a|USES|Lab:b');
    expect(s.model.edges.size).toBe(3);
    expect(dropEdge(s, 'Lab:a', 'USES', 'Lab:b')).toBe(s);
  });
});
