/** The explorer: wires the model, the API, the canvas and the panels together, and keeps the URL in sync. */
import './styles.css';
import type { CypherResponse, GraphElements, NodeData, PathsResponse, SearchHit } from '../../contract/api.ts';
import { ENTITY_REL_TYPES, ENTITY_TYPES } from '../../core/vocabulary.ts';
import { api, ApiError } from './api.ts';
import { GraphView } from './graph/index.ts';
import {
  boundModel,
  collapseNode,
  edgeKey,
  emptyModel,
  mergeElements,
  moreCount,
  nextLimit,
  recordExpansion,
  removeNode,
  typeCounts,
  visibleElements,
  type GraphModel,
} from './model/graph-model.ts';
import { decodeViewState, encodeViewState, isLayoutName, LAYOUT_NAMES, type LayoutName, type ViewState } from './model/url-state.ts';
import { ConnectPanel } from './ui/connect.ts';
import { CypherConsole } from './ui/cypher-console.ts';
import { DetailsPanel, type DocAnchor } from './ui/details.ts';
import { DocumentView } from './ui/document-view.ts';
import { download, h } from './ui/dom.ts';
import { Legend } from './ui/legend.ts';
import { ContextMenu, Tooltip, type Target } from './ui/overlays.ts';
import { createSearch } from './ui/search.ts';

/** The canvas keeps at most this many nodes from exploration (console results and benchmarks may exceed it). */
const MAX_NODES = 800;

type Tab = 'details' | 'connect';

class App {
  model: GraphModel = emptyModel();
  hiddenTypes = new Set<string>();
  hiddenRelTypes = new Set<string>();
  layout: LayoutName = 'fcose';
  focus: string | null = null;
  /** Nodes placed by the user (search, focus), in order: restored from the URL. */
  placed: string[] = [];
  query: string | null = null;
  params: string | null = null;
  compare: [string, string] | null = null;
  tab: Tab = 'details';
  consoleOpen = false;
  private restoring = false;
  private busyCount = 0;

  readonly view: GraphView;
  readonly details: DetailsPanel;
  readonly docView: DocumentView;
  readonly console: CypherConsole;
  readonly connect: ConnectPanel;
  readonly legend: Legend;
  readonly tooltip: Tooltip;
  readonly menu = new ContextMenu();
  private readonly els: Record<string, HTMLElement> = {};

  constructor(root: HTMLElement) {
    this.details = new DetailsPanel({
      expand: (id) => void this.expand(id),
      collapse: (id) => this.collapse(id),
      remove: (id) => this.remove(id),
      focus: (id) => void this.focusEntity(id),
      openDocument: (id, at) => void this.openDocument(id, at),
      isExpanded: (id) => this.model.expansions.has(id),
      moreCount: (id) => moreCount(this.model, id),
      labelOf: (id) => this.labelOf(id),
    });
    this.docView = new DocumentView((id) => void this.focusEntity(id));
    this.console = new CypherConsole({
      showGraph: (res, query, params) => this.showCypher(res, query, params),
      stateChanged: () => this.pushUrl(),
    });
    this.connect = new ConnectPanel({
      selectedNode: () => {
        const id = this.view.selectedIds()[0];
        return id ? { id, label: this.labelOf(id) } : null;
      },
      showPaths: (res) => this.showPaths(res),
      focus: (id) => void this.focusEntity(id),
      openDocument: (id, at) => void this.openDocument(id, at),
      labelOf: (id) => this.labelOf(id),
      stateChanged: (pair) => {
        this.compare = pair;
        this.pushUrl();
      },
    });
    this.legend = new Legend((kind, type, visible) => this.toggleType(kind, type, visible));
    this.tooltip = new Tooltip((id) => this.labelOf(id), (id) => moreCount(this.model, id));

    root.replaceChildren(this.layoutShell());
    this.view = new GraphView(this.els.canvas!, {
      onSelect: (t) => this.onSelect(t),
      onExpand: (id) => void this.expand(id),
      onContext: (t, pos) => this.onContext(t, pos),
      onHover: (t, pos) => this.tooltip.show(t, pos),
    });
    window.addEventListener('resize', () => this.view.resize());
    document.addEventListener('keydown', (e) => this.onKey(e));
    // The hover tooltip never outlives a click or a key press.
    document.addEventListener('pointerdown', () => this.tooltip.show(null, { x: 0, y: 0 }), true);
    document.addEventListener('keydown', () => this.tooltip.show(null, { x: 0, y: 0 }), true);
    this.renderAll();
  }

