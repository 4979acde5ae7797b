/**
 * The explorer's bridge: one state (model/app-state.ts), changed only by `commit(next)`, which mirrors what
 * `derive(next)` says onto the canvas, the legend, the panels and the URL. Handlers fetch, call a pure action for
 * the next state, and commit it.
 */
import './styles.css';
import './time-and-issues.css';
import type { GraphElements, NodeData } from '../../contract/api.ts';
import { api, ApiError } from './api.ts';
import { CanvasHistory, canvasChanged, type Snapshot } from './canvas-history.ts';
import { GraphView } from './graph/index.ts';
import * as S from './model/app-state.ts';
import { nextLimit, type ExpandFilter } from './model/graph-model.ts';
import { decodeViewState, encodeViewState, isLayoutName, type LayoutName, type ViewState } from './model/url-state.ts';
import { h } from './ui/dom.ts';
import { canvasMenuItems, relationChoices } from './ui/canvas-menu.ts';
import { escapeLeavesInput, undoKeys } from './ui/keyboard.ts';
import { targetMenu, type Target } from './ui/overlays.ts';
import { restoreFinish, restoreView } from './restore.ts';
import { createSearch } from './ui/search.ts';
import { buildShell, shortcut, type Shell } from './ui/shell.ts';
import { createPanels, shellActions, shortcutKeys, type Host } from './wiring.ts';
import { openIssue } from './time-and-issues.ts';

type LayoutRun = 'full' | 'incremental' | false;
const narrow = () => window.matchMedia('(max-width: 900px)').matches;

class App implements Host {
  state: S.AppState = S.initialState();
  /** While a shared URL is restored (from the start until restore() is done): no layouts and no URL writes. */
  private restoring = true;
  private busyCount = 0;
  /** Undo/redo of canvas actions: every commit that changes the canvas is a step (canvas-history.ts). */
  private readonly history = new CanvasHistory(this.state);
  /** Where the last context menu opened (the "Expand by relation" list opens there too). */
  private menuAt = { x: 0, y: 0 };
  readonly panels = createPanels(this);
  readonly shell: Shell;
  readonly view: GraphView;

  constructor(root: HTMLElement) {
    const p = this.panels;
    this.shell = buildShell(
      shellActions(this),
      {
        search: createSearch((hit) => void this.place(S.entityNode(hit)), { range: () => this.state.range, onDocument: (d) => void openIssue(this, d.id, { select: true }) }),
        legend: p.legend.el,
        console: p.console.el,
        overlays: [p.tooltip.el, p.menu.el],
        documentView: p.docView.el,
        timeFilter: p.timeFilter.el,
      },
    );
    root.replaceChildren(this.shell.root);
    this.view = new GraphView(this.shell.canvas, {
      onSelect: (t) => this.onSelect(t),
      onExpand: (id) => void this.expand(id),
      onContext: (t, pos) => this.onContext(t, pos),
      onHover: (t, pos) => p.tooltip.show(t, pos),
    });
    window.addEventListener('resize', () => this.view.resize());
    document.addEventListener('keydown', (e) => {
      escapeLeavesInput(e);
      if (!undoKeys(e, { undo: () => void this.undo(), redo: () => void this.redo() })) shortcut(e, !p.docView.el.hidden, shortcutKeys(this));
    });
    // The hover tooltip never outlives a click or a key press.
    for (const ev of ['pointerdown', 'keydown']) document.addEventListener(ev, () => this.panels.tooltip.show(null, { x: 0, y: 0 }), true);
    void this.commit(this.state);
    void p.timeFilter.load();
  }

