/**
 * The explorer's whole state in one immutable object, the actions that return the next state, and `derive`: what
 * the canvas shows, the legend and the URL, computed from a state and nothing else. Pure: no DOM, no Cytoscape,
 * no fetch (main.ts fetches, then hands the answer to an action and commits the result).
 */
import type { CypherResponse, DocumentGraphResponse, GraphElements, NodeData, PathsResponse } from '../../../contract/api.ts';
import { ENTITY_REL_TYPES, ENTITY_TYPES } from '../../../core/vocabulary.ts';
import {
  boundModel,
  collapseNode,
  edgeKey,
  emptyModel,
  mergeElements,
  recordExpansion,
  removeNode,
  typeCounts,
  type ExpandFilter,
  visibleElements,
  type GraphModel,
} from './graph-model.ts';
import { formatRange, normalizeRange, rangeQuery, type DateRange } from './time-range.ts';
import type { LayoutName, ViewState } from './url-state.ts';

/** The canvas keeps at most this many nodes from exploration (console results and benchmarks may exceed it). */
export const MAX_NODES = 800;

export type Tab = 'details' | 'connect' | 'issues' | 'new' | 'curation';

export interface AppState {
  readonly model: GraphModel;
  readonly hiddenTypes: ReadonlySet<string>;
  readonly hiddenRelTypes: ReadonlySet<string>;
  readonly layout: LayoutName;
  /** The selected node (null: nothing, or an edge, is selected). */
  readonly focus: string | null;
  /** Nodes placed by the user (search, focus), in order: restored from the URL. */
  readonly placed: readonly string[];
  /** The Cypher console's last query and its JSON parameters. */
  readonly query: string | null;
  readonly params: string | null;
  /** Two nodes (usually issues) being connected. */
  readonly compare: readonly [string, string] | null;
  readonly tab: Tab;
  readonly consoleOpen: boolean;
  /** Console results are added to the canvas instead of replacing it. */
  readonly appendResults: boolean;
  /** Nodes the user pinned in place: layouts leave them where they are. */
  readonly locked: ReadonlySet<string>;
  /** The time filter: what the canvas, search, details and paths show is limited to issues in it (null: all). */
  readonly range: DateRange | null;
  /** The issue opened from the issue browser (its graph is on the canvas). */
  readonly issue: string | null;
}

export const initialState = (): AppState => ({
  model: emptyModel(),
  hiddenTypes: new Set(),
  hiddenRelTypes: new Set(),
  layout: 'fcose',
  focus: null,
  placed: [],
  query: null,
  params: null,
  compare: null,
  tab: 'details',
  consoleOpen: false,
  appendResults: false,
  locked: new Set(),
  range: null,
  issue: null,
});

/** A search hit or entity detail as a canvas node. */
export const entityNode = (d: { id: string; name: string; type: string; mentionCount: number }): NodeData => ({
  id: d.id,
  label: d.name,
  kind: 'entity',
  type: d.type,
  mentionCount: d.mentionCount,
});

const withoutMissing = (s: AppState, model: GraphModel): AppState => ({
  ...s,
  model,
  placed: s.placed.filter((id) => model.nodes.has(id)),
  focus: s.focus && model.nodes.has(s.focus) ? s.focus : null,
  locked: [...s.locked].every((id) => model.nodes.has(id)) ? s.locked : new Set([...s.locked].filter((id) => model.nodes.has(id))),
});

// ---------- actions ----------

/** Puts a node on the canvas (pinned, remembered as placed) and makes its type visible. */
export function place(s: AppState, node: NodeData): AppState {
  const model = mergeElements(s.model, { nodes: [{ data: node }], edges: [] }, { pin: [node.id] }).model;
  const hiddenTypes = new Set(s.hiddenTypes);
  hiddenTypes.delete(node.type);
  return { ...s, model, hiddenTypes, placed: s.placed.includes(node.id) ? s.placed : [...s.placed, node.id] };
}

/** Nodes restored from a shared URL: pinned, and the placed list in the link's order. */
export function restoreNodes(s: AppState, nodes: NodeData[]): AppState {
  const model = mergeElements(s.model, { nodes: nodes.map((data) => ({ data })), edges: [] }, { pin: nodes.map((n) => n.id) }).model;
  return { ...s, model, placed: nodes.map((n) => n.id) };
}

/** A node needed before it can be expanded (an expansion from the URL whose node is not on the canvas). */
export function addNode(s: AppState, node: NodeData): AppState {
  return { ...s, model: mergeElements(s.model, { nodes: [{ data: node }], edges: [] }).model };
}

/** The type filters for fetching neighbours: undefined when nothing is hidden (the server's default: all). */
export function neighbourFilters(s: AppState): { types?: string[]; relTypes?: string[] } {
  const types = ENTITY_TYPES.some((t) => s.hiddenTypes.has(t)) ? ENTITY_TYPES.filter((t) => !s.hiddenTypes.has(t)) : undefined;
  const relTypes = ENTITY_REL_TYPES.some((t) => s.hiddenRelTypes.has(t)) ? ENTITY_REL_TYPES.filter((t) => !s.hiddenRelTypes.has(t)) : undefined;
  return { ...(types ? { types } : {}), ...(relTypes ? { relTypes } : {}), ...rangeQuery(s.range) };
}

