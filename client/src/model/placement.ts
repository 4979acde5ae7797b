/**
 * Where the nodes an expansion brings go: on rings around their centre, in the free space only, so the nodes
 * already on the canvas stay exactly where they are and no box (node + label) overlaps another. Pure: boxes in,
 * positions out (the graph module measures the boxes and applies the positions).
 */

export interface Point {
  x: number;
  y: number;
}

/** A node's extent around its position (labels sit below nodes, so the box is not centred on it). */
export interface Extent {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A node already on the canvas: its position and its extent around it. */
export interface Placed extends Point {
  ext: Extent;
}

export interface PlacementOptions {
  /** Empty space kept between two boxes. */
  gap: number;
  /** Rings tried before giving up on free space (the remaining nodes then go on the outermost ring). */
  maxRings: number;
}

export const PLACEMENT_DEFAULTS: PlacementOptions = { gap: 10, maxRings: 60 };

interface Rect {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

const rectAt = (p: Point, e: Extent, pad: number): Rect => ({ x1: p.x + e.x1 - pad, y1: p.y + e.y1 - pad, x2: p.x + e.x2 + pad, y2: p.y + e.y2 + pad });
const overlaps = (a: Rect, b: Rect) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** A uniform grid over rectangles: which ones might touch a query rectangle. */
class Grid {
  private readonly cells = new Map<string, Rect[]>();
  constructor(private readonly size: number) {}
  private keys(r: Rect): string[] {
    const out: string[] = [];
    for (let i = Math.floor(r.x1 / this.size); i <= Math.floor(r.x2 / this.size); i++) {
      for (let j = Math.floor(r.y1 / this.size); j <= Math.floor(r.y2 / this.size); j++) out.push(`${i},${j}`);
    }
    return out;
  }
  add(r: Rect): void {
    for (const k of this.keys(r)) {
      const list = this.cells.get(k);
      if (list) list.push(r);
      else this.cells.set(k, [r]);
    }
  }
  hits(r: Rect): boolean {
    for (const k of this.keys(r)) for (const o of this.cells.get(k) ?? []) if (overlaps(r, o)) return true;
    return false;
  }
}

const angleGap = (a: number, b: number) => {
  const d = Math.abs(a - b) % (2 * Math.PI);
  return d > Math.PI ? 2 * Math.PI - d : d;
};

/**
 * Positions for `fresh` (their extents, in order: the strongest neighbour first) around `center`, avoiding every
 * box in `fixed` (which should include the centre node) and each other. The nodes fan out on the side away from
 * the rest of the graph, nearest ring first, so a second expansion grows outwards instead of over the first.
 */
export function placeAround(center: Point, fixed: readonly Placed[], fresh: readonly Extent[], options: Partial<PlacementOptions> = {}): Point[] {
  const o = { ...PLACEMENT_DEFAULTS, ...options };
  if (!Number.isFinite(center.x) || !Number.isFinite(center.y)) throw new Error(`placeAround: the centre must be finite, got ${JSON.stringify(center)}`);
  if (!(o.gap >= 0)) throw new Error(`placeAround: gap must be >= 0, got ${o.gap}`);
  if (!Number.isInteger(o.maxRings) || o.maxRings < 1) throw new Error(`placeAround: maxRings must be a positive integer, got ${o.maxRings}`);
  if (!fresh.length) return [];
  const width = (e: Extent) => e.x2 - e.x1;
  const height = (e: Extent) => e.y2 - e.y1;
  const maxW = Math.max(...fresh.map(width));
  const maxH = Math.max(...fresh.map(height));
  const grid = new Grid(Math.max(20, maxW, maxH));
  for (const f of fixed) grid.add(rectAt(f, f.ext, o.gap / 2));

  // Away from the rest of the graph: from the centroid of the other nodes through the centre.
  const others = fixed.filter((f) => Math.hypot(f.x - center.x, f.y - center.y) > 1);
  let away: number | null = null;
  if (others.length) {
    const cx = others.reduce((s, f) => s + f.x, 0) / others.length;
    const cy = others.reduce((s, f) => s + f.y, 0) / others.length;
    if (Math.hypot(center.x - cx, center.y - cy) > 1) away = Math.atan2(center.y - cy, center.x - cx);
  }
  const start = away ?? -Math.PI / 2;

  const out: Point[] = new Array<Point>(fresh.length);
  let next = 0;
  const ringStep = Math.max(maxH, maxW * 0.6) + o.gap;
  const r0 = ringStep;
  let lastRing: Point[] = [];
  for (let ring = 0; ring < o.maxRings && next < fresh.length; ring++) {
    const r = r0 + ring * ringStep;
    const slots = Math.max(6, Math.floor((2 * Math.PI * r) / (maxW * 0.5 + o.gap)));
    const candidates: { p: Point; a: number }[] = [];
    for (let k = 0; k < slots; k++) {
      const a = start + (2 * Math.PI * k) / slots;
      candidates.push({ p: { x: center.x + r * Math.cos(a), y: center.y + r * Math.sin(a) }, a });
    }
    candidates.sort((u, v) => angleGap(u.a, start) - angleGap(v.a, start));
    lastRing = candidates.map((c) => c.p);
    for (const c of candidates) {
      if (next >= fresh.length) break;
      const ext = fresh[next]!;
      const rect = rectAt(c.p, ext, o.gap / 2);
      if (grid.hits(rect)) continue;
      grid.add(rect);
      out[next++] = c.p;
    }
  }
  // No free space within maxRings (a very crowded canvas): the rest still get distinct spots on the last ring.
  for (let k = 0; next < fresh.length; k++) out[next++] = lastRing[k % lastRing.length]!;
  return out;
}
