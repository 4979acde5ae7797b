/**
 * Wires the panels, the toolbar and the keyboard to the bridge (main.ts): every callback reads the current state
 * and hands the next one to `commit`. No state of its own.
 */
import type { NodeData } from '../../contract/api.ts';
import type { GraphView } from './graph/index.ts';
import * as S from './model/app-state.ts';
import { moreCount } from './model/graph-model.ts';
import { curationHost } from './curation-sync.ts';
import { ConnectPanel } from './ui/connect.ts';
import { CurationPanel } from './ui/curation.ts';
import { CypherConsole } from './ui/cypher-console.ts';
import { DetailsPanel } from './ui/details.ts';
import { DocumentView } from './ui/document-view.ts';
import { download } from './ui/dom.ts';
import { Legend } from './ui/legend.ts';
import { ContextMenu, Tooltip } from './ui/overlays.ts';
import type { ShellActions } from './ui/shell.ts';
import { IssueBrowser } from './ui/issue-browser.ts';
import { TimeFilter } from './ui/time-filter.ts';
import { WhatsNew } from './ui/whats-new.ts';
import { applyRange, connectFrom, openIssue, showTrends } from './time-and-issues.ts';

/** What the wiring (and restore.ts) drive: the bridge in main.ts. */
export interface Host {
  state: S.AppState;
  readonly view: GraphView;
  readonly panels: Panels;
  commit(next: S.AppState, opts?: { layout?: 'full' | 'incremental' | false; around?: string | null }): Promise<void>;
  busy<T>(work: () => Promise<T>): Promise<T | undefined>;
  toast(message: string, kind?: 'info' | 'error'): void;
  labelOf(id: string): string;
  place(node: NodeData): Promise<void>;
  focusEntity(id: string): Promise<void>;
  expand(id: string): Promise<void>;
  collapse(id: string): void;
  remove(id: string): void;
  select(id: string | null, center?: boolean): void;
  setLayout(name: string): Promise<void>;
  relayout(): Promise<void>;
  openTab(tab: S.Tab): void;
  toggleConsole(open?: boolean): void;
  share(): Promise<void>;
  quickStart(query: string): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  expandMany(ids: readonly string[]): Promise<void>;
  collapseMany(ids: readonly string[]): void;
  removeMany(ids: readonly string[]): void;
  pin(ids: readonly string[], on?: boolean): void;
}

export type Panels = ReturnType<typeof createPanels>;

const today = () => new Date().toISOString().slice(0, 10);

export function createPanels(app: Host) {
  const docView = new DocumentView((id) => void app.focusEntity(id), (id, title) => connectFrom(app, id, title));
  const curation = new CurationPanel(curationHost(app));
  const details = new DetailsPanel({
    expand: (id) => void app.expand(id),
    collapse: (id) => app.collapse(id),
    remove: (id) => app.remove(id),
    focus: (id) => void app.focusEntity(id),
    openDocument: (id, at) => void docView.open(id, at),
    isExpanded: (id) => app.state.model.expansions.has(id),
    moreCount: (id) => moreCount(app.state.model, id),
    labelOf: (id) => app.labelOf(id),
    curate: { entity: (d) => curation.entitySection(d), edge: (e) => curation.edgeSection(e) },
    range: () => app.state.range,
    connectFrom: (id, label) => connectFrom(app, id, label),
  });
  const console = new CypherConsole({
    showGraph: (res, query, params) => {
      void app.commit(S.cypherResult(app.state, res, query, params), { layout: res.graph.nodes.length ? 'full' : false });
      return res.graph.nodes.length;
    },
    stateChanged: () => {}, // the query is in the state already: showGraph committed it
  });
  const connect = new ConnectPanel({
    selectedNode: () => {
      const id = app.view.selectedIds()[0];
      return id ? { id, label: app.labelOf(id) } : null;
    },
    showPaths: (res) => {
      const { state, nodes, edges } = S.pathsResult(app.state, res);
      void app.commit(state, { layout: 'full' }).then(() => (app.view.markPath(nodes, edges), app.view.fit(nodes)));
      if (!res.paths.length) app.toast('No path between them within 4 hops');
    },
    focus: (id) => void app.focusEntity(id),
    openDocument: (id, at) => void docView.open(id, at),
    labelOf: (id) => app.labelOf(id),
    stateChanged: (pair) => void app.commit(S.setCompare(app.state, pair)),
    range: () => app.state.range,
  });
  const timeFilter = new TimeFilter((range) => void applyRange(app, range));
  const issues = new IssueBrowser({
    range: () => app.state.range,
    open: (id) => void openIssue(app, id),
    read: (id) => void docView.open(id),
    connectFrom: (id, label) => connectFrom(app, id, label),
  });
  const whatsNew = new WhatsNew({
    range: () => app.state.range,
    lastIssue: async () => (await timeFilter.load(), timeFilter.lastIssue()),
    focus: (id) => void app.focusEntity(id),
    openDocument: (id, at) => void docView.open(id, at),
    showOnCanvas: (res) => void showTrends(app, res),
  });
  const legend = new Legend((kind, type, visible) => void app.commit(S.toggleType(app.state, kind, type, visible)));
  const tooltip = new Tooltip((id) => app.labelOf(id), (id) => moreCount(app.state.model, id));
  return { docView, details, console, connect, legend, tooltip, menu: new ContextMenu(), curation, timeFilter, issues, whatsNew };
}