/** Neighbours fetched for `id`: merged, the expansion recorded, and the canvas bounded (older leaves dropped). */
export function expanded(
  s: AppState,
  id: string,
  res: { elements: GraphElements; total: number; more: number },
  limit: number,
  filter?: ExpandFilter,
): { state: AppState; dropped: string[] } {
  const merged = mergeElements(s.model, res.elements, { pin: [id] });
  const prev = s.model.expansions.get(id);
  let model = merged.model;
  model = recordExpansion(model, id, {
    total: res.total,
    more: res.more,
    limit,
    // "+N more" and a second expansion by relation add to what the first one added: one collapse undoes them all.
    added: [...(prev?.added ?? []), ...merged.addedNodes],
    addedEdges: [...(prev?.addedEdges ?? []), ...merged.addedEdges],
    returned: [...new Set([...(prev?.returned ?? []), ...res.elements.nodes.map((n) => n.data.id).filter((n) => n !== id)])],
    returnedEdges: [...new Set([...(prev?.returnedEdges ?? []), ...res.elements.edges.map((e) => edgeKey(e.data))])],
    ...(filter ? { filter } : {}),
  });
  const bounded = boundModel(model, Math.max(MAX_NODES, model.pinned.size + 1), [id]);
  return { state: withoutMissing(s, bounded.model), dropped: bounded.dropped };
}

export const collapse = (s: AppState, id: string): AppState => withoutMissing(s, collapseNode(s.model, id).model);

export const remove = (s: AppState, id: string): AppState => withoutMissing(s, removeNode(s.model, id).model);

export const clearCanvas = (s: AppState): AppState => ({ ...s, model: emptyModel(), placed: [], focus: null, query: null, params: null, compare: null, locked: new Set(), issue: null });

/** Pins (on) or unpins nodes in place: layouts then leave them where they are. */
export function setLocked(s: AppState, ids: readonly string[], on: boolean): AppState {
  const locked = new Set(s.locked);
  for (const id of ids) if (on && s.model.nodes.has(id)) locked.add(id);
  else locked.delete(id);
  return { ...s, locked };
}

export function toggleType(s: AppState, kind: 'node' | 'edge', type: string, visible: boolean): AppState {
  const set = new Set(kind === 'node' ? s.hiddenTypes : s.hiddenRelTypes);
  if (visible) set.delete(type);
  else set.add(type);
  return kind === 'node' ? { ...s, hiddenTypes: set } : { ...s, hiddenRelTypes: set };
}

export const setLayout = (s: AppState, layout: LayoutName): AppState => ({ ...s, layout });
export const select = (s: AppState, focus: string | null): AppState => ({ ...s, focus });
export const openTab = (s: AppState, tab: Tab): AppState => ({ ...s, tab });
export const toggleConsole = (s: AppState, open = !s.consoleOpen): AppState => ({ ...s, consoleOpen: open });
export const setAppend = (s: AppState, appendResults: boolean): AppState => ({ ...s, appendResults });
export const setCompare = (s: AppState, compare: readonly [string, string] | null): AppState => ({ ...s, compare });

/** Console results: replace the canvas (or add to it) and pin what came back; an empty result keeps the canvas. */
export function cypherResult(s: AppState, res: CypherResponse, query: string, params: string): AppState {
  if (!res.graph.nodes.length) return { ...s, query, params };
  const base = s.appendResults ? s : { ...s, model: emptyModel(), placed: [], compare: null };
  const model = mergeElements(base.model, res.graph, { pin: res.graph.nodes.map((n) => n.data.id) }).model;
  return withoutMissing({ ...base, query, params }, model);
}

/** Paths between two ends: merged and pinned; returns what to highlight (nodes on a path, edges of its steps). */
export function pathsResult(s: AppState, res: PathsResponse): { state: AppState; nodes: string[]; edges: string[] } {
  const model = mergeElements(s.model, res.elements, { pin: res.elements.nodes.map((n) => n.data.id) }).model;
  const nodes = [...new Set(res.paths.flatMap((p) => p.nodes))];
  const keys = new Set(res.paths.flatMap((p) => p.steps.flatMap((st) => [edgeKey(st), edgeKey({ source: st.target, target: st.source, type: st.type })])));
  const edges = [...model.edges.values()].filter((e) => keys.has(edgeKey(e))).map((e) => e.id);
  return { state: { ...s, model }, nodes, edges };
}

// ---------- time filter, issues, what is new ----------

/** A new time filter. The canvas is rebuilt under it by rangeRebuild (its neighbours were fetched for the old one). */
export const setRange = (s: AppState, range: DateRange | null): AppState => ({ ...s, range: normalizeRange(range) });

/**
 * The canvas kept across a change of time filter: the pinned nodes (placed, expanded, from paths, the console),
 * without edges, neighbours or expansion records; `expand` lists what to fetch again, in the order it was expanded.
 */
