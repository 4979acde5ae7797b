/** Layout options for the three layouts, each starting from the extension's documented defaults. */
import type cytoscape from 'cytoscape';
import { LAYOUT_NAMES, isLayoutName, type LayoutName } from '../model/url-state.ts';

/** Above this many nodes fcose runs in 'draft' quality (spectral only) and nothing animates. */
export const LARGE_GRAPH = 2000;

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

/** concentric defaults (Cytoscape core) — rings by degree. */
export const CONCENTRIC_DEFAULTS = {
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
export const DAGRE_DEFAULTS = {
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

/** The hierarchical layout for graphs above LARGE_GRAPH (dagre cannot rank them). */
export const BREADTHFIRST_LARGE = {
  name: 'breadthfirst',
  directed: true,
  circle: false,
  grid: false,
  spacingFactor: 0.9,
  avoidOverlap: false,
  nodeDimensionsIncludeLabels: false,
  animate: false,
  padding: 40,
  // Left to right, like dagre's rankDir LR.
  transform: (_node: cytoscape.NodeSingular, pos: cytoscape.Position) => ({ x: pos.y, y: pos.x }),
} as const;

export interface LayoutRequest {
  nodeCount: number;
  /** Keep current positions as the starting point (after an expansion). */
  incremental?: boolean;
  /** Turn animation off regardless of size (tests, benchmarks). */
  animate?: boolean;
  fit?: boolean;
}

export function layoutOptions(name: string, req: LayoutRequest): cytoscape.LayoutOptions {
  if (!isLayoutName(name)) throw new Error(`Unknown layout "${name}": expected one of ${LAYOUT_NAMES.join(', ')}`);
  if (!Number.isFinite(req.nodeCount) || req.nodeCount < 0) throw new Error(`layoutOptions: nodeCount must be >= 0, got ${req.nodeCount}`);
  const large = req.nodeCount > LARGE_GRAPH;
  const animate = req.animate ?? (!large && req.nodeCount > 1);
  const fit = req.fit ?? true;
  const byName: Record<LayoutName, () => object> = {
    fcose: () => ({
      ...FCOSE_DEFAULTS,
      quality: large ? 'draft' : 'default',
      randomize: !req.incremental,
      // Component packing needs cytoscape-layout-utilities (not used); tiling costs time on big graphs.
      packComponents: false,
      tile: !large,
      animate: animate && !large,
      fit,
      // Small graphs get room for their labels; big ones stay compact.
      nodeDimensionsIncludeLabels: req.nodeCount <= 300,
      idealEdgeLength: () => (req.nodeCount > 300 ? 60 : req.nodeCount > 60 ? 90 : 120),
      nodeRepulsion: () => (req.nodeCount > 300 ? 4500 : 12000),
    }),
    concentric: () => ({ ...CONCENTRIC_DEFAULTS, animate: animate && !large, fit, avoidOverlap: !large }),
    // dagre's recursive ranking overflows the stack on thousands of nodes: big graphs get Cytoscape's own
    // directed breadthfirst (also hierarchical, also left-to-right via transform) instead.
    dagre: () =>
      large
        ? { ...BREADTHFIRST_LARGE, fit }
        : { ...DAGRE_DEFAULTS, animate, fit },
  };
  return byName[name]() as cytoscape.LayoutOptions;
}