  // ---------- shell ----------
  private layoutShell(): HTMLElement {
    const layoutSel = h(
      'select',
      { testid: 'layout-select', 'aria-label': 'Layout', onchange: (e: Event) => void this.setLayout((e.target as HTMLSelectElement).value) },
      ...LAYOUT_NAMES.map((n) => h('option', { value: n }, { fcose: 'Force (fcose)', concentric: 'Concentric', dagre: 'Hierarchy (dagre)' }[n])),
    );
    this.els.layoutSel = layoutSel;
    const btn = (label: string, testid: string, title: string, run: () => void, cls = '') => h('button', { class: cls, testid, title, 'aria-label': title, onclick: run }, label);
    const consoleBtn = btn('⌘ Cypher', 'console-toggle', 'Cypher console (`)', () => this.toggleConsole());
    this.els.consoleBtn = consoleBtn;
    const topbar = h(
      'header',
      { class: 'topbar' },
      h('button', { class: 'icon only-narrow', title: 'Legend & filters', 'aria-label': 'Legend and filters', testid: 'legend-toggle', onclick: () => document.body.classList.toggle('legend-open') }, '☰'),
      h('div', { class: 'brand' }, h('span', { class: 'logo' }, '◈'), h('span', { class: 'brand-name' }, 'Signal', h('b', null, 'Graph'))),
      createSearch((hit) => void this.addFromSearch(hit)),
      h(
        'div',
        { class: 'toolbar' },
        layoutSel,
        btn('⟳', 'relayout', 'Re-run layout (l)', () => void this.relayout()),
        btn('⤢', 'fit', 'Fit to screen (f)', () => this.view.fit()),
        btn('⊕', 'expand-selected', 'Expand the selected node (e)', () => this.withSelection((id) => void this.expand(id))),
        btn('⊖', 'collapse-selected', 'Collapse the selected node (c)', () => this.withSelection((id) => this.collapse(id))),
        btn('✕', 'remove-selected', 'Remove the selected node (Delete)', () => this.withSelection((id) => this.remove(id))),
        btn('⌫', 'clear-canvas', 'Clear the canvas', () => this.clearCanvas()),
        h('span', { class: 'sep' }),
        consoleBtn,
        btn('⇄ Connect', 'connect-toggle', 'Connect two issues or nodes', () => this.openTab('connect')),
        h('span', { class: 'sep' }),
        btn('PNG', 'export-png', 'Export the canvas as PNG', () => this.exportPng()),
        btn('JSON', 'export-json', 'Export the elements as JSON', () => this.exportJson()),
        btn('Share', 'share', 'Copy a link to this view', () => void this.share()),
      ),
      h('button', { class: 'icon only-narrow', title: 'Panel', 'aria-label': 'Toggle the side panel', testid: 'panel-toggle', onclick: () => document.body.classList.toggle('panel-open') }, '▤'),
    );
    const canvas = h('div', { class: 'cy', testid: 'canvas', 'aria-label': 'Graph canvas' });
    this.els.canvas = canvas;
    const emptyState = h(
      'div',
      { class: 'canvas-empty', testid: 'canvas-empty' },
      h('h2', null, 'Explore what the newsletters say'),
      h('p', null, 'Search for a method, lab, person or benchmark — or start from one of these:'),
      h('div', { class: 'chips' }, ...['GRPO', 'NVIDIA', 'Nathan Lambert', 'Claude Code', 'AIME'].map((q) => h('button', { class: 'chip', onclick: () => void this.quickStart(q) }, q))),
      h(
        'div',
        { class: 'actions center' },
        h('button', { onclick: () => this.toggleConsole(true) }, 'Run an example Cypher query'),
        h('button', { onclick: () => this.openTab('connect') }, 'Connect two issues'),
      ),
    );
    this.els.empty = emptyState;
    const status = h('div', { class: 'status', testid: 'status' });
    this.els.status = status;
    const progress = h('div', { class: 'progress', hidden: true, testid: 'busy' });
    this.els.progress = progress;
    const toasts = h('div', { class: 'toasts', 'aria-live': 'polite' });
    this.els.toasts = toasts;
    const zoom = h(
      'div',
      { class: 'zoom' },
      h('button', { title: 'Zoom in', 'aria-label': 'Zoom in', onclick: () => this.view.zoomBy(1.25) }, '+'),
      h('button', { title: 'Zoom out', 'aria-label': 'Zoom out', onclick: () => this.view.zoomBy(0.8) }, '−'),
      h('label', { class: 'edge-labels', title: 'Show relation labels' }, h('input', { type: 'checkbox', testid: 'edge-labels', onchange: (e: Event) => this.view.toggleEdgeLabels((e.target as HTMLInputElement).checked) }), 'labels'),
    );
    const tabs = h(
      'div',
      { class: 'tabs', role: 'tablist' },
      h('button', { role: 'tab', testid: 'tab-details', onclick: () => this.openTab('details') }, 'Details'),
      h('button', { role: 'tab', testid: 'tab-connect', onclick: () => this.openTab('connect') }, 'Connect'),
      h('button', { class: 'icon only-narrow close-panel', title: 'Close panel', 'aria-label': 'Close panel', onclick: () => document.body.classList.remove('panel-open') }, '✕'),
    );
    this.els.tabs = tabs;
    const panelBody = h('div', { class: 'panel-body' });
    this.els.panelBody = panelBody;
    const consoleDrawer = h(
      'section',
      { class: 'drawer', hidden: true, testid: 'console-drawer', 'aria-label': 'Cypher console' },
      h('div', { class: 'drawer-head' }, h('b', null, 'Cypher console'), h('label', { class: 'muted' }, h('input', { type: 'checkbox', testid: 'console-append' }), ' add results to the canvas (instead of replacing it)'), h('button', { class: 'icon', title: 'Close console', 'aria-label': 'Close console', onclick: () => this.toggleConsole(false) }, '✕')),
      this.console.el,
    );
    this.els.drawer = consoleDrawer;
    return h(
      'div',
      { class: 'app' },
      topbar,
      progress,
      h(
        'main',
        { class: 'main' },
        h('aside', { class: 'left', 'aria-label': 'Legend and filters' }, this.legend.el),
        h('section', { class: 'stage' }, h('div', { class: 'canvas-wrap' }, canvas, emptyState, status, zoom, this.tooltip.el, this.menu.el, toasts), consoleDrawer),
        h('aside', { class: 'panel', 'aria-label': 'Details' }, tabs, panelBody),
      ),
      this.docView.el,
    );
  }