  /** The one place the state changes: mirrors derive(next) onto the page, lays out if asked, writes the URL. */
  async commit(next: S.AppState, opts: { layout?: LayoutRun; around?: string | null; fromHistory?: boolean } = {}): Promise<void> {
    const prev = this.state;
    if (!this.restoring && !opts.fromHistory && canvasChanged(prev, next)) this.history.record(this.snapshot(), next);
    this.state = next;
    const d = S.derive(next);
    const added = this.view.sync(d.elements, { more: d.more, expanded: d.expanded, around: opts.around, locked: d.locked });
    this.panels.legend.render(d.legend);
    this.shell.status.textContent = d.status;
    this.shell.empty.hidden = !d.empty;
    this.shell.layoutSelect.value = next.layout;
    const body = this.shell.panelBody;
    const p = this.panels;
    const panel = { details: p.details.el, connect: p.connect.el, issues: p.issues.el, new: p.whatsNew.el, curation: p.curation.el }[next.tab];
    if (body.firstElementChild !== panel) body.replaceChildren(panel);
    this.shell.tabs.querySelectorAll('[role=tab]').forEach((b) => b.setAttribute('aria-selected', String(b.getAttribute('data-testid') === `tab-${next.tab}`)));
    if (prev.range !== next.range || prev === next) p.timeFilter.render(next.range);
    this.shell.drawer.hidden = !next.consoleOpen;
    this.shell.consoleButton.classList.toggle('on', next.consoleOpen);
    document.body.classList.toggle('console-open', next.consoleOpen);
    if (prev.consoleOpen !== next.consoleOpen) this.view.resize();
    // The selected node left the canvas (removed, collapsed, replaced, cleared): its details go too.
    if ((prev.focus && !next.model.nodes.has(prev.focus)) || (d.empty && prev.model.nodes.size > 0)) this.panels.details.empty();
    if (this.restoring) return;
    if (opts.layout === 'incremental' && added.length && this.view.cy.nodes().length - added.length > 1) {
      // New nodes go around the fixed old ones (graph/legible.ts): nothing already on the canvas moves.
      await this.view.placeNew(added, opts.around ?? null);
    } else if (opts.layout === 'full' || (opts.layout === 'incremental' && added.length)) {
      await this.view
        .runLayout(next.layout, { incremental: opts.layout === 'incremental' && next.layout === 'fcose', focus: next.focus })
        .catch((err: Error) => this.toast(err.message, 'error'));
    }
    if (this.state !== next) return; // a later commit wrote the URL
    const qs = encodeViewState(d.url);
    const url = `${location.pathname}${qs ? `?${qs}` : ''}`;
    if (url !== `${location.pathname}${location.search}`) history.replaceState(null, '', url);
  }

  private snapshot(): Snapshot {
    return { state: this.state, positions: this.view.positions() };
  }

  /** One canvas action back (Ctrl-Z): the state and the positions it was left with. */
  async undo(): Promise<void> {
    const snap = this.history.undo(this.snapshot());
    if (!snap) return this.toast('Nothing to undo');
    await this.commit(snap.state, { fromHistory: true });
    this.view.setPositions(snap.positions);
  }

  /** The undone action again (Ctrl-Shift-Z). */
  async redo(): Promise<void> {
    const snap = this.history.redo(this.snapshot());
    if (!snap) return this.toast('Nothing to redo');
    await this.commit(snap.state, { fromHistory: true });
    this.view.setPositions(snap.positions);
  }

  toast(message: string, kind: 'info' | 'error' = 'info'): void {
    // The same news twice (a range change re-running a comparison) is one toast.
    if ([...this.shell.toasts.children].some((c) => c.textContent === message)) return;
    const t = h('div', { class: `toast ${kind}`, role: kind === 'error' ? 'alert' : 'status', testid: 'toast' }, message);
    this.shell.toasts.append(t);
    setTimeout(() => t.remove(), kind === 'error' ? 6000 : 3000);
  }

  async busy<T>(work: () => Promise<T>): Promise<T | undefined> {
    this.busyCount++;
    this.shell.progress.hidden = false;
    try {
      return await work();
    } catch (err) {
      if ((err as Error).name !== 'AbortError') this.toast(err instanceof ApiError ? err.message : String(err), 'error');
      return undefined;
    } finally {
      if (--this.busyCount === 0) this.shell.progress.hidden = true;
    }
  }

  labelOf = (id: string): string => this.state.model.nodes.get(id)?.label ?? id;

  async quickStart(q: string) {
    await this.busy(async () => {
      const hit = (await api.search(q, { limit: 1 })).hits[0];
      if (!hit) return this.toast(`Nothing found for “${q}”`);
      await this.place(S.entityNode(hit));
      await this.expand(hit.id);
    });
  }

