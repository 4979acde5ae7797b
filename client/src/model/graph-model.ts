/**
 * The explorer's graph model: what is on the canvas, independent of Cytoscape. Every function is pure and
 * returns a new model; the graph module (client/src/graph) mirrors `visibleElements(model, filters)` onto Cytoscape.
 */
import type { EdgeData, GraphElements, NodeData } from '../../../contract/api.ts';

export interface Expansion {
  /** Neighbours matching the filters in all (server's `total`). */
  total: number;
  /** Neighbours not fetched yet (server's `more`): the "+N more" badge. */
  more: number;
  /** The `limit` used for the last fetch; "more" re-fetches with a larger one. */
  limit: number;
  /** Nodes and edges this expansion put on the canvas (collapse takes exactly these away again). */
  added?: readonly string[];
  addedEdges?: readonly string[];
  /** Every neighbour and edge (edgeKey) it returned, new or not: another expansion's collapse keeps these. */
  returned?: readonly string[];
  returnedEdges?: readonly string[];
  /** Only relations of these types / this direction were asked for ("+N more" asks the same). */
  filter?: ExpandFilter;
}

/** An expansion by relation type and direction (the "Expand by relation" menu). */
export interface ExpandFilter {
  relTypes?: readonly string[];
  direction?: 'both' | 'out' | 'in';
}

export interface GraphModel {
  readonly nodes: ReadonlyMap<string, NodeData>;
  readonly edges: ReadonlyMap<string, EdgeData>;
  readonly expansions: ReadonlyMap<string, Expansion>;
  /** Nodes the user put on the canvas on purpose (search, console, paths): never dropped as orphans or by the bound. */
  readonly pinned: ReadonlySet<string>;
}

export interface Filters {
  /** Node types (entity types, 'Document', …) to hide. */
  hiddenTypes: ReadonlySet<string>;
  /** Edge types to hide. */
  hiddenRelTypes: ReadonlySet<string>;
}

const NO_FILTERS: Filters = { hiddenTypes: new Set(), hiddenRelTypes: new Set() };

export const emptyModel = (): GraphModel => ({ nodes: new Map(), edges: new Map(), expansions: new Map(), pinned: new Set() });

/** The identity of a relation regardless of which route produced its id. */
export const edgeKey = (e: Pick<EdgeData, 'source' | 'target' | 'type'>): string => `${e.source}\u0001${e.type}\u0001${e.target}`;

export interface MergeResult {
  model: GraphModel;
  addedNodes: string[];
  addedEdges: string[];
  /** Edges skipped because an endpoint is missing from both the model and the incoming nodes. */
  dangling: string[];
}

/**
 * Merges elements into the model without duplicates: a node already present keeps its position in the model and
 * gets the incoming data merged over it; an edge is a duplicate if its id or its (source, type, target) is known.
 */