  /** Canvas shortcuts (outside inputs): e expand · c collapse · Delete remove · f fit · l re-layout · Esc deselect · ` console. */
  private onKey(e: KeyboardEvent) {
    const t = e.target as HTMLElement;
    if (e.ctrlKey || e.metaKey || e.altKey || /INPUT|TEXTAREA|SELECT/.test(t.tagName) || t.isContentEditable || !this.docView.el.hidden) return;
    const id = this.view.selectedIds()[0];
    const act: Record<string, () => void> = {
      e: () => id && void this.expand(id),
      c: () => id && this.collapse(id),
      Delete: () => id && this.remove(id),
      Backspace: () => id && this.remove(id),
      f: () => this.view.fit(),
      l: () => void this.relayout(),
      Escape: () => this.select(null),
      '`': () => this.toggleConsole(),
    };
    const run = act[e.key];
    if (run) {
      e.preventDefault();
      run();
    }
  }

  // ---------- helpers ----------
  toast(message: string, kind: 'info' | 'error' = 'info'): void {
    const t = h('div', { class: `toast ${kind}`, role: kind === 'error' ? 'alert' : 'status', testid: 'toast' }, message);
    this.els.toasts!.append(t);
    setTimeout(() => t.remove(), kind === 'error' ? 6000 : 3000);
  }