  /** Puts a node on the canvas (if needed), pins it, selects it and shows its details. */
  async place(node: NodeData) {
    const fresh = !this.state.model.nodes.has(node.id);
    const anchor = this.state.focus && this.state.model.nodes.has(this.state.focus) ? this.state.focus : null;
    const next = S.place(this.state, node);
    await this.commit(next, { around: anchor, layout: fresh && next.model.nodes.size > 1 ? 'incremental' : false });
    if (this.state.model.nodes.size === 1) this.view.fit();
    this.select(node.id, true);
  }

  /** Focuses an entity by id: places it (fetching its details if it is not on the canvas) and selects it. */
  async focusEntity(id: string): Promise<void> {
    if (this.state.model.nodes.has(id)) return this.select(id, true);
    await this.busy(async () => this.place(S.entityNode(await api.entity(id))));
  }

  select(id: string | null, center = false): void {
    this.view.select(id, { center });
    if (!id) this.onSelect(null);
  }

  private onSelect(t: Target | null) {
    this.view.markPath(null);
    void this.commit(S.select(this.state, t?.kind === 'node' ? t.data.id : null));
    if (!t) return this.panels.details.empty();
    void (t.kind === 'node' ? this.panels.details.showNode(t.data) : this.panels.details.showEdge(t.data));
    this.openTab('details');
    if (narrow()) document.body.classList.add('panel-open');
  }

  private onContext(t: Target, pos: { x: number; y: number }) {
    this.panels.tooltip.show(null, pos);
    this.menuAt = pos;
    const curate = this.panels.curation.menuItems(t, this.view.selectedIds()[0] ?? null);
    const base = targetMenu(t, this.state.model.expansions.get(t.data.id), {
      expand: (id) => void this.expand(id),
      collapse: (id) => this.collapse(id),
      remove: (id) => this.remove(id),
      details: (id) => this.select(id, true),
      connectFrom: (id) => (this.view.select(id), this.openTab('connect')),
      evidence: (id) => this.view.select(id),
    });
    if (t.kind === 'edge') return this.panels.menu.show([...base, ...curate], pos);
    const extra = canvasMenuItems(t.data.id, t.data.kind, this.view.selectedIds(), this.state.locked, {
      expand: (ids) => void this.expandMany(ids),
      collapse: (ids) => this.collapseMany(ids),
      remove: (ids) => this.removeMany(ids),
      pin: (ids, on) => this.pin(ids, on),
      expandBy: (id) => void this.expandByMenu(id),
    });
    this.panels.menu.show([...extra.before, ...base, ...extra.after, ...curate], pos);
  }

  /** The "Expand by relation" list: the entity's relation types and directions with their neighbour counts. */
  private async expandByMenu(id: string): Promise<void> {
    const d = await this.busy(() => api.entity(id));
    if (!d) return;
    const choices = relationChoices(d.relationCounts);
    if (!choices.length) return this.toast(`${this.labelOf(id)} has no relations`);
    this.panels.menu.show(
      choices.map((c, i) => ({ label: c.label, testid: `expand-by-${i}`, run: () => void this.expand(id, c.filter) })),
      this.menuAt,
    );
  }

  async expandMany(ids: readonly string[]): Promise<void> {
    for (const id of ids) if (this.state.model.nodes.get(id)?.kind === 'entity') await this.expand(id);
  }

  /** Collapses or removes several nodes as one step (one undo). */
  collapseMany(ids: readonly string[]): void {
    void this.commit(ids.reduce((s, id) => S.collapse(s, id), this.state));
  }
  removeMany(ids: readonly string[]): void {
    void this.commit(ids.reduce((s, id) => S.remove(s, id), this.state));
  }

  /** Pins nodes in place (on) or releases them; without `on`, pins unless all are pinned already. */
  pin(ids: readonly string[], on = !ids.every((id) => this.state.locked.has(id))): void {
    if (!ids.length) return this.toast('Select a node first');
    void this.commit(S.setLocked(this.state, ids, on));
  }

