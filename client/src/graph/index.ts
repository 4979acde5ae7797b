/**
 * The one module that talks to Cytoscape: registers the extensions once, owns the instance and its style,
 * mirrors the graph model onto it, and runs layouts. Everything else works with plain data.
 */
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import type { EdgeData, GraphElements, NodeData } from '../../../contract/api.ts';
import { RELATION_TYPES } from '../../../core/vocabulary.ts';
import { edgeLook, edgeWidth, nodeLook, nodeSize, shortLabel } from '../model/palette.ts';
import type { LayoutName } from '../model/url-state.ts';
import { registerFastLayouts } from './fast-layouts.ts';
import { LARGE_GRAPH, layoutOptions } from './layouts.ts';
import { legibleOptions, placeFresh, afterLegibleLayout, type Positions } from './legible.ts';
import { stylesheet } from './style.ts';
import { TIME_MARK_DEFAULTS } from './time-style.ts';

/** Canvas data for a node: the model's data plus precomputed size, label, colour and shape. */
function nodeCanvasData(d: NodeData, more: number) {
  const look = nodeLook(d.type);
  return { ...TIME_MARK_DEFAULTS, ...d, size: nodeSize(d.mentionCount), display: nodeDisplay(d, more), color: look.color, shape: look.shape };
}
const TYPED = new Set<string>(RELATION_TYPES);
function edgeCanvasData(d: EdgeData) {
  const look = edgeLook(d.type);
  const w = edgeWidth(d.weight);
  // `typed`: a stated relation (not a co-mention or a mention), the only edges whose type is written on the canvas.
  return { trend: null, ...d, w, wSel: w + 2, color: look.color, line: look.line, arrow: look.arrow ? 'triangle' : 'none', typed: TYPED.has(d.type) };
}
const CANVAS_FIELDS = ['size', 'display', 'color', 'shape', 'w', 'wSel', 'line', 'arrow', 'typed'];

/** The zoom a layout's fit may reach at most. */
const MAX_FIT_ZOOM = 1.4;

let registered = false;
/** Registers fcose, dagre and the big-graph layouts (fast-layouts.ts) with Cytoscape (idempotent). */
function registerExtensions(): void {
  if (registered) return;
  cytoscape.use(fcose);
  cytoscape.use(dagre);
  registerFastLayouts(cytoscape);
  registered = true;
}

export interface GraphEvents {
  onSelect?(target: { kind: 'node'; data: NodeData } | { kind: 'edge'; data: EdgeData } | null): void;
  onExpand?(id: string): void;
  onContext?(target: { kind: 'node'; data: NodeData } | { kind: 'edge'; data: EdgeData }, pos: { x: number; y: number }): void;
  onHover?(target: { kind: 'node'; data: NodeData } | { kind: 'edge'; data: EdgeData } | null, pos: { x: number; y: number }): void;
}

/** The renderer fields setLarge() changes (internal to Cytoscape's canvas renderer, read on every frame). */
interface RendererKnobs {
  hideEdgesOnViewport?: boolean;
  motionBlur?: boolean;
  forcedPixelRatio?: number | null;
}

const nodeDisplay = (d: NodeData, more: number) => `${shortLabel(d.label, d.kind === 'document' ? 24 : 28)}${more > 0 ? `\n+${more} more` : ''}`;

export class GraphView {
  readonly cy: cytoscape.Core;
  private running: cytoscape.Layouts | null = null;
  /** Whether the canvas is in big-graph mode (lean stylesheet, cheap renderer settings). */
  private large = false;
  /** Relation labels on typed edges (the "labels" toggle). */
  private edgeLabels = true;
  /** The last 'select' event's target, emitted once per burst (a box selection selects many at once). */
  private pendingSelect: cytoscape.SingularElementArgument | null = null;

  constructor(container: HTMLElement, private readonly events: GraphEvents = {}) {
    registerExtensions();
    this.cy = cytoscape({
      container,
      style: stylesheet(),
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: true,
      selectionType: 'single',
    });
    this.bindEvents();
  }

  private targetOf(ele: cytoscape.SingularElementArgument) {
    return ele.isNode() ? { kind: 'node' as const, data: ele.data() as NodeData } : { kind: 'edge' as const, data: ele.data() as EdgeData };
  }