  private async busy<T>(work: () => Promise<T>): Promise<T | undefined> {
    this.busyCount++;
    this.els.progress!.hidden = false;
    try {
      return await work();
    } catch (err) {
      if ((err as Error).name !== 'AbortError') this.toast(err instanceof ApiError ? err.message : String(err), 'error');
      return undefined;
    } finally {
      if (--this.busyCount === 0) this.els.progress!.hidden = true;
    }
  }

  labelOf(id: string): string {
    return this.model.nodes.get(id)?.label ?? id;
  }

  private withSelection(run: (id: string) => void) {
    const id = this.view.selectedIds()[0];
    if (!id) return this.toast('Select a node first');
    run(id);
  }

  private visibleEntityTypes(): string[] | undefined {
    const hidden = ENTITY_TYPES.filter((t) => this.hiddenTypes.has(t));
    return hidden.length ? ENTITY_TYPES.filter((t) => !this.hiddenTypes.has(t)) : undefined;
  }
  private visibleRelTypes(): string[] | undefined {
    const all = ENTITY_REL_TYPES;
    const hidden = all.filter((t) => this.hiddenRelTypes.has(t));
    return hidden.length ? all.filter((t) => !this.hiddenRelTypes.has(t)) : undefined;
  }

  // ---------- rendering ----------
  /** Mirrors the model onto the canvas, updates legend/status/URL, and lays out if asked. */
  private async render(opts: { around?: string | null; layout?: 'full' | 'incremental' | false } = {}): Promise<void> {
    const els = visibleElements(this.model, { hiddenTypes: this.hiddenTypes, hiddenRelTypes: this.hiddenRelTypes });
    const more = new Map([...this.model.expansions].map(([k, v]) => [k, v.more]));
    const added = this.view.sync(els, { more, expanded: new Set(this.model.expansions.keys()), around: opts.around });
    this.renderAll();
    if (this.restoring) return;
    if (opts.layout === 'full' || (opts.layout === 'incremental' && added.length)) {
      await this.view.runLayout(this.layout, { incremental: opts.layout === 'incremental' && this.layout === 'fcose' }).catch((err: Error) => this.toast(err.message, 'error'));
    }
    this.pushUrl();
  }

  private renderAll() {
    const counts = typeCounts(this.model);
    this.legend.render({ hiddenTypes: this.hiddenTypes, hiddenRelTypes: this.hiddenRelTypes, counts });
    const cy = this.view?.cy;
    const n = cy ? cy.nodes().length : 0;
    const m = cy ? cy.edges().length : 0;
    const hiddenN = this.model.nodes.size - n;
    if (this.els.status) this.els.status.textContent = `${n} node${n === 1 ? '' : 's'} · ${m} edge${m === 1 ? '' : 's'}${hiddenN > 0 ? ` · ${hiddenN} hidden by filters` : ''}`;
    if (this.els.empty) this.els.empty.hidden = this.model.nodes.size > 0;
    (this.els.layoutSel as HTMLSelectElement | undefined)?.setAttribute('value', this.layout);
    if (this.els.layoutSel) (this.els.layoutSel as HTMLSelectElement).value = this.layout;
  }

  viewState(): ViewState {
    return {
      focus: this.focus && this.model.nodes.has(this.focus) ? this.focus : null,
      nodes: this.placed.filter((id) => this.model.nodes.has(id)),
      expanded: [...this.model.expansions.keys()],
      layout: this.layout,
      query: this.query,
      params: this.params,
      compare: this.compare,
      panel: this.consoleOpen ? 'console' : this.tab === 'connect' ? 'connect' : null,
      hiddenTypes: [...this.hiddenTypes],
      hiddenRelTypes: [...this.hiddenRelTypes],
    };
  }

  pushUrl(): void {
    if (this.restoring) return;
    const qs = encodeViewState(this.viewState());
    const url = `${location.pathname}${qs ? `?${qs}` : ''}`;
    if (url !== `${location.pathname}${location.search}`) history.replaceState(null, '', url);
  }

  // ---------- actions ----------
  private entityNode(d: { id: string; name: string; type: string; mentionCount: number }): NodeData {
    return { id: d.id, label: d.name, kind: 'entity', type: d.type, mentionCount: d.mentionCount };
  }

