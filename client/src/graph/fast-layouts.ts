/**
 * Cytoscape layouts for big graphs whose positions come from pure functions on plain arrays:
 * 'fastforce' (force-layout.ts), 'fastconcentric' and 'fastbreadthfirst' (ring-tree-layout.ts).
 * Positions are applied in one pass without a 'position' event per node, and the fit is computed on the nodes only.
 * Synchronous: 'layoutstop' is emitted before run() returns.
 */
import type cytoscape from 'cytoscape';
import { FORCE_DEFAULTS, forceLayout, type ForceOptions } from './force-layout.ts';
import { BREADTHFIRST_FAST_DEFAULTS, CONCENTRIC_FAST_DEFAULTS, breadthfirstLayout, concentricLayout, type BreadthfirstOptions, type ConcentricOptions } from './ring-tree-layout.ts';

interface Common {
  /** Set by Cytoscape: the instance and the elements to lay out. */
  cy: cytoscape.Core;
  eles: cytoscape.Collection;
  fit: boolean;
  padding: number;
  animate: false;
}
export type FastForceOptions = Common & ForceOptions & { name: 'fastforce'; /** Start from the current positions instead of a random placement. */ randomize: boolean };
export type FastConcentricOptions = Common & ConcentricOptions & { name: 'fastconcentric' };
export type FastBreadthfirstOptions = Common & BreadthfirstOptions & { name: 'fastbreadthfirst' };
type Options = FastForceOptions | FastConcentricOptions | FastBreadthfirstOptions;

/** Positions for `n` nodes and flat [source, target] index pairs; `current` gives the nodes' current positions. */
type Place = (o: Options, n: number, edges: number[], current: () => Float64Array) => Float64Array;

const PLACE: Record<Options['name'], Place> = {
  fastforce: (o, n, edges, current) => forceLayout(n, edges, { ...(o as FastForceOptions), initial: (o as FastForceOptions).randomize ? undefined : current() }),
  fastconcentric: (o, n, edges) => concentricLayout(n, edges, o as FastConcentricOptions),
  fastbreadthfirst: (o, n, edges) => breadthfirstLayout(n, edges, o as FastBreadthfirstOptions),
};
const DEFAULTS: Record<Options['name'], object> = {
  fastforce: { ...FORCE_DEFAULTS, randomize: true },
  fastconcentric: CONCENTRIC_FAST_DEFAULTS,
  fastbreadthfirst: BREADTHFIRST_FAST_DEFAULTS,
};

interface LayoutThis {
  options: Options;
  emit(e: { type: string; layout: unknown }): void;
}

function layoutClass(name: Options['name']) {
  function FastLayout(this: LayoutThis, options: Partial<Options> & { cy: cytoscape.Core; eles: cytoscape.Collection }) {
    this.options = { ...DEFAULTS[name], fit: true, padding: 40, ...options, name, animate: false } as Options;
  }
  FastLayout.prototype.run = function run(this: LayoutThis) {
    const o = this.options;
    const cy = o.cy;
    const nodes = o.eles.nodes();
    const index = new Map<string, number>();
    nodes.forEach((node, i) => {
      index.set(node.id(), i);
    });
    const pairs: number[] = [];
    o.eles.edges().forEach((e) => {
      const a = index.get(e.data('source') as string);
      const b = index.get(e.data('target') as string);
      if (a !== undefined && b !== undefined) pairs.push(a, b);
    });
    const current = () => {
      const xy = new Float64Array(nodes.length * 2);
      nodes.forEach((node, i) => {
        const p = node.position();
        xy[2 * i] = p.x;
        xy[2 * i + 1] = p.y;
      });
      return xy;
    };
    const pos = PLACE[name](o, nodes.length, pairs, current);
    const at = (node: cytoscape.NodeSingular) => {
      const i = index.get(node.id())!;
      return { x: pos[2 * i]!, y: pos[2 * i + 1]! };
    };
    this.emit({ type: 'layoutstart', layout: this });
    // Positions set silently (a 'position' event per node cost ~0.4 s on 5k nodes; nothing in the app listens to
    // them), then one notification for the renderer.
    (nodes as unknown as { silentPositions(f: typeof at): void }).silentPositions(at);
    (cy as unknown as { notify(event: string, eles: unknown): void }).notify('position', nodes);
    // The fit on the nodes only: edges lie between them, and their bounds are costly.
    if (o.fit) cy.fit(nodes, o.padding);
    this.emit({ type: 'layoutready', layout: this });
    this.emit({ type: 'layoutstop', layout: this });
    return this;
  };
  FastLayout.prototype.stop = function stop(this: LayoutThis) {
    return this;
  };
  return FastLayout;
}

/** Registers 'fastforce', 'fastconcentric' and 'fastbreadthfirst' on the given cytoscape function. */
export function registerFastLayouts(cytoscapeFn: typeof cytoscape): void {
  const register = cytoscapeFn as unknown as (type: string, name: string, ext: unknown) => void;
  for (const name of Object.keys(PLACE) as Options['name'][]) register('layout', name, layoutClass(name));
}