  private bindEvents() {
    const cy = this.cy;
    cy.on('tap', (e) => {
      if (e.target === cy) this.events.onSelect?.(null);
    });
    cy.on('select', 'node, edge', (e) => {
      const first = this.pendingSelect === null;
      this.pendingSelect = e.target as cytoscape.SingularElementArgument;
      if (!first) return;
      setTimeout(() => {
        const t = this.pendingSelect;
        this.pendingSelect = null;
        if (t && t.inside() && t.selected()) this.events.onSelect?.(this.targetOf(t));
      }, 0);
    });
    // Cytoscape fires dbltap for two quick taps anywhere: only two on the same node, without a selection modifier
    // (shift-clicking nodes in turn builds a multi-selection), expand it.
    let prevTap: string | null = null;
    let lastTap: string | null = null;
    cy.on('tap', (e) => {
      prevTap = lastTap;
      lastTap = e.target === cy ? null : (e.target as cytoscape.SingularElementArgument).id();
    });
    cy.on('dbltap', 'node', (e) => {
      const id = (e.target as cytoscape.NodeSingular).id();
      const oe = e.originalEvent as MouseEvent | undefined;
      if (prevTap !== id || oe?.shiftKey || oe?.ctrlKey || oe?.metaKey) return;
      this.events.onExpand?.(id);
    });
    // A box selection is of nodes (what the selection actions act on): edges caught in it are let go.
    cy.on('boxselect', 'edge', (e) => void (e.target as cytoscape.EdgeSingular).unselect());
    cy.on('cxttap', 'node, edge', (e) => {
      const ele = e.target as cytoscape.SingularElementArgument;
      this.events.onContext?.(this.targetOf(ele), e.renderedPosition ?? { x: 0, y: 0 });
    });
    cy.on('mouseover', 'node, edge', (e) => {
      const ele = e.target as cytoscape.SingularElementArgument;
      if (ele.isNode()) ele.addClass('hover');
      this.events.onHover?.(this.targetOf(ele), e.renderedPosition ?? { x: 0, y: 0 });
    });
    cy.on('mousemove', 'node, edge', (e) => {
      this.events.onHover?.(this.targetOf(e.target as cytoscape.SingularElementArgument), e.renderedPosition ?? { x: 0, y: 0 });
    });
    cy.on('mouseout', 'node, edge', (e) => {
      (e.target as cytoscape.SingularElementArgument).removeClass('hover');
      this.events.onHover?.(null, { x: 0, y: 0 });
    });
    cy.on('viewport', () => this.events.onHover?.(null, { x: 0, y: 0 }));
  }

  /**
   * Makes the canvas show exactly `elements`: adds what is missing (new nodes placed around `around` if
   * given), removes what is gone, refreshes data. Returns the ids of added nodes.
   */
  sync(
    elements: GraphElements,
    opts: { more?: ReadonlyMap<string, number>; expanded?: ReadonlySet<string>; around?: string | null; locked?: ReadonlySet<string> } = {},
  ): string[] {
    const cy = this.cy;
    const want = new Set<string>([...elements.nodes.map((n) => n.data.id), ...elements.edges.map((e) => e.data.id)]);
    const added: string[] = [];
    const large = elements.nodes.length > LARGE_GRAPH;
    cy.batch(() => {
      const gone = cy.elements().filter((ele) => !want.has(ele.id()));
      if (gone.nonempty()) gone.remove();
      // Switch stylesheets after the removal (nothing restyled in vain) and before the additions.
      if (large !== this.large) this.setLarge(large);
      const center = opts.around ? cy.getElementById(opts.around) : null;
      const c = center && center.nonempty() ? center.position() : null;
      // hasElementWithId, not getElementById(…).empty(): the latter builds an empty collection per missing id
      // (20k of them on a first big load).
      const fresh = elements.nodes.filter((n) => !cy.hasElementWithId(n.data.id));
      const freshIds = new Set(fresh.map((n) => n.data.id));
      const nodeClasses = (id: string, more: number) =>
        [more > 0 ? 'has-more' : '', opts.expanded?.has(id) ? 'expanded' : '', opts.locked?.has(id) ? 'locked' : ''].filter(Boolean).join(' ');
      const r = 90 + fresh.length * 4;
      const addNodes: cytoscape.ElementDefinition[] = fresh.map((n, i) => {
        const more = opts.more?.get(n.data.id) ?? 0;
        const angle = (2 * Math.PI * i) / Math.max(1, fresh.length);
        added.push(n.data.id);
        return {
          group: 'nodes',
          data: nodeCanvasData(n.data, more),
          classes: nodeClasses(n.data.id, more),
          ...(c ? { position: { x: c.x + r * Math.cos(angle), y: c.y + r * Math.sin(angle) } } : {}),
        };
      });
      if (addNodes.length) cy.add(addNodes);
      for (const n of elements.nodes) {
        if (freshIds.has(n.data.id)) continue;
        const ele = cy.getElementById(n.data.id);
        const more = opts.more?.get(n.data.id) ?? 0;
        ele.data(nodeCanvasData(n.data, more));
        ele.classes(nodeClasses(n.data.id, more) + (ele.hasClass('path') ? ' path' : '') + (ele.hasClass('faded') ? ' faded' : ''));
      }
      // Pinned nodes are locked: Cytoscape then refuses every position change, so no layout moves them.
      for (const n of elements.nodes) {
        const ele = cy.getElementById(n.data.id);
        const lock = opts.locked?.has(n.data.id) ?? false;
        if (lock !== ele.locked()) {
          if (lock) ele.lock();
          else ele.unlock();
        }
      }
      const addEdges: cytoscape.ElementDefinition[] = [];
      for (const e of elements.edges) {
        if (!cy.hasElementWithId(e.data.id)) addEdges.push({ group: 'edges', data: edgeCanvasData(e.data), classes: this.edgeLabels ? 'labelled' : '' });
        else cy.getElementById(e.data.id).data(edgeCanvasData(e.data));
      }
      if (addEdges.length) cy.add(addEdges);
    });
    return added;
  }