export function shellActions(app: Host): ShellActions {
  // Toolbar buttons act on every selected node (shift-click or shift-drag selects several).
  const selected = (run: (ids: string[]) => void) => () => {
    const ids = app.view.selectedIds();
    if (ids.length) run(ids);
    else app.toast('Select a node first');
  };
  return {
    setLayout: (name) => void app.setLayout(name),
    relayout: () => void app.relayout(),
    fit: () => app.view.fit(),
    zoomBy: (f) => app.view.zoomBy(f),
    edgeLabels: (on) => app.view.toggleEdgeLabels(on),
    expandSelected: selected((ids) => void app.expandMany(ids)),
    collapseSelected: selected((ids) => app.collapseMany(ids)),
    removeSelected: selected((ids) => app.removeMany(ids)),
    pinSelected: selected((ids) => app.pin(ids)),
    undo: () => void app.undo(),
    redo: () => void app.redo(),
    clearCanvas: () => void app.commit(S.clearCanvas(app.state)),
    toggleConsole: (open) => app.toggleConsole(open),
    appendResults: (on) => void app.commit(S.setAppend(app.state, on)),
    openTab: (tab) => app.openTab(tab),
    quickStart: (q) => void app.quickStart(q),
    exportPng: () => (app.view.cy.nodes().empty() ? app.toast('The canvas is empty') : download(`signalgraph-${today()}.png`, app.view.png())),
    exportJson: () =>
      download(`signalgraph-${today()}.json`, new Blob([JSON.stringify({ elements: app.view.json(), view: S.viewState(app.state) }, null, 2)], { type: 'application/json' })),
    share: () => void app.share(),
  };
}

/**
 * Canvas shortcuts, on every selected node: e expand · c collapse · p pin/unpin · Delete remove; f fit · l re-layout ·
 * Esc deselect · ` console. (Ctrl-Z / Ctrl-Shift-Z undo and redo: ui/keyboard.ts.)
 */
export function shortcutKeys(app: Host): Record<string, () => void> {
  const onSelected = (run: (ids: string[]) => void) => () => {
    const ids = app.view.selectedIds();
    if (ids.length) run(ids);
  };
  return {
    e: onSelected((ids) => void app.expandMany(ids)),
    c: onSelected((ids) => app.collapseMany(ids)),
    p: onSelected((ids) => app.pin(ids)),
    Delete: onSelected((ids) => app.removeMany(ids)),
    Backspace: onSelected((ids) => app.removeMany(ids)),
    f: () => app.view.fit(),
    l: () => void app.relayout(),
    Escape: () => app.select(null),
    '`': () => app.toggleConsole(),
  };
}
