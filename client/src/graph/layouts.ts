/** Layout options for the three layouts, each starting from the extension's documented defaults. */
import type cytoscape from 'cytoscape';
import { LAYOUT_NAMES, isLayoutName, type LayoutName } from '../model/url-state.ts';
import { FORCE_DEFAULTS } from './force-layout.ts';
import { BREADTHFIRST_FAST_DEFAULTS, CONCENTRIC_FAST_DEFAULTS } from './ring-tree-layout.ts';

/**
 * Above this many nodes the canvas is in big-graph mode: the lean stylesheet, nothing animates, and the layouts
 * are computed on plain arrays (fast-layouts.ts): 'fastforce' for fcose (already above FCOSE_MAX_NODES),
 * 'fastconcentric' for concentric, 'fastbreadthfirst' for dagre (already above DAGRE_MAX_NODES / DAGRE_MAX_EDGES).
 */
export const LARGE_GRAPH = 2000;

/**
 * dagre (network-simplex ranking, crossing minimisation) grows much faster than linearly, mostly with the edges:
 * in headless Chromium 300 nodes / 350 edges took 0.7 s, 100 / 300 1.4 s, 150 / 450 4.1 s, 300 / 900 16 s and
 * 1,000 / 3,000 over 12 minutes. Above either bound 'dagre' is 'fastbreadthfirst'.
 */
export const DAGRE_MAX_NODES = 400;

/**
 * fcose's default quality (spectral + CoSE iterations) took ~6.4 s on 1,000 nodes / 3,000 edges; above this many
 * nodes 'fcose' is 'fastforce' (force-layout.ts, ~0.1 s there).
 */
export const FCOSE_MAX_NODES = 500;
export const DAGRE_MAX_EDGES = 400;

/** fcose defaults (cytoscape-fcose README) with the explorer's choices. */
export const FCOSE_DEFAULTS = {
  name: 'fcose',
  quality: 'default',
  randomize: true,
  animate: true,
  animationDuration: 450,
  fit: true,
  padding: 40,
  nodeDimensionsIncludeLabels: false,
  uniformNodeDimensions: false,
  packComponents: true,
  samplingType: true,
  sampleSize: 25,
  nodeSeparation: 75,
  nodeRepulsion: () => 6500,
  idealEdgeLength: () => 80,
  edgeElasticity: () => 0.45,
  nestingFactor: 0.1,
  numIter: 2500,
  tile: true,
  gravity: 0.25,
  gravityRange: 3.8,
  initialEnergyOnIncremental: 0.3,
} as const;

/**
 * The force layout above FCOSE_MAX_NODES ('fcose' in the UI): force-layout.ts (Barnes–Hut Fruchterman–Reingold per
 * component, components packed). fcose's draft mode took ~2 s of Cytoscape collection work on 5k nodes; this
 * takes ~0.3 s. Defaults are FORCE_DEFAULTS.
 */
const FAST_FORCE_DEFAULTS = {
  name: 'fastforce',
  ...FORCE_DEFAULTS,
  randomize: true,
  fit: true,
  padding: 40,
  animate: false,
} as const;

/** concentric defaults (Cytoscape core) — rings by degree. */
const CONCENTRIC_DEFAULTS = {
  name: 'concentric',
  fit: true,
  padding: 40,
  startAngle: (3 / 2) * Math.PI,
  clockwise: true,
  equidistant: false,
  minNodeSpacing: 12,
  avoidOverlap: true,
  nodeDimensionsIncludeLabels: false,
  concentric: (node: cytoscape.NodeSingular) => node.degree(false),
  levelWidth: (nodes: cytoscape.NodeCollection) => Math.max(1, nodes.maxDegree(false) / 4),
  animate: false,
  animationDuration: 400,
} as const;

/** dagre defaults (cytoscape-dagre README), left-to-right for method lineages. */
const DAGRE_DEFAULTS = {
  name: 'dagre',
  nodeSep: 24,
  edgeSep: 10,
  rankSep: 90,
  rankDir: 'LR',
  ranker: 'network-simplex',
  fit: true,
  padding: 40,
  animate: false,
  animationDuration: 400,
  nodeDimensionsIncludeLabels: true,
} as const;

/** concentric above LARGE_GRAPH: rings by degree (ring-tree-layout.ts), same look as CONCENTRIC_DEFAULTS. */
const CONCENTRIC_LARGE = {
  name: 'fastconcentric',
  ...CONCENTRIC_FAST_DEFAULTS,
  minNodeSpacing: CONCENTRIC_DEFAULTS.minNodeSpacing,
  fit: true,
  padding: 40,
  animate: false,
} as const;

/** The hierarchical layout above DAGRE_MAX_NODES / DAGRE_MAX_EDGES: directed breadth-first levels, left to right like dagre's rankDir LR. */
const BREADTHFIRST_LARGE = {
  name: 'fastbreadthfirst',
  ...BREADTHFIRST_FAST_DEFAULTS,
  fit: true,
  padding: 40,
  animate: false,
} as const;

export interface LayoutRequest {
  nodeCount: number;
  /** Edges in the graph (default 0): bounds dagre. */
  edgeCount?: number;
  /** Keep current positions as the starting point (after an expansion). */
  incremental?: boolean;
  /** Turn animation off regardless of size (tests, benchmarks). */
  animate?: boolean;
  fit?: boolean;
}

export function layoutOptions(name: string, req: LayoutRequest): cytoscape.LayoutOptions {
  if (!isLayoutName(name)) throw new Error(`Unknown layout "${name}": expected one of ${LAYOUT_NAMES.join(', ')}`);
  if (!Number.isFinite(req.nodeCount) || req.nodeCount < 0) throw new Error(`layoutOptions: nodeCount must be >= 0, got ${req.nodeCount}`);
  const edgeCount = req.edgeCount ?? 0;
  if (!Number.isFinite(edgeCount) || edgeCount < 0) throw new Error(`layoutOptions: edgeCount must be >= 0, got ${req.edgeCount}`);
  const large = req.nodeCount > LARGE_GRAPH;
  const animate = req.animate ?? (!large && req.nodeCount > 1);
  const fit = req.fit ?? true;
  const byName: Record<LayoutName, () => object> = {
    fcose: () =>
      req.nodeCount > FCOSE_MAX_NODES
        ? { ...FAST_FORCE_DEFAULTS, randomize: !req.incremental, fit }
        : {
            ...FCOSE_DEFAULTS,
            randomize: !req.incremental,
            // Component packing needs cytoscape-layout-utilities (not used).
            packComponents: false,
            animate,
            fit,
            // Small graphs get room for their labels; bigger ones stay compact.
            nodeDimensionsIncludeLabels: req.nodeCount <= 300,
            idealEdgeLength: () => (req.nodeCount > 300 ? 60 : req.nodeCount > 60 ? 90 : 120),
            nodeRepulsion: () => (req.nodeCount > 300 ? 4500 : 12000),
          },
    concentric: () => (large ? { ...CONCENTRIC_LARGE, fit } : { ...CONCENTRIC_DEFAULTS, animate, fit }),
    dagre: () =>
      req.nodeCount > DAGRE_MAX_NODES || edgeCount > DAGRE_MAX_EDGES ? { ...BREADTHFIRST_LARGE, fit } : { ...DAGRE_DEFAULTS, animate, fit },
  };
  return byName[name]() as cytoscape.LayoutOptions;
}