  async addFromSearch(hit: SearchHit): Promise<void> {
    await this.place(this.entityNode(hit));
  }

  private async quickStart(q: string) {
    await this.busy(async () => {
      const res = await api.search(q, { limit: 1 });
      const hit = res.hits[0];
      if (!hit) return this.toast(`Nothing found for “${q}”`);
      await this.place(this.entityNode(hit));
      await this.expand(hit.id);
    });
  }

  /** Puts a node on the canvas (if needed), pins it, selects it and shows its details. */
  private async place(node: NodeData) {
    const fresh = !this.model.nodes.has(node.id);
    this.model = mergeElements(this.model, { nodes: [{ data: node }], edges: [] }, { pin: [node.id] }).model;
    if (!this.placed.includes(node.id)) this.placed.push(node.id);
    if (this.hiddenTypes.has(node.type)) {
      this.hiddenTypes.delete(node.type);
    }
    const anchor = this.focus && this.model.nodes.has(this.focus) ? this.focus : null;
    await this.render({ around: anchor, layout: fresh && this.model.nodes.size > 1 ? 'incremental' : false });
    if (this.model.nodes.size === 1) this.view.fit();
    this.select(node.id, true);
  }

  /** Focuses an entity by id: places it (fetching its details if it is not on the canvas) and selects it. */
  async focusEntity(id: string): Promise<void> {
    const existing = this.model.nodes.get(id);
    if (existing) {
      this.select(id, true);
      return;
    }
    await this.busy(async () => {
      const d = await api.entity(id);
      await this.place(this.entityNode(d));
    });
  }

  select(id: string | null, center = false): void {
    this.view.select(id, { center });
    if (!id) this.onSelect(null);
  }

  private onSelect(t: Target | null) {
    this.view.markPath(null);
    if (!t) {
      this.focus = null;
      this.details.empty();
      this.pushUrl();
      return;
    }
    if (t.kind === 'node') {
      this.focus = t.data.id;
      void this.details.showNode(t.data);
    } else {
      this.focus = null;
      void this.details.showEdge(t.data);
    }
    this.openTab('details', false);
    if (window.matchMedia('(max-width: 900px)').matches) document.body.classList.add('panel-open');
    this.pushUrl();
  }

  private onContext(t: Target, pos: { x: number; y: number }) {
    this.tooltip.show(null, pos);
    if (t.kind === 'edge') {
      this.menu.show([{ label: 'Show evidence', testid: 'ctx-evidence', run: () => this.view.select(t.data.id) }], pos);
      return;
    }
    const id = t.data.id;
    const exp = this.model.expansions.get(id);
    const entity = t.data.kind === 'entity';
    this.menu.show(
      [
        { label: exp ? (exp.more ? `Expand: +${exp.more} more` : 'All neighbours shown') : 'Expand neighbours', testid: 'ctx-expand', run: () => void this.expand(id), disabled: !entity || (exp ? exp.more === 0 : false) },
        { label: 'Collapse', testid: 'ctx-collapse', run: () => this.collapse(id), disabled: !exp },
        { label: 'Remove', testid: 'ctx-remove', run: () => this.remove(id) },
        { label: 'Details & mentions', testid: 'ctx-details', run: () => this.select(id, true) },
        { label: 'Connect from here', testid: 'ctx-connect', run: () => (this.view.select(id), this.openTab('connect')) },
      ],
      pos,
    );
  }

