/** Canvas actions in the one app state: collapse undoes exactly its expansion; pins; menus built from plain data. */
import { describe, expect, it } from 'vitest';
import type { GraphElements, NodeData } from '../../contract/api.ts';
import * as S from '../../client/src/model/app-state.ts';
import { canvasChanged } from '../../client/src/canvas-history.ts';
import { canvasMenuItems, relationChoices } from '../../client/src/ui/canvas-menu.ts';

const node = (id: string): NodeData => ({ id, label: id, kind: 'entity', type: 'Method', mentionCount: 1 });
const edge = (source: string, target: string, type = 'CO_MENTIONED') => ({ data: { id: `${source}-${type}-${target}`, source, target, type, weight: 1, evidenceCount: 1 } });
const res = (center: string, ids: string[], edges = ids.map((id) => edge(center, id)), more = 0) => ({
  elements: { nodes: [center, ...ids].map((id) => ({ data: node(id) })), edges } as GraphElements,
  total: ids.length + more,
  more,
});
const ids = (s: S.AppState) => [...s.model.nodes.keys()].sort();

describe('collapse undoes exactly its expansion', () => {
  it('removes the nodes and edges the expansion added, and nothing that was there before', () => {
    let s = S.place(S.initialState(), node('hub'));
    s = S.expanded(s, 'hub', res('hub', ['a', 'b', 'c']), 15).state;
    const before = ids(s);
    // b's expansion brings d, e, and a (already there) and an edge a–b that was not there.
    s = S.expanded(s, 'b', res('b', ['a', 'd', 'e'], [edge('b', 'a'), edge('b', 'd'), edge('b', 'e')]), 15).state;
    expect(ids(s)).toEqual([...before, 'd', 'e'].sort());
    const collapsed = S.collapse(s, 'b');
    expect(ids(collapsed)).toEqual(before);
    expect(collapsed.model.edges.has('b-CO_MENTIONED-a')).toBe(false);
    expect(collapsed.model.expansions.has('b')).toBe(false);
    // The hub's own expansion is untouched.
    expect(collapsed.model.expansions.has('hub')).toBe(true);
  });

  it('keeps what another expansion returned, what the user placed, and what was expanded since', () => {
    let s = S.place(S.initialState(), node('hub'));
    s = S.expanded(s, 'hub', res('hub', ['a', 'b', 'x']), 15).state;
    s = S.expanded(s, 'a', res('a', ['x', 'y']), 15).state; // x: also returned by hub (added by hub)
    s = S.place(s, node('b')); // b placed by hand
    s = S.expanded(s, 'y', res('y', ['z']), 15).state;
    const c = S.collapse(s, 'hub');
    // b pinned by hand, x returned by a's expansion, a expanded: all stay.
    expect(ids(c)).toEqual(['a', 'b', 'hub', 'x', 'y', 'z']);
  });

  it('"+N more" adds to the same expansion: one collapse removes both fetches', () => {
    let s = S.place(S.initialState(), node('hub'));
    s = S.expanded(s, 'hub', res('hub', ['a'], undefined, 1), 1).state;
    s = S.expanded(s, 'hub', res('hub', ['a', 'b']), 26).state;
    expect(s.model.expansions.get('hub')!.added).toEqual(['a', 'b']);
    expect(ids(S.collapse(s, 'hub'))).toEqual(['hub']);
  });

  it('records the relation filter of an "expand by relation"', () => {
    const s = S.expanded(S.place(S.initialState(), node('hub')), 'hub', res('hub', ['a']), 15, { relTypes: ['USES'], direction: 'out' }).state;
    expect(s.model.expansions.get('hub')!.filter).toEqual({ relTypes: ['USES'], direction: 'out' });
  });
});

describe('pins', () => {
  it('setLocked pins and unpins nodes on the canvas; removed nodes drop out; derive lists them', () => {
    let s = S.expanded(S.place(S.initialState(), node('hub')), 'hub', res('hub', ['a', 'b']), 15).state;
    s = S.setLocked(s, ['a', 'b', 'ghost'], true);
    expect([...s.locked].sort()).toEqual(['a', 'b']);
    expect([...S.derive(s).locked].sort()).toEqual(['a', 'b']);
    s = S.remove(s, 'a');
    expect([...s.locked]).toEqual(['b']);
    s = S.setLocked(s, ['b'], false);
    expect(s.locked.size).toBe(0);
    expect(S.clearCanvas(S.setLocked(s, ['hub'], true)).locked.size).toBe(0);
  });

  it('pinning and canvas changes are undo steps; selection is not', () => {
    const s = S.place(S.initialState(), node('hub'));
    expect(canvasChanged(s, S.setLocked(s, ['hub'], true))).toBe(true);
    expect(canvasChanged(s, S.select(s, 'hub'))).toBe(false);
    expect(canvasChanged(s, S.collapse(s, 'hub'))).toBe(false);
  });
});

describe('menus', () => {
  it('"Expand by relation": typed relations by direction, most first; co-mentions once at the end', () => {
    const c = relationChoices([
      { type: 'CO_MENTIONED', direction: 'out', count: 4 },
      { type: 'USES', direction: 'in', count: 2 },
      { type: 'IMPROVES_ON', direction: 'out', count: 3 },
      { type: 'CO_MENTIONED', direction: 'in', count: 5 },
    ]);
    expect(c.map((x) => x.label)).toEqual(['→ improves on (3)', '← uses (2)', 'co-mentioned (9)']);
    expect(c[1]!.filter).toEqual({ relTypes: ['USES'], direction: 'in' });
    expect(relationChoices([])).toEqual([]);
  });

  it('a node in a multi-selection offers actions on the whole selection', () => {
    const calls: string[] = [];
    const a = {
      expand: (x: string[]) => void calls.push(`expand ${x}`),
      collapse: (x: string[]) => void calls.push(`collapse ${x}`),
      remove: (x: string[]) => void calls.push(`remove ${x}`),
      pin: (x: string[], on: boolean) => void calls.push(`pin ${x} ${on}`),
      expandBy: (x: string) => void calls.push(`by ${x}`),
    };
    const m = canvasMenuItems('a', 'entity', ['a', 'b'], new Set(['a']), a);
    expect(m.before.map((i) => i.label)).toEqual(['Expand 2 selected', 'Collapse 2 selected', 'Pin 2 selected', 'Remove 2 selected']);
    m.before[2]!.run();
    m.after[1]!.run();
    expect(calls).toEqual(['pin a,b true', 'pin a false']);
    expect(m.after.map((i) => i.label)).toEqual(['Expand by relation…', 'Unpin']);
    expect(canvasMenuItems('c', 'entity', ['a', 'b'], new Set(), a).before).toEqual([]);
  });
});