  /**
   * Big-graph mode on/off: the lean stylesheet (style.ts) and cheaper rendering — edges hidden while the viewport
   * moves, device pixel ratio 1 (a quarter of the pixels on HiDPI screens), no motion blur. Renderer options are
   * fixed at construction in Cytoscape's API, so they are set live on the renderer.
   */
  private setLarge(large: boolean) {
    this.large = large;
    const cy = this.cy;
    cy.style(stylesheet({ large }));
    const r = (cy as unknown as { renderer(): RendererKnobs | undefined }).renderer();
    if (!r) return;
    r.hideEdgesOnViewport = large;
    r.motionBlur = false;
    const ratio = large ? 1 : null;
    if (r.forcedPixelRatio !== ratio) {
      r.forcedPixelRatio = ratio;
      cy.resize();
    }
  }

  /** Runs a layout over the whole graph; resolves when it has stopped. Throws on an unknown layout name. */
  runLayout(name: LayoutName | string, opts: { incremental?: boolean; animate?: boolean; fit?: boolean; focus?: string | null } = {}): Promise<{ ms: number }> {
    const { focus, ...req } = opts;
    const base = layoutOptions(name, { nodeCount: this.cy.nodes().length, edgeCount: this.cy.edges().length, ...req });
    // Concentric centred on the focus, hierarchy levels wrapped, pinned nodes kept by fcose (legible.ts).
    const legible = this.large ? null : legibleOptions(this.cy, base, { focus: focus ?? null });
    const options = legible?.options ?? base;
    this.running?.stop();
    const started = performance.now();
    if (this.cy.nodes().empty()) return Promise.resolve({ ms: 0 });
    // Big graphs: Cytoscape's own layouts fit on all elements, edges included (their bounds cost ~0.3 s on 15k
    // edges); edges lie between nodes, so the fit is done here on the nodes only (the fast* layouts do so themselves).
    const o = options as { name: string; fit?: boolean; padding?: number };
    const fitNodes = this.large && o.fit !== false && !o.name.startsWith('fast');
    const layout = this.cy.layout(fitNodes ? ({ ...options, fit: false } as cytoscape.LayoutOptions) : options);
    this.running = layout;
    return new Promise((resolve, reject) => {
      layout.one('layoutstop', () => {
        if (this.running === layout) this.running = null;
        if (fitNodes) this.cy.fit(this.cy.nodes(), o.padding ?? 40);
        if (legible?.after) afterLegibleLayout(this.cy, legible.after, { fit: req.fit !== false, padding: o.padding ?? 40, maxZoom: MAX_FIT_ZOOM });
        // A fit on a handful of nodes zooms in absurdly: cap it.
        if ((options as { fit?: boolean }).fit !== false && this.cy.zoom() > MAX_FIT_ZOOM) {
          this.cy.zoom(MAX_FIT_ZOOM);
          this.cy.center();
        }
        resolve({ ms: performance.now() - started });
      });
      try {
        layout.run();
      } catch (err) {
        if (this.running === layout) this.running = null;
        reject(new Error(`Layout "${name}" failed on ${this.cy.nodes().length} nodes: ${(err as Error).message}`));
      }
    });
  }