export function rangeRebuild(s: AppState): { state: AppState; expand: string[] } {
  const expand = [...s.model.expansions.keys()];
  const keep = [...s.model.pinned].map((id) => s.model.nodes.get(id)).filter((n): n is NodeData => !!n);
  const model = mergeElements(emptyModel(), { nodes: keep.map((data) => ({ data })), edges: [] }, { pin: keep.map((n) => n.id) }).model;
  return { state: withoutMissing(s, model), expand };
}

/** Marks nodes with no mention in the time filter (they stay, faded) and updates the others' counts. */
export function markInRange(s: AppState, counts: ReadonlyMap<string, number>): AppState {
  const nodes = [...counts].filter(([id]) => s.model.nodes.has(id)).map(([id, n]) => ({ data: { ...s.model.nodes.get(id)!, mentionCount: n, outOfRange: n === 0 } }));
  return nodes.length ? { ...s, model: mergeElements(s.model, { nodes, edges: [] }).model } : s;
}

/** An issue opened from the browser: the canvas shows it and its entities (the issue pinned; nothing selected yet). */
export function showIssue(s: AppState, res: DocumentGraphResponse): AppState {
  const id = res.document.id;
  const model = mergeElements(emptyModel(), res.elements, { pin: [id] }).model;
  const hiddenTypes = new Set(s.hiddenTypes);
  hiddenTypes.delete('Document');
  return { ...s, model, hiddenTypes, placed: [], compare: null, query: null, params: null, issue: id, focus: null };
}

/** What is new, drawn: replaces the canvas, everything pinned (a later expansion adds around it). */
export function trendsResult(s: AppState, elements: GraphElements): AppState {
  const model = mergeElements(emptyModel(), elements, { pin: elements.nodes.map((n) => n.data.id) }).model;
  return withoutMissing({ ...s, model, placed: [], compare: null, query: null, params: null, issue: null }, model);
}

/** Elements loaded straight onto the canvas (automation, benchmarks). */
export const loadElements = (s: AppState, elements: GraphElements, layout: LayoutName): AppState => ({
  ...s,
  layout,
  model: mergeElements(emptyModel(), elements).model,
});

/** The start of a restore from the URL: layout and filters (the rest is fetched, then applied by the actions above). */
export const fromViewState = (s: AppState, v: ViewState): AppState => ({
  ...s,
  layout: v.layout,
  hiddenTypes: new Set([...s.hiddenTypes, ...v.hiddenTypes]),
  hiddenRelTypes: new Set([...s.hiddenRelTypes, ...v.hiddenRelTypes]),
  range: normalizeRange(v.range),
});

// ---------- derived ----------

export interface Derived {
  /** What the canvas shows: the model under the filters. */
  elements: GraphElements;
  more: Map<string, number>;
  expanded: Set<string>;
  legend: { hiddenTypes: ReadonlySet<string>; hiddenRelTypes: ReadonlySet<string>; counts: ReturnType<typeof typeCounts> };
  status: string;
  empty: boolean;
  /** The shareable view (url-state.ts encodes it into the address bar). */
  url: ViewState;
  /** Pinned nodes on the canvas. */
  locked: ReadonlySet<string>;
}

export function viewState(s: AppState): ViewState {
  return {
    focus: s.focus && s.model.nodes.has(s.focus) ? s.focus : null,
    nodes: s.placed.filter((id) => s.model.nodes.has(id)),
    expanded: [...s.model.expansions.keys()],
    layout: s.layout,
    query: s.query,
    params: s.params,
    compare: s.compare ? [s.compare[0], s.compare[1]] : null,
    panel: s.consoleOpen ? 'console' : s.tab !== 'details' ? s.tab : null,
    hiddenTypes: [...s.hiddenTypes],
    hiddenRelTypes: [...s.hiddenRelTypes],
    range: s.range,
    issue: s.issue && s.model.nodes.has(s.issue) ? s.issue : null,
  };
}

export function derive(s: AppState): Derived {
  const elements = visibleElements(s.model, { hiddenTypes: s.hiddenTypes, hiddenRelTypes: s.hiddenRelTypes });
  const n = elements.nodes.length;
  const m = elements.edges.length;
  const hidden = s.model.nodes.size - n;
  return {
    elements,
    more: new Map([...s.model.expansions].map(([k, v]) => [k, v.more])),
    expanded: new Set(s.model.expansions.keys()),
    legend: { hiddenTypes: s.hiddenTypes, hiddenRelTypes: s.hiddenRelTypes, counts: typeCounts(s.model) },
    status: `${n} node${n === 1 ? '' : 's'} · ${m} edge${m === 1 ? '' : 's'}${hidden > 0 ? ` · ${hidden} hidden by filters` : ''}${s.range ? ` · ${formatRange(s.range)}` : ''}`,
    empty: s.model.nodes.size === 0,
    url: viewState(s),
    locked: new Set([...s.locked].filter((id) => s.model.nodes.has(id))),
  };
}
