/** The explorer's state (client/src/model/app-state.ts): pure actions and derive, without a browser. */
import { describe, expect, it } from 'vitest';
import type { CypherResponse, GraphElements, NodeData, PathsResponse } from '../../contract/api.ts';
import * as S from '../../client/src/model/app-state.ts';
import { decodeViewState, encodeViewState } from '../../client/src/model/url-state.ts';

const node = (id: string, type = 'Method'): NodeData => ({ id, label: id.split(':')[1] ?? id, kind: 'entity', type, mentionCount: 1 });
const edge = (source: string, target: string, type = 'IMPROVES_ON') => ({ data: { id: `${source}-${type}-${target}`, source, target, type, weight: 1, evidenceCount: 1 } });
const neighbours = (center: string, ids: string[], more = 0) => ({
  elements: { nodes: [center, ...ids].map((id) => ({ data: node(id) })), edges: ids.map((id) => edge(id, center)) } as GraphElements,
  total: ids.length + more,
  more,
});

describe('app state', () => {
  it('starts empty; derive says so, and the URL is empty', () => {
    const d = S.derive(S.initialState());
    expect(d.empty).toBe(true);
    expect(d.status).toBe('0 nodes · 0 edges');
    expect(encodeViewState(d.url)).toBe('');
  });

  it('place pins the node, remembers it, and shows its type again', () => {
    let s = S.toggleType(S.initialState(), 'node', 'Method', false);
    s = S.place(s, node('Method:grpo'));
    expect(s.model.pinned.has('Method:grpo')).toBe(true);
    expect(s.placed).toEqual(['Method:grpo']);
    expect(s.hiddenTypes.has('Method')).toBe(false);
    expect(S.place(s, node('Method:grpo')).placed).toEqual(['Method:grpo']);
  });

  it('actions return a new state and never change the old one', () => {
    const s0 = S.place(S.initialState(), node('Method:grpo'));
    const s1 = S.expanded(s0, 'Method:grpo', neighbours('Method:grpo', ['Method:gdpo']), 15).state;
    expect(s0.model.nodes.size).toBe(1);
    expect(s1.model.nodes.size).toBe(2);
    const s2 = S.toggleType(s1, 'edge', 'IMPROVES_ON', false);
    expect(s1.hiddenRelTypes.size).toBe(0);
    expect(s2.hiddenRelTypes.has('IMPROVES_ON')).toBe(true);
  });

  it('derive applies the filters to what the canvas shows, and counts what they hide', () => {
    let s = S.place(S.initialState(), node('Method:grpo'));
    s = S.expanded(s, 'Method:grpo', neighbours('Method:grpo', ['Method:gdpo', 'Method:dapo'], 7), 15).state;
    s = S.expanded(s, 'Method:grpo', { ...neighbours('Method:grpo', []), elements: { nodes: [{ data: node('Lab:acme', 'Lab') }], edges: [edge('Lab:acme', 'Method:grpo', 'PROPOSES')] }, more: 7, total: 8 }, 40).state;
    const d = S.derive(S.toggleType(s, 'node', 'Lab', false));
    expect(d.elements.nodes.map((n) => n.data.id).sort()).toEqual(['Method:dapo', 'Method:gdpo', 'Method:grpo']);
    expect(d.status).toBe('3 nodes · 2 edges · 1 hidden by filters');
    expect(d.more.get('Method:grpo')).toBe(7);
    expect(d.expanded).toEqual(new Set(['Method:grpo']));
    expect(d.legend.counts.nodes.get('Lab')).toBe(1);
    expect(d.url.hiddenTypes).toEqual(['Lab']);
  });

  it('neighbourFilters are undefined when nothing is hidden, else the visible types', () => {
    const s = S.initialState();
    expect(S.neighbourFilters(s)).toEqual({});
    const f = S.neighbourFilters(S.toggleType(S.toggleType(s, 'node', 'Person', false), 'edge', 'CO_MENTIONED', false));
    expect(f.types).not.toContain('Person');
    expect(f.types).toContain('Method');
    expect(f.relTypes).not.toContain('CO_MENTIONED');
    expect(f.relTypes).toContain('USES');
  });

  it('remove and collapse drop the focus and the placed ids of nodes that left', () => {
    let s = S.place(S.initialState(), node('Method:grpo'));
    s = S.expanded(s, 'Method:grpo', neighbours('Method:grpo', ['Method:gdpo']), 15).state;
    s = S.select(s, 'Method:gdpo');
    expect(S.collapse(s, 'Method:grpo').focus).toBeNull();
    const removed = S.remove(S.select(s, 'Method:grpo'), 'Method:grpo');
    expect(removed.model.nodes.size).toBe(0);
    expect(removed.placed).toEqual([]);
    expect(removed.focus).toBeNull();
  });

  it('console results replace the canvas, or are added to it when asked; an empty result only records the query', () => {
    const graph: CypherResponse = { columns: ['n'], rows: [], graph: { nodes: [{ data: node('Lab:acme', 'Lab') }], edges: [] }, summary: {} } as unknown as CypherResponse;
    let s = S.setCompare(S.place(S.initialState(), node('Method:grpo')), ['doc:a', 'doc:b']);
    const replaced = S.cypherResult(s, graph, 'MATCH (n) RETURN n', '{}');
    expect([...replaced.model.nodes.keys()]).toEqual(['Lab:acme']);
    expect(replaced.compare).toBeNull();
    expect(replaced.query).toBe('MATCH (n) RETURN n');
    s = S.setAppend(s, true);
    expect([...S.cypherResult(s, graph, 'q', '{}').model.nodes.keys()].sort()).toEqual(['Lab:acme', 'Method:grpo']);
    const none = S.cypherResult(s, { ...graph, graph: { nodes: [], edges: [] } }, 'q2', '{"a":1}');
    expect(none.model).toBe(s.model);
    expect([none.query, none.params]).toEqual(['q2', '{"a":1}']);
  });

  it('paths are merged and pinned; the path edges are found in either direction', () => {
    const res = {
      elements: { nodes: [{ data: node('Method:a') }, { data: node('Method:b') }], edges: [edge('Method:b', 'Method:a')] },
      paths: [{ nodes: ['Method:a', 'Method:b'], steps: [{ source: 'Method:a', target: 'Method:b', type: 'IMPROVES_ON' }] }],
    } as unknown as PathsResponse;
    const { state, nodes, edges } = S.pathsResult(S.initialState(), res);
    expect(state.model.pinned).toEqual(new Set(['Method:a', 'Method:b']));
    expect(nodes).toEqual(['Method:a', 'Method:b']);
    expect(edges).toEqual(['Method:b-IMPROVES_ON-Method:a']);
  });

  it('the URL round-trips: what derive writes, decode reads back into the same view', () => {
    let s = S.place(S.initialState(), node('Method:grpo'));
    s = S.expanded(s, 'Method:grpo', neighbours('Method:grpo', ['Method:gdpo']), 15).state;
    s = S.toggleConsole(S.openTab(S.setLayout(S.select(s, 'Method:grpo'), 'dagre'), 'connect'), true);
    s = S.toggleType(s, 'edge', 'CO_MENTIONED', false);
    const url = S.derive(s).url;
    expect(decodeViewState(`?${encodeViewState(url)}`)).toEqual(url);
    expect(url).toMatchObject({ focus: 'Method:grpo', nodes: ['Method:grpo'], expanded: ['Method:grpo'], layout: 'dagre', panel: 'console', hiddenRelTypes: ['CO_MENTIONED'] });
    const back = S.fromViewState(S.initialState(), url);
    expect(back.layout).toBe('dagre');
    expect(back.hiddenRelTypes).toEqual(new Set(['CO_MENTIONED']));
  });

  it('clearCanvas forgets the canvas, the query and the compared pair, and keeps filters and layout', () => {
    let s = S.setLayout(S.toggleType(S.place(S.initialState(), node('Method:grpo')), 'node', 'Lab', false), 'concentric');
    s = S.setCompare(S.cypherResult(s, { graph: { nodes: [], edges: [] } } as unknown as CypherResponse, 'q', '{}'), ['a', 'b']);
    const c = S.clearCanvas(s);
    expect(c.model.nodes.size).toBe(0);
    expect([c.query, c.params, c.compare, c.focus]).toEqual([null, null, null, null]);
    expect(c.layout).toBe('concentric');
    expect(c.hiddenTypes.has('Lab')).toBe(true);
  });

  it('the canvas bound drops older leaves beyond MAX_NODES and reports them', () => {
    let s = S.place(S.initialState(), node('Method:hub'));
    const ids = Array.from({ length: S.MAX_NODES + 5 }, (_, i) => `Method:n${i}`);
    const r = S.expanded(s, 'Method:hub', neighbours('Method:hub', ids), 200);
    expect(r.state.model.nodes.size).toBe(S.MAX_NODES);
    expect(r.dropped).toHaveLength(6);
    s = r.state;
    expect(s.model.nodes.has('Method:hub')).toBe(true);
  });
});
