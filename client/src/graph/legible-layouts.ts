/**
 * Pure helpers that keep the concentric and hierarchy layouts readable: rings by hop distance from the focus, and
 * hierarchy levels wrapped into several columns when one level is too tall to read at fit. Plain data in and out.
 */

/**
 * Hop distance from `focus` over `edges` (either direction) for every id in `ids`; ids it cannot reach get
 * `Infinity`. Throws when the focus is not among the ids.
 */
export function hopDistances(focus: string, ids: readonly string[], edges: readonly { source: string; target: string }[]): Map<string, number> {
  const dist = new Map<string, number>(ids.map((id) => [id, Infinity]));
  if (!dist.has(focus)) throw new Error(`hopDistances: the focus "${focus}" is not one of the ${ids.length} nodes`);
  const adj = new Map<string, string[]>();
  for (const e of edges) {
    if (!dist.has(e.source) || !dist.has(e.target)) continue;
    (adj.get(e.source) ?? adj.set(e.source, []).get(e.source)!).push(e.target);
    (adj.get(e.target) ?? adj.set(e.target, []).get(e.target)!).push(e.source);
  }
  dist.set(focus, 0);
  let frontier = [focus];
  for (let d = 1; frontier.length; d++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const n of adj.get(id) ?? []) {
        if (dist.get(n) !== Infinity) continue;
        dist.set(n, d);
        next.push(n);
      }
    }
    frontier = next;
  }
  return dist;
}

/**
 * The value Cytoscape's concentric layout sorts rings by (higher: nearer the centre): the focus alone in the
 * middle, then one ring per hop; unreachable nodes on the outermost ring.
 */
export function concentricRank(dist: ReadonlyMap<string, number>): Map<string, number> {
  const finite = [...dist.values()].filter(Number.isFinite);
  const outer = (finite.length ? Math.max(...finite) : 0) + 1;
  return new Map([...dist].map(([id, d]) => [id, outer - (Number.isFinite(d) ? d : outer)]));
}

export interface LayerNode {
  id: string;
  x: number;
  y: number;
  /** Box size including the label. */
  w: number;
  h: number;
}

export interface WrapOptions {
  /** At most this many nodes stacked in one column; a taller level is split into side-by-side columns. */
  maxPerColumn: number;
  /** Space between columns and between stacked boxes. */
  gap: number;
}

/**
 * Wraps the levels of a left-to-right hierarchy (nodes of one level share an x, as dagre places them): a level
 * with more than `maxPerColumn` nodes becomes ceil(n / maxPerColumn) columns, top to bottom then left to right in
 * the level's own order, centred on the hierarchy's middle line; so is a short level spread taller than such a column
 * (dagre aligns a level with its children). The levels after a wrapped one move right by the width it gained.
 * Returns the new position of every node.
 */
export function wrapLevels(nodes: readonly LayerNode[], options: WrapOptions): Map<string, { x: number; y: number }> {
  const { maxPerColumn, gap } = options;
  if (!Number.isInteger(maxPerColumn) || maxPerColumn < 1) throw new Error(`wrapLevels: maxPerColumn must be a positive integer, got ${maxPerColumn}`);
  if (!(gap >= 0)) throw new Error(`wrapLevels: gap must be >= 0, got ${gap}`);
  // Levels: nodes whose x is within a pixel of each other.
  const sorted = [...nodes].sort((a, b) => a.x - b.x || a.y - b.y);
  const levels: LayerNode[][] = [];
  for (const n of sorted) {
    const last = levels[levels.length - 1];
    if (last && Math.abs(last[0]!.x - n.x) <= 1) last.push(n);
    else levels.push([n]);
  }
  const out = new Map<string, { x: number; y: number }>();
  // Re-stacked levels share one middle line, so the whole hierarchy is as tall as its tallest column.
  const ys = nodes.map((n) => n.y);
  const midY = (Math.min(...ys) + Math.max(...ys)) / 2;
  let shift = 0;
  for (const level of levels) {
    level.sort((a, b) => a.y - b.y);
    const x0 = level[0]!.x + shift;
    const rowH = Math.max(...level.map((n) => n.h)) + gap;
    // A few nodes spread far apart (dagre aligns a level with its children) are as unreadable as a tall column.
    const spread = level[level.length - 1]!.y - level[0]!.y > maxPerColumn * rowH;
    if (level.length <= maxPerColumn && !spread) {
      for (const n of level) out.set(n.id, { x: x0, y: n.y });
      continue;
    }
    const colW = Math.max(...level.map((n) => n.w)) + gap;
    const cols = Math.ceil(level.length / maxPerColumn);
    const rows = Math.ceil(level.length / cols);
    const gained = (cols - 1) * colW;
    level.forEach((n, i) => {
      const col = Math.floor(i / rows);
      const row = i % rows;
      out.set(n.id, { x: x0 + col * colW, y: midY + (row - (rows - 1) / 2) * rowH });
    });
    shift += gained;
  }
  return out;
}

/** How many boxes of height `rowHeight` fit in a column of the canvas's height at a readable `zoom`. */
export function columnCapacity(canvasHeight: number, rowHeight: number, zoom: number): number {
  if (!(canvasHeight > 0) || !(rowHeight > 0) || !(zoom > 0)) throw new Error(`columnCapacity: sizes must be > 0, got ${canvasHeight}, ${rowHeight}, ${zoom}`);
  return Math.max(3, Math.floor(canvasHeight / zoom / rowHeight));
}
