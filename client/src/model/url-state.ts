/** The shareable view in the URL's query string: encode/decode round-trip, unknown values dropped. */
import { normalizeRange, type DateRange } from './time-range.ts';

export const LAYOUT_NAMES = ['fcose', 'concentric', 'dagre'] as const;
export type LayoutName = (typeof LAYOUT_NAMES)[number];
export const isLayoutName = (s: unknown): s is LayoutName => typeof s === 'string' && (LAYOUT_NAMES as readonly string[]).includes(s);

const PANELS = ['details', 'console', 'connect', 'issues', 'new', 'curation'] as const;
export type PanelName = (typeof PANELS)[number];

export interface ViewState {
  /** The selected node. */
  focus: string | null;
  /** Nodes placed on the canvas on purpose (search hits, focused entities). */
  nodes: string[];
  /** Nodes whose neighbours were expanded. */
  expanded: string[];
  layout: LayoutName;
  /** The Cypher console's query and its JSON parameters, re-run on load. */
  query: string | null;
  params: string | null;
  /** Two nodes (usually issues) being connected. */
  compare: [string, string] | null;
  panel: PanelName | null;
  hiddenTypes: string[];
  hiddenRelTypes: string[];
  /** The time filter (`from`, `to`: YYYY-MM-DD). */
  range: DateRange | null;
  /** The issue opened from the issue browser. */
  issue: string | null;
}

export const defaultViewState = (): ViewState => ({
  focus: null,
  nodes: [],
  expanded: [],
  layout: 'fcose',
  query: null,
  params: null,
  compare: null,
  panel: null,
  hiddenTypes: [],
  hiddenRelTypes: [],
  range: null,
  issue: null,
});

/** Keeps URLs shareable: lists are bounded and strings cut. */
export const URL_LIMITS = { listItems: 60, idLength: 300, queryLength: 4000 } as const;

const list = (xs: string[]) => [...new Set(xs.filter((x) => x.length > 0 && x.length <= URL_LIMITS.idLength))].slice(0, URL_LIMITS.listItems);
/** Lists are joined with a separator that ids ("Method:grpo", hashes) never contain. */
const SEP = '~';

export function encodeViewState(state: ViewState): string {
  const p = new URLSearchParams();
  if (state.focus) p.set('focus', state.focus);
  if (state.nodes.length) p.set('nodes', list(state.nodes).join(SEP));
  if (state.expanded.length) p.set('expand', list(state.expanded).join(SEP));
  if (state.layout !== 'fcose') p.set('layout', state.layout);
  if (state.query) p.set('q', state.query.slice(0, URL_LIMITS.queryLength));
  if (state.query && state.params && state.params.trim() && state.params.trim() !== '{}') p.set('params', state.params);
  if (state.compare) p.set('compare', state.compare.join(SEP));
  if (state.panel) p.set('panel', state.panel);
  if (state.hiddenTypes.length) p.set('hide', list(state.hiddenTypes).join(SEP));
  if (state.hiddenRelTypes.length) p.set('hideRel', list(state.hiddenRelTypes).join(SEP));
  const range = normalizeRange(state.range);
  if (range?.from) p.set('from', range.from);
  if (range?.to) p.set('to', range.to);
  if (state.issue && state.issue.length <= URL_LIMITS.idLength) p.set('issue', state.issue);
  return p.toString();
}

export function decodeViewState(search: string): ViewState {
  const p = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const s = defaultViewState();
  const split = (k: string) => list((p.get(k) ?? '').split(SEP));
  const focus = p.get('focus');
  if (focus && focus.length <= URL_LIMITS.idLength) s.focus = focus;
  s.nodes = split('nodes');
  s.expanded = split('expand');
  const layout = p.get('layout');
  if (isLayoutName(layout)) s.layout = layout;
  const q = p.get('q');
  if (q && q.trim()) {
    s.query = q.slice(0, URL_LIMITS.queryLength);
    const params = p.get('params');
    if (params) s.params = params;
  }
  const compare = split('compare');
  if (compare.length === 2) s.compare = [compare[0]!, compare[1]!];
  const panel = p.get('panel');
  if (panel && (PANELS as readonly string[]).includes(panel)) s.panel = panel as PanelName;
  s.hiddenTypes = split('hide');
  s.hiddenRelTypes = split('hideRel');
  s.range = normalizeRange({ from: p.get('from') ?? undefined, to: p.get('to') ?? undefined });
  const issue = p.get('issue');
  if (issue && issue.length <= URL_LIMITS.idLength) s.issue = issue;
  return s;
}
