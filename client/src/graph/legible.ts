/**
 * The Cytoscape side of a legible canvas: measures node boxes (labels included) and hands them to the pure helpers
 * (model/placement.ts, legible-layouts.ts), then applies what they return. Concentric is centred on the focus,
 * hierarchy levels are wrapped and fitted no smaller than a readable zoom, fcose keeps pinned nodes, and an
 * expansion's new nodes go around fixed old ones.
 */
import type cytoscape from 'cytoscape';
import { placeAround, type Extent } from '../model/placement.ts';
import { columnCapacity, concentricRank, hopDistances, wrapLevels } from './legible-layouts.ts';

export type Positions = Map<string, { x: number; y: number }>;

/** Below this zoom an 11 px label is under ~9 px: the hierarchy is fitted no smaller, and panned to its start. */
export const READABLE_ZOOM = 0.8;
/** How long new nodes take to fan out from their centre. */
const PLACE_MS = 320;

/** What to do once a layout has stopped. */
export interface After {
  /** Wrap the hierarchy's levels into columns and fit no smaller than READABLE_ZOOM. */
  hierarchy?: true;
}

const extentOf = (n: cytoscape.NodeSingular): Extent => {
  const b = n.boundingBox({ includeLabels: true, includeOverlays: false } as cytoscape.BoundingBoxOptions);
  const p = n.position();
  return { x1: b.x1 - p.x, y1: b.y1 - p.y, x2: b.x2 - p.x, y2: b.y2 - p.y };
};

/** The node a layout centres on: the given focus if it is on the canvas, else the selected node, else the best connected. */
function focusNode(cy: cytoscape.Core, focus: string | null): cytoscape.NodeSingular | null {
  const f = focus ? cy.getElementById(focus) : null;
  if (f && f.nonempty() && f.isNode()) return f;
  const sel = cy.nodes(':selected');
  if (sel.nonempty()) return sel.first();
  let best: cytoscape.NodeSingular | null = null;
  cy.nodes().forEach((n) => {
    if (!best || n.degree(false) > best.degree(false)) best = n;
  });
  return best;
}

/**
 * Adjusts a layout's options (from layouts.ts) for legibility. Returns the options to run and what to do after.
 * Leaves unknown layouts (the big-graph fast* ones) alone.
 */
export function legibleOptions(cy: cytoscape.Core, options: cytoscape.LayoutOptions, ctx: { focus: string | null }): { options: cytoscape.LayoutOptions; after?: After } {
  const o = options as unknown as Record<string, unknown> & { name: string };
  const locked = cy.nodes(':locked');
  if (o.name === 'concentric') {
    const f = focusNode(cy, ctx.focus);
    if (!f) return { options };
    const ids = cy.nodes().map((n) => n.id());
    const edges = cy.edges().map((e) => ({ source: e.data('source') as string, target: e.data('target') as string }));
    const rank = concentricRank(hopDistances(f.id(), ids, edges));
    const p = f.position();
    const w = cy.width();
    const h = cy.height();
    return {
      options: {
        ...o,
        // One ring per hop from the focus, the focus alone in the middle, where it already is.
        concentric: (n: cytoscape.NodeSingular) => rank.get(n.id()) ?? 0,
        levelWidth: () => 1,
        nodeDimensionsIncludeLabels: true,
        boundingBox: { x1: p.x - w / 2, y1: p.y - h / 2, w, h },
      } as unknown as cytoscape.LayoutOptions,
    };
  }
  if (o.name === 'dagre') {
    // Positions first, then the wrap and the fit in one step (afterLegibleLayout): no animation to a fit that moves.
    return { options: { ...o, animate: false, fit: false } as unknown as cytoscape.LayoutOptions, after: { hierarchy: true } };
  }
  if (o.name === 'fcose' && locked.nonempty()) {
    const fixedNodeConstraint = locked.map((n) => ({ nodeId: n.id(), position: { ...n.position() } }));
    return { options: { ...o, fixedNodeConstraint } as unknown as cytoscape.LayoutOptions };
  }
  return { options };
}