  /** Fetches neighbours (bounded); a second call on an expanded node fetches more ("+N more"). */
  async expand(id: string): Promise<void> {
    const node = this.model.nodes.get(id);
    if (node && node.kind !== 'entity') return this.toast('Only entities can be expanded');
    const exp = this.model.expansions.get(id);
    if (exp && exp.more === 0) return this.toast(`All ${exp.total} neighbours of ${this.labelOf(id)} are shown`);
    const limit = nextLimit(exp);
    await this.busy(async () => {
      const res = await api.neighbors(id, { types: this.visibleEntityTypes(), relTypes: this.visibleRelTypes(), limit });
      let model = mergeElements(this.model, res.elements, { pin: [id] }).model;
      model = recordExpansion(model, id, { total: res.total, more: res.more, limit });
      const bounded = boundModel(model, Math.max(MAX_NODES, model.pinned.size + 1), [id]);
      this.model = bounded.model;
      if (bounded.dropped.length) this.toast(`Canvas limit ${MAX_NODES}: ${bounded.dropped.length} older leaf node(s) removed`);
      if (res.total === 0) this.toast(`${this.labelOf(id)} has no neighbours${this.visibleRelTypes() || this.visibleEntityTypes() ? ' under the current filters' : ''}`);
      await this.render({ around: id, layout: 'incremental' });
      if (this.focus === id) void this.details.showNode(this.model.nodes.get(id)!);
    });
  }

  collapse(id: string): void {
    const r = collapseNode(this.model, id);
    this.model = r.model;
    void this.render({ layout: false });
    if (this.focus === id && this.model.nodes.get(id)) void this.details.showNode(this.model.nodes.get(id)!);
  }

  remove(id: string): void {
    const r = removeNode(this.model, id);
    this.model = r.model;
    this.placed = this.placed.filter((x) => this.model.nodes.has(x));
    if (this.focus && !this.model.nodes.has(this.focus)) {
      this.focus = null;
      this.details.empty();
    }
    void this.render({ layout: false });
  }

  clearCanvas(): void {
    this.model = emptyModel();
    this.placed = [];
    this.focus = null;
    this.query = null;
    this.params = null;
    this.compare = null;
    this.details.empty();
    void this.render({ layout: false });
  }

  private toggleType(kind: 'node' | 'edge', type: string, visible: boolean) {
    const set = kind === 'node' ? this.hiddenTypes : this.hiddenRelTypes;
    if (visible) set.delete(type);
    else set.add(type);
    void this.render({ layout: false });
  }

  async setLayout(name: string): Promise<void> {
    if (!isLayoutName(name)) return this.toast(`Unknown layout "${name}"`, 'error');
    this.layout = name;
    this.pushUrl();
    await this.relayout();
  }

  async relayout(): Promise<void> {
    try {
      await this.view.runLayout(this.layout);
    } catch (err) {
      this.toast((err as Error).message, 'error');
    }
    this.pushUrl();
  }

  /** Console results: replace the canvas (or add to it), pin what came back, lay out. */
  private showCypher(res: CypherResponse, query: string, params: string): number {
    const append = (document.querySelector('[data-testid="console-append"]') as HTMLInputElement | null)?.checked;
    if (!res.graph.nodes.length) {
      this.query = query;
      this.params = params;
      return 0;
    }
    if (!append) {
      this.model = emptyModel();
      this.placed = [];
      this.compare = null;
    }
    this.query = query;
    this.params = params;
    this.model = mergeElements(this.model, res.graph, { pin: res.graph.nodes.map((n) => n.data.id) }).model;
    if (this.focus && !this.model.nodes.has(this.focus)) {
      this.focus = null;
      this.details.empty();
    }
    void this.render({ layout: 'full' });
    return res.graph.nodes.length;
  }

  private showPaths(res: PathsResponse) {
    this.model = mergeElements(this.model, res.elements, { pin: res.elements.nodes.map((n) => n.data.id) }).model;
    const onPath = new Set(res.paths.flatMap((p) => p.nodes));
    const keys = new Set(res.paths.flatMap((p) => p.steps.flatMap((s) => [edgeKey(s), edgeKey({ source: s.target, target: s.source, type: s.type })])));
    const edgeIds = [...this.model.edges.values()].filter((e) => keys.has(edgeKey(e))).map((e) => e.id);
    void this.render({ layout: 'full' }).then(() => {
      this.view.markPath([...onPath], edgeIds);
      this.view.fit([...onPath]);
    });
    if (!res.paths.length) this.toast('No path between them within 4 hops');
  }

  async openDocument(id: string, at?: DocAnchor): Promise<void> {
    await this.docView.open(id, at);
  }