export function mergeElements(model: GraphModel, elements: GraphElements, opts: { pin?: Iterable<string> } = {}): MergeResult {
  const nodes = new Map(model.nodes);
  const edges = new Map(model.edges);
  const addedNodes: string[] = [];
  const addedEdges: string[] = [];
  const dangling: string[] = [];
  for (const { data } of elements.nodes) {
    const old = nodes.get(data.id);
    if (old) nodes.set(data.id, { ...old, ...definedOnly(data) });
    else {
      nodes.set(data.id, { ...data });
      addedNodes.push(data.id);
    }
  }
  const keys = new Set([...edges.values()].map(edgeKey));
  for (const { data } of elements.edges) {
    if (!nodes.has(data.source) || !nodes.has(data.target)) {
      dangling.push(data.id);
      continue;
    }
    const old = edges.get(data.id);
    if (old) {
      edges.set(data.id, { ...old, ...definedOnly(data) });
      continue;
    }
    const key = edgeKey(data);
    if (keys.has(key)) continue;
    keys.add(key);
    edges.set(data.id, { ...data });
    addedEdges.push(data.id);
  }
  const pinned = new Set(model.pinned);
  for (const id of opts.pin ?? []) if (nodes.has(id)) pinned.add(id);
  return { model: { ...model, nodes, edges, pinned }, addedNodes, addedEdges, dangling };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function recordExpansion(model: GraphModel, id: string, exp: Expansion): GraphModel {
  if (!model.nodes.has(id)) throw new Error(`recordExpansion: node "${id}" is not in the model`);
  const expansions = new Map(model.expansions);
  expansions.set(id, { ...exp, more: Math.max(0, exp.more) });
  return { ...model, expansions };
}

/** "+N more" for a node: 0 when it was never expanded or everything is shown. */
export function moreCount(model: GraphModel, id: string): number {
  return model.expansions.get(id)?.more ?? 0;
}

/** The next `limit` for fetching more neighbours of an expanded node (bounded by the API's maximum). */
export function nextLimit(exp: Expansion | undefined, step = 25, max = 200, first = 15): number {
  if (!exp) return first;
  return Math.min(max, exp.limit + Math.max(step, Math.min(exp.more, step * 2)));
}

export function degree(model: GraphModel, id: string): number {
  let d = 0;
  for (const e of model.edges.values()) if (e.source === id || e.target === id) d++;
  return d;
}

function neighbours(model: GraphModel, id: string): Set<string> {
  const out = new Set<string>();
  for (const e of model.edges.values()) {
    if (e.source === id) out.add(e.target);
    else if (e.target === id) out.add(e.source);
  }
  out.delete(id);
  return out;
}

function without(model: GraphModel, ids: ReadonlySet<string>): GraphModel {
  if (ids.size === 0) return model;
  const nodes = new Map([...model.nodes].filter(([k]) => !ids.has(k)));
  const edges = new Map([...model.edges].filter(([, e]) => !ids.has(e.source) && !ids.has(e.target)));
  const expansions = new Map([...model.expansions].filter(([k]) => !ids.has(k)));
  const pinned = new Set([...model.pinned].filter((k) => !ids.has(k)));
  return { nodes, edges, expansions, pinned };
}

/**
 * Removes a node, its edges, and the neighbours that are left with no edge at all (orphaned leaves), unless
 * they were pinned or expanded by the user.
 */
export function removeNode(model: GraphModel, id: string): { model: GraphModel; removed: string[] } {
  if (!model.nodes.has(id)) return { model, removed: [] };
  const around = neighbours(model, id);
  let next = without(model, new Set([id]));
  const orphans = new Set([...around].filter((n) => degree(next, n) === 0 && !next.pinned.has(n) && !next.expansions.has(n)));
  next = without(next, orphans);
  return { model: next, removed: [id, ...orphans] };
}

/**
 * Collapses an expanded node, undoing exactly what its expansion added: the nodes and edges it put on the canvas go,
 * except nodes the user pinned or expanded since, and what another expansion also returned; nothing else changes.
 * The node stays, and forgets its expansion. (An expansion recorded without `added`, from older code, falls back to
 * removing the leaves that hang off the node alone.)
 */
export function collapseNode(model: GraphModel, id: string): { model: GraphModel; removed: string[] } {
  const exp = model.expansions.get(id);
  if (!model.nodes.has(id) || !exp) return { model, removed: [] };
  if (exp.added) {
    const covered = new Set<string>();
    const coveredEdges = new Set<string>();
    for (const [other, e] of model.expansions) {
      if (other === id) continue;
      covered.add(other);
      for (const n of e.returned ?? []) covered.add(n);
      for (const k of e.returnedEdges ?? []) coveredEdges.add(k);
    }
    const gone = new Set(exp.added.filter((n) => n !== id && model.nodes.has(n) && !model.pinned.has(n) && !model.expansions.has(n) && !covered.has(n)));
    let next = without(model, gone);
    const staleEdges = (exp.addedEdges ?? []).filter((eid) => {
      const e = next.edges.get(eid);
      return e && !coveredEdges.has(edgeKey(e));
    });
    if (staleEdges.length) {
      const edges = new Map(next.edges);
      for (const eid of staleEdges) edges.delete(eid);
      next = { ...next, edges };
    }
    const expansions = new Map(next.expansions);
    expansions.delete(id);
    return { model: { ...next, expansions }, removed: [...gone] };
  }
  const leaves = new Set(
    [...neighbours(model, id)].filter((n) => !model.pinned.has(n) && !model.expansions.has(n) && neighbours(model, n).size === 1),
  );
  const next = without(model, leaves);
  const expansions = new Map(next.expansions);
  expansions.delete(id);
  return { model: { ...next, expansions }, removed: [...leaves] };
}

/**
 * Keeps at most `maxNodes` nodes: drops unpinned, unexpanded nodes (not in `keep`), leaves first, oldest first,
 * together with their edges. Returns the model unchanged when already within bounds.
 */
export function boundModel(model: GraphModel, maxNodes: number, keep: Iterable<string> = []): { model: GraphModel; dropped: string[] } {
  if (!Number.isInteger(maxNodes) || maxNodes < 1) throw new Error(`boundModel: maxNodes must be a positive integer, got ${maxNodes}`);
  const excess = model.nodes.size - maxNodes;
  if (excess <= 0) return { model, dropped: [] };
  const protectedIds = new Set([...keep, ...model.pinned, ...model.expansions.keys()]);
  const deg = new Map<string, number>();
  for (const e of model.edges.values()) {
    deg.set(e.source, (deg.get(e.source) ?? 0) + 1);
    deg.set(e.target, (deg.get(e.target) ?? 0) + 1);
  }
  const order = [...model.nodes.keys()];
  const candidates = order
    .map((id, i) => ({ id, i, d: deg.get(id) ?? 0 }))
    .filter((c) => !protectedIds.has(c.id))
    .sort((a, b) => Math.min(a.d, 2) - Math.min(b.d, 2) || a.i - b.i);
  const dropped = new Set(candidates.slice(0, excess).map((c) => c.id));
  return { model: without(model, dropped), dropped: [...dropped] };
}

/** What the canvas should show under the filters: nodes of visible types, edges of visible types between them. */
export function visibleElements(model: GraphModel, filters: Filters = NO_FILTERS): GraphElements {
  const nodes = [...model.nodes.values()].filter((n) => !filters.hiddenTypes.has(n.type));
  const ids = new Set(nodes.map((n) => n.id));
  const edges = [...model.edges.values()].filter((e) => !filters.hiddenRelTypes.has(e.type) && ids.has(e.source) && ids.has(e.target));
  return { nodes: nodes.map((data) => ({ data })), edges: edges.map((data) => ({ data })) };
}

/** Counts per node type and edge type, for the legend. */
export function typeCounts(model: GraphModel): { nodes: Map<string, number>; edges: Map<string, number> } {
  const nodes = new Map<string, number>();
  const edges = new Map<string, number>();
  for (const n of model.nodes.values()) nodes.set(n.type, (nodes.get(n.type) ?? 0) + 1);
  for (const e of model.edges.values()) edges.set(e.type, (edges.get(e.type) ?? 0) + 1);
  return { nodes, edges };
}
