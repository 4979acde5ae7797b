/**
 * What a curation decision (or its undo) does to the canvas, as pure functions of the state: the server has
 * already changed the graph; these keep what is on screen in step without re-fetching it all.
 */
import type { EdgeData, NodeData } from '../../../contract/api.ts';
import type { AppState } from './app-state.ts';
import { edgeKey, type GraphModel } from './graph-model.ts';

/** An aggregated edge's id as the server builds it (server/services/elements.ts). */
const edgeId = (source: string, type: string, target: string) => `${source}|${type}|${target}`;

/**
 * Puts `into` in the place of `from`: from's edges end on `into` (self-loops and duplicates dropped), its expansion,
 * pin and place in the placed list carry over, the selection follows. A merge and a retype (new id) look like this.
 */
export function replaceNode(s: AppState, from: string, into: NodeData): AppState {
  const m = s.model;
  if (!m.nodes.has(from)) return s;
  const nodes = new Map(m.nodes);
  nodes.delete(from);
  nodes.set(into.id, { ...(m.nodes.get(into.id) ?? m.nodes.get(from)!), ...into });
  const edges = new Map<string, EdgeData>();
  const keys = new Set<string>();
  const moved: EdgeData[] = [];
  for (const [id, e] of m.edges) {
    if (e.source === from || e.target === from) moved.push(e);
    else {
      edges.set(id, e);
      keys.add(edgeKey(e));
    }
  }
  for (const e of moved) {
    const source = e.source === from ? into.id : e.source;
    const target = e.target === from ? into.id : e.target;
    if (source === target) continue;
    const next = { ...e, id: edgeId(source, e.type, target), source, target };
    if (keys.has(edgeKey(next))) continue;
    keys.add(edgeKey(next));
    edges.set(next.id, next);
  }
  const expansions = new Map(m.expansions);
  const exp = expansions.get(from);
  expansions.delete(from);
  if (exp && !expansions.has(into.id)) expansions.set(into.id, exp);
  const pinned = new Set([...m.pinned].map((id) => (id === from ? into.id : id)));
  const model: GraphModel = { nodes, edges, expansions, pinned };
  const placed = [...new Set(s.placed.map((id) => (id === from ? into.id : id)))];
  return { ...s, model, placed, focus: s.focus === from ? into.id : s.focus };
}

/** A node's data changed (a rename): the canvas shows the new label. */
export function updateNode(s: AppState, id: string, data: Partial<NodeData>): AppState {
  const old = s.model.nodes.get(id);
  if (!old) return s;
  const nodes = new Map(s.model.nodes);
  nodes.set(id, { ...old, ...data, id });
  return { ...s, model: { ...s.model, nodes } };
}

/** A rejected relation leaves the canvas. */
export function dropEdge(s: AppState, source: string, type: string, target: string): AppState {
  const key = edgeKey({ source, type, target });
  const edges = new Map([...s.model.edges].filter(([, e]) => edgeKey(e) !== key));
  return edges.size === s.model.edges.size ? s : { ...s, model: { ...s.model, edges } };
}