  /**
   * Fetches neighbours (bounded); a second call on an expanded node fetches more ("+N more"). `filter`: only
   * relations of these types / this direction (the "Expand by relation" menu); "+N more" keeps the last filter.
   */
  async expand(id: string, filter?: ExpandFilter): Promise<void> {
    const node = this.state.model.nodes.get(id);
    if (node && node.kind !== 'entity') return this.toast('Only entities can be expanded');
    const exp = this.state.model.expansions.get(id);
    const f = filter ?? exp?.filter;
    const continuing = exp && JSON.stringify(exp.filter ?? null) === JSON.stringify(f ?? null) ? exp : undefined;
    if (continuing && continuing.more === 0) return this.toast(`All ${continuing.total} neighbours of ${this.labelOf(id)}${f ? ' by that relation' : ''} are shown`);
    const limit = nextLimit(continuing);
    await this.busy(async () => {
      const filters = S.neighbourFilters(this.state);
      const res = await api.neighbors(id, { ...filters, ...(f?.relTypes ? { relTypes: f.relTypes } : {}), ...(f?.direction && f.direction !== 'both' ? { direction: f.direction } : {}), limit });
      const { state, dropped } = S.expanded(this.state, id, res, limit, f);
      if (dropped.length) this.toast(`Canvas limit ${S.MAX_NODES}: ${dropped.length} older leaf node(s) removed`);
      if (res.total === 0) this.toast(`${this.labelOf(id)} has no neighbours${filters.types || filters.relTypes ? ' under the current filters' : ''}`);
      await this.commit(state, { around: id, layout: 'incremental' });
      if (this.state.focus === id) void this.panels.details.showNode(this.state.model.nodes.get(id)!);
    });
  }

  collapse(id: string): void {
    void this.commit(S.collapse(this.state, id));
    const node = this.state.focus === id ? this.state.model.nodes.get(id) : undefined;
    if (node) void this.panels.details.showNode(node);
  }

  remove = (id: string): void => void this.commit(S.remove(this.state, id));

  async setLayout(name: string): Promise<void> {
    if (!isLayoutName(name)) return this.toast(`Unknown layout "${name}"`, 'error');
    await this.commit(S.setLayout(this.state, name));
    await this.relayout();
  }

  async relayout(): Promise<void> {
    await this.view.runLayout(this.state.layout, { focus: this.state.focus }).catch((err: Error) => this.toast(err.message, 'error'));
  }

  openTab(tab: S.Tab): void {
    void this.commit(S.openTab(this.state, tab));
    if (tab === 'curation') void this.panels.curation.refresh();
    if (tab === 'connect') void this.panels.connect.load();
    if (tab === 'issues') void this.panels.issues.load();
    if (tab === 'new') void this.panels.whatsNew.load();
    if (tab !== 'details' && narrow()) document.body.classList.add('panel-open');
  }

  toggleConsole(open = !this.state.consoleOpen): void {
    void this.commit(S.toggleConsole(this.state, open));
    if (open) {
      void this.panels.console.loadVocabulary();
      this.panels.console.focus();
    }
  }

  async share() {
    try {
      await navigator.clipboard.writeText(location.href);
      this.toast('Link to this view copied');
    } catch {
      this.toast('Copy the address bar to share this view');
    }
  }

  /** Restores a shared URL (restore.ts); from then on every commit writes the URL. */
  async restore(v: ViewState): Promise<void> {
    try {
      await restoreView(this, v);
    } finally {
      this.restoring = false;
    }
    await restoreFinish(this, v);
  }

  /** Automation and benchmarks: loads elements straight onto the canvas and lays them out; resolves when interactive. */
  async loadElements(elements: GraphElements, layout: LayoutName = this.state.layout): Promise<{ nodes: number; edges: number; syncMs: number; layoutMs: number; ms: number }> {
    const t0 = performance.now();
    await this.commit(S.loadElements(this.state, elements, layout));
    const syncMs = performance.now() - t0;
    const { ms: layoutMs } = await this.view.runLayout(layout, { animate: false });
    await new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
    return { nodes: this.view.cy.nodes().length, edges: this.view.cy.edges().length, syncMs, layoutMs, ms: performance.now() - t0 };
  }
}

declare global {
  interface Window {
    cy: import('cytoscape').Core;
    explorer: App;
  }
}

const app = new App(document.getElementById('app')!);
window.cy = app.view.cy;
window.explorer = app;
void app.restore(decodeViewState(location.search)).then(() => document.body.setAttribute('data-ready', 'true'));