/** The part of legibility that needs the finished layout: the hierarchy's wrap, fit and readable zoom. */
export function afterLegibleLayout(cy: cytoscape.Core, after: After, opts: { fit: boolean; padding: number; maxZoom: number }): void {
  if (!after.hierarchy) return;
  const nodes = cy.nodes();
  if (nodes.empty()) return;
  const boxes = nodes.map((n) => {
    const b = n.boundingBox({ includeLabels: true, includeOverlays: false } as cytoscape.BoundingBoxOptions);
    return { id: n.id(), x: n.position().x, y: n.position().y, w: b.w, h: b.h };
  });
  // wrapLevels stacks a column at its tallest box + the gap.
  const rowHeight = Math.max(...boxes.map((b) => b.h)) + 24;
  const wrapped = wrapLevels(boxes, { maxPerColumn: columnCapacity(cy.height() - 2 * opts.padding, rowHeight, READABLE_ZOOM), gap: 24 });
  cy.batch(() => nodes.forEach((n) => void n.position(wrapped.get(n.id()) ?? n.position())));
  if (!opts.fit) return;
  cy.fit(nodes, opts.padding);
  if (cy.zoom() > opts.maxZoom) {
    cy.zoom(opts.maxZoom);
    cy.center();
  }
  if (cy.zoom() >= READABLE_ZOOM) return;
  // Too big to read whole: readable zoom, the hierarchy's start (its roots, on the left) in view and its levels
  // (no taller than the view at this zoom, by the wrap) centred vertically; the rest is a pan to the right away.
  cy.zoom(READABLE_ZOOM);
  const bb = nodes.boundingBox({ includeLabels: true } as cytoscape.BoundingBoxOptions);
  cy.pan({ x: opts.padding - bb.x1 * READABLE_ZOOM, y: cy.height() / 2 - ((bb.y1 + bb.y2) / 2) * READABLE_ZOOM });
}

/**
 * Places freshly added nodes around `around` (or the middle of the view) in free space (placement.ts), animating
 * them out from the centre; when some land outside the view, the view fits the whole graph. Old nodes never move.
 */
export async function placeFresh(cy: cytoscape.Core, ids: readonly string[], around: string | null, opts: { animate: boolean; maxZoom: number }): Promise<void> {
  const freshIds = new Set(ids);
  const fresh = cy.nodes().filter((n) => freshIds.has(n.id()));
  if (fresh.empty()) return;
  const anchor = around && !freshIds.has(around) ? cy.getElementById(around) : null;
  const ext = cy.extent();
  const c = anchor && anchor.nonempty() ? { ...anchor.position() } : { x: (ext.x1 + ext.x2) / 2, y: (ext.y1 + ext.y2) / 2 };
  const fixed = cy.nodes().filter((n) => !freshIds.has(n.id())).map((n) => ({ ...(n as cytoscape.NodeSingular).position(), ext: extentOf(n as cytoscape.NodeSingular) }));
  const extents = fresh.map(extentOf);
  const targets = placeAround(c, fixed, extents);
  if (!opts.animate) {
    cy.batch(() => fresh.forEach((n, i) => void n.position(targets[i]!)));
  } else {
    cy.batch(() => fresh.forEach((n) => void n.position(c)));
    await Promise.all(fresh.map((n, i) => n.animation({ position: targets[i]!, duration: PLACE_MS, easing: 'ease-out-cubic' } as unknown as Parameters<cytoscape.NodeSingular['animation']>[0]).play().promise()));
  }
  const vb = cy.extent();
  const outside = targets.some((p, i) => {
    const e = extents[i]!;
    return p.x + e.x1 < vb.x1 || p.x + e.x2 > vb.x2 || p.y + e.y1 < vb.y1 || p.y + e.y2 > vb.y2;
  });
  if (outside) {
    cy.fit(cy.nodes(), 40);
    if (cy.zoom() > opts.maxZoom) {
      cy.zoom(opts.maxZoom);
      cy.center();
    }
  }
}