  openTab(tab: Tab, push = true): void {
    this.tab = tab;
    const body = this.els.panelBody!;
    const want = tab === 'details' ? this.details.el : this.connect.el;
    if (body.firstElementChild !== want) body.replaceChildren(want);
    this.els.tabs!.querySelectorAll('[role=tab]').forEach((b, i) => b.setAttribute('aria-selected', String((i === 0) === (tab === 'details'))));
    if (tab === 'connect') {
      void this.connect.load();
      if (window.matchMedia('(max-width: 900px)').matches) document.body.classList.add('panel-open');
    }
    if (push) this.pushUrl();
  }

  toggleConsole(open = !this.consoleOpen): void {
    this.consoleOpen = open;
    this.els.drawer!.hidden = !open;
    this.els.consoleBtn!.classList.toggle('on', open);
    document.body.classList.toggle('console-open', open);
    this.view.resize();
    if (open) {
      void this.console.loadVocabulary();
      this.console.focus();
    }
    this.pushUrl();
  }

  private exportPng() {
    if (this.view.cy.nodes().empty()) return this.toast('The canvas is empty');
    download(`signalgraph-${new Date().toISOString().slice(0, 10)}.png`, this.view.png());
  }

  private exportJson() {
    const els = this.view.json();
    download(`signalgraph-${new Date().toISOString().slice(0, 10)}.json`, new Blob([JSON.stringify({ elements: els, view: this.viewState() }, null, 2)], { type: 'application/json' }));
  }

  private async share() {
    this.pushUrl();
    try {
      await navigator.clipboard.writeText(location.href);
      this.toast('Link to this view copied');
    } catch {
      this.toast('Copy the address bar to share this view');
    }
  }

  // ---------- URL restore ----------
  async restore(state: ViewState): Promise<void> {
    this.restoring = true;
    try {
      this.layout = state.layout;
      state.hiddenTypes.forEach((t) => this.hiddenTypes.add(t));
      state.hiddenRelTypes.forEach((t) => this.hiddenRelTypes.add(t));
      if (state.query) {
        this.console.setQuery(state.query, state.params ?? '{}');
        await this.console.run();
      }
      await this.busy(async () => {
        const details = await Promise.all(state.nodes.map((id) => api.entity(id).catch(() => null)));
        const nodes = details.filter((d): d is NonNullable<typeof d> => !!d).map((d) => ({ data: this.entityNode(d) }));
        this.model = mergeElements(this.model, { nodes, edges: [] }, { pin: nodes.map((n) => n.data.id) }).model;
        this.placed = nodes.map((n) => n.data.id);
        const missing = state.nodes.length - nodes.length;
        if (missing) this.toast(`${missing} node(s) from the link no longer exist`);
      });
      for (const id of state.expanded) {
        if (!this.model.nodes.has(id)) {
          const d = await api.entity(id).catch(() => null);
          if (!d) continue;
          this.model = mergeElements(this.model, { nodes: [{ data: this.entityNode(d) }], edges: [] }).model;
        }
        await this.expand(id);
      }
      if (state.compare) {
        this.openTab('connect', false);
        await this.connect.connect(state.compare[0], state.compare[1]);
      }
    } finally {
      this.restoring = false;
    }
    await this.render({ layout: 'full' });
    if (state.compare) {
      // Re-mark the path after the final layout.
      await this.connect.run();
    }
    if (state.focus && this.model.nodes.has(state.focus)) this.select(state.focus, true);
    if (state.panel === 'console') this.toggleConsole(true);
    else if (state.panel === 'connect') this.openTab('connect');
    this.pushUrl();
  }

  // ---------- automation / benchmark hooks ----------
  /** Loads elements straight onto the canvas and lays them out; resolves when the graph is interactive. */
  async loadElements(elements: GraphElements, layout: LayoutName = this.layout): Promise<{ nodes: number; edges: number; syncMs: number; layoutMs: number; ms: number }> {
    const t0 = performance.now();
    this.layout = layout;
    this.model = mergeElements(emptyModel(), elements).model;
    this.view.sync(visibleElements(this.model), {});
    this.renderAll();
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
app.openTab('details', false);
void app.restore(decodeViewState(location.search)).then(() => document.body.setAttribute('data-ready', 'true'));