  /**
   * Places nodes just added by sync() around `around` (or the middle of the view) in free space: every other node
   * stays where it is (placement.ts). Animates them out from the centre; resolves when they are there.
   */
  placeNew(ids: readonly string[], around: string | null): Promise<void> {
    return placeFresh(this.cy, ids, around, { animate: !this.large, maxZoom: MAX_FIT_ZOOM });
  }

  /** Every node's position (undo/redo keeps them with the state). */
  positions(): Positions {
    const out: Positions = new Map();
    this.cy.nodes().forEach((n) => {
      const p = n.position();
      out.set(n.id(), { x: p.x, y: p.y });
    });
    return out;
  }

  /** Puts nodes back where `positions` says (pinned ones too); the others stay. */
  setPositions(positions: Positions): void {
    const cy = this.cy;
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        const p = positions.get(n.id());
        if (!p) return;
        const locked = n.locked();
        if (locked) n.unlock();
        n.position(p);
        if (locked) n.lock();
      });
    });
  }

  select(id: string | null, opts: { center?: boolean } = {}): void {
    this.cy.elements(':selected').unselect();
    if (!id) return;
    const ele = this.cy.getElementById(id);
    if (ele.empty()) return;
    ele.select();
    if (opts.center) {
      // Pan only when the element is (partly) out of view; never zoom the user's view away.
      const bb = ele.renderedBoundingBox({});
      const out = bb.x1 < 0 || bb.y1 < 0 || bb.x2 > this.cy.width() || bb.y2 > this.cy.height();
      if (out) this.cy.animate({ center: { eles: ele } }, { duration: 300 });
    }
  }

  selectedIds(): string[] {
    return this.cy.nodes(':selected').map((n) => n.id());
  }

  /** Marks a path: its nodes and edges highlighted, everything else faded. Pass null to clear. */
  markPath(nodeIds: readonly string[] | null, edgeIds: readonly string[] = []): void {
    const cy = this.cy;
    cy.batch(() => {
      cy.elements().removeClass('path faded');
      if (!nodeIds) return;
      const byIds = (ids: readonly string[]) => ids.reduce((acc, id) => acc.union(cy.getElementById(id)), cy.collection());
      const nodes = byIds(nodeIds);
      const edges = byIds(edgeIds);
      cy.elements().not(nodes).not(edges).addClass('faded');
      nodes.addClass('path');
      edges.addClass('path');
    });
  }

  fit(ids?: readonly string[]): void {
    if (ids && ids.length) this.cy.animate({ fit: { eles: ids.reduce((acc, id) => acc.union(this.cy.getElementById(id)), this.cy.collection()), padding: 60 } }, { duration: 300 });
    else this.cy.fit(undefined, 40);
  }

  zoomBy(factor: number): void {
    const cy = this.cy;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }

  /** Relation labels on or off; only typed relations ever show one (never co-mentions or mentions). */
  toggleEdgeLabels(on: boolean): void {
    this.edgeLabels = on;
    this.cy.edges().toggleClass('labelled', on);
  }

  png(): Blob {
    return this.cy.png({ output: 'blob', full: true, bg: '#0f141b', scale: 2, maxWidth: 4000, maxHeight: 4000 }) as unknown as Blob;
  }

  json(): GraphElements {
    const strip = <T extends object>(d: T) => Object.fromEntries(Object.entries(d).filter(([k]) => !CANVAS_FIELDS.includes(k)));
    return {
      nodes: this.cy.nodes().map((n) => ({ data: strip(n.data() as NodeData), position: n.position() })),
      edges: this.cy.edges().map((e) => ({ data: strip(e.data() as EdgeData) })),
    } as unknown as GraphElements;
  }

  resize(): void {
    this.cy.resize();
  }
}
