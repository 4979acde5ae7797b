/**
 * A fast force-directed layout for big graphs, on plain arrays (no Cytoscape): Fruchterman–Reingold forces with
 * Barnes–Hut repulsion, run per connected component, then the components packed in rows (largest first).
 *
 * Used instead of fcose above LARGE_GRAPH nodes: fcose's draft mode spends most of its time in Cytoscape collection
 * operations (component search, neighbourhoods), seconds on 5k nodes; this runs in a fraction of that. Pure and
 * deterministic for a seed.
 */

export interface ForceOptions {
  /** Ideal edge length (px): FR's k. */
  idealEdgeLength: number;
  /** Force iterations per component. */
  iterations: number;
  /** Barnes–Hut opening angle: larger is faster and coarser. */
  theta: number;
  /** Pull towards the component's centre, relative to the repulsion. */
  gravity: number;
  /** Space between packed components (px). */
  componentGap: number;
  /** PRNG seed for the initial placement. */
  seed: number;
  /** Start from these positions ([x0, y0, x1, y1, …]) with a low temperature instead of a random placement. */
  initial?: ArrayLike<number>;
}

export const FORCE_DEFAULTS: ForceOptions = {
  idealEdgeLength: 60,
  iterations: 50,
  theta: 1.2,
  gravity: 0.05,
  componentGap: 60,
  seed: 1,
};

/** Connected components of an undirected graph: a component index per node, components numbered from 0. */
export function components(n: number, edges: ArrayLike<number>): { of: Int32Array; count: number } {
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (a: number): number => {
    while (parent[a] !== a) {
      parent[a] = parent[parent[a]!]!;
      a = parent[a]!;
    }
    return a;
  };
  for (let e = 0; e + 1 < edges.length; e += 2) {
    const a = find(edges[e]!);
    const b = find(edges[e + 1]!);
    if (a !== b) parent[a < b ? b : a] = a < b ? a : b;
  }
  const of = new Int32Array(n).fill(-1);
  const index = new Int32Array(n).fill(-1);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const r = find(i);
    if (index[r] === -1) index[r] = count++;
    of[i] = index[r]!;
  }
  return { of, count };
}

/** A Barnes–Hut quadtree over flat arrays, rebuilt every iteration. */
class QuadTree {
  // Per cell: bounds (centre, half size), mass, centre of mass, first child (-1 for a leaf), the point in a leaf (-1: empty).
  private cx: Float64Array;
  private cy: Float64Array;
  private half: Float64Array;
  private mass: Float64Array;
  private mx: Float64Array;
  private my: Float64Array;
  private child: Int32Array;
  private point: Int32Array;
  private used = 0;

  constructor(capacity: number) {
    const cap = Math.max(16, capacity * 4 + 16);
    this.cx = new Float64Array(cap);
    this.cy = new Float64Array(cap);
    this.half = new Float64Array(cap);
    this.mass = new Float64Array(cap);
    this.mx = new Float64Array(cap);
    this.my = new Float64Array(cap);
    this.child = new Int32Array(cap);
    this.point = new Int32Array(cap);
  }

  private grow() {
    const cap = this.cx.length * 2;
    const g = <T extends Float64Array | Int32Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(cap);
      b.set(a);
      return b;
    };
    this.cx = g(this.cx);
    this.cy = g(this.cy);
    this.half = g(this.half);
    this.mass = g(this.mass);
    this.mx = g(this.mx);
    this.my = g(this.my);
    this.child = g(this.child);
    this.point = g(this.point);
  }

  private cell(cx: number, cy: number, half: number): number {
    if (this.used + 1 > this.cx.length) this.grow();
    const c = this.used++;
    this.cx[c] = cx;
    this.cy[c] = cy;
    this.half[c] = half;
    this.mass[c] = 0;
    this.mx[c] = 0;
    this.my[c] = 0;
    this.child[c] = -1;
    this.point[c] = -1;
    return c;
  }

  build(members: Int32Array, x: Float64Array, y: Float64Array): void {
    let x1 = Infinity;
    let y1 = Infinity;
    let x2 = -Infinity;
    let y2 = -Infinity;
    for (const i of members) {
      if (x[i]! < x1) x1 = x[i]!;
      if (x[i]! > x2) x2 = x[i]!;
      if (y[i]! < y1) y1 = y[i]!;
      if (y[i]! > y2) y2 = y[i]!;
    }
    this.used = 0;
    this.cell((x1 + x2) / 2, (y1 + y2) / 2, Math.max(x2 - x1, y2 - y1, 1) / 2 + 1);
    for (const i of members) this.insert(i, x, y);
  }

  private quadrant(c: number, px: number, py: number): number {
    return (px >= this.cx[c]! ? 1 : 0) + (py >= this.cy[c]! ? 2 : 0);
  }

  private split(c: number): void {
    const h = this.half[c]! / 2;
    const first = this.cell(this.cx[c]! - h, this.cy[c]! - h, h);
    this.cell(this.cx[c]! + h, this.cy[c]! - h, h);
    this.cell(this.cx[c]! - h, this.cy[c]! + h, h);
    this.cell(this.cx[c]! + h, this.cy[c]! + h, h);
    this.child[c] = first;
  }

  private insert(i: number, x: Float64Array, y: Float64Array): void {
    const px = x[i]!;
    const py = y[i]!;
    let c = 0;
    for (let depth = 0; ; depth++) {
      // Mass and centre of mass of every cell on the way down.
      const m = this.mass[c]!;
      this.mx[c] = (this.mx[c]! * m + px) / (m + 1);
      this.my[c] = (this.my[c]! * m + py) / (m + 1);
      this.mass[c] = m + 1;
      if (this.child[c] === -1) {
        if (m === 0) {
          this.point[c] = i;
          return;
        }
        // Coincident points (or too deep): keep them together in this leaf as extra mass.
        if (depth > 40) return;
        const old = this.point[c]!;
        this.point[c] = -1;
        this.split(c);
        if (old >= 0) {
          const oc = this.child[c]! + this.quadrant(c, x[old]!, y[old]!);
          this.mass[oc] = 1;
          this.mx[oc] = x[old]!;
          this.my[oc] = y[old]!;
          this.point[oc] = old;
        }
      }
      c = this.child[c]! + this.quadrant(c, px, py);
    }
  }

  /** Adds the repulsion on point i (strength k² per unit mass, FR) into fx/fy. */
  repulse(i: number, x: Float64Array, y: Float64Array, k2: number, theta2: number, f: Float64Array): void {
    const px = x[i]!;
    const py = y[i]!;
    let fx = 0;
    let fy = 0;
    let stack = this.stack;
    let top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const c = stack[--top]!;
      const m = this.mass[c]!;
      if (m === 0) continue;
      const leaf = this.child[c] === -1;
      if (leaf && this.point[c] === i && m === 1) continue;
      let dx = px - this.mx[c]!;
      let dy = py - this.my[c]!;
      let d2 = dx * dx + dy * dy;
      const size = this.half[c]! * 2;
      if (leaf || size * size < theta2 * d2) {
        if (d2 < 1e-4) {
          // On top of each other: push apart in a direction fixed by the index.
          dx = Math.cos(i) * 0.01;
          dy = Math.sin(i) * 0.01;
          d2 = 1e-4;
        }
        const s = (k2 * (leaf && this.point[c] === i ? m - 1 : m)) / d2;
        fx += dx * s;
        fy += dy * s;
      } else {
        if (top + 4 > stack.length) stack = this.stack = growInt(stack);
        const ch = this.child[c]!;
        stack[top++] = ch;
        stack[top++] = ch + 1;
        stack[top++] = ch + 2;
        stack[top++] = ch + 3;
      }
    }
    f[0] = fx;
    f[1] = fy;
  }
  private stack: Int32Array = new Int32Array(256);
}

function growInt(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * Lays out `n` nodes joined by `edges` (flat pairs of node indexes). Returns positions as [x0, y0, x1, y1, …],
 * components packed in rows around the origin. Throws on bad input with the bad value in the message.
 */
export function forceLayout(n: number, edges: ArrayLike<number>, opts: Partial<ForceOptions> = {}): Float64Array {
  const o = { ...FORCE_DEFAULTS, ...opts };
  if (!Number.isInteger(n) || n < 0) throw new Error(`forceLayout: n must be an integer >= 0, got ${n}`);
  if (edges.length % 2 !== 0) throw new Error(`forceLayout: edges must be flat [source, target] pairs, got ${edges.length} numbers`);
  for (let e = 0; e < edges.length; e++) {
    const v = edges[e]!;
    if (!Number.isInteger(v) || v < 0 || v >= n) throw new Error(`forceLayout: edge endpoint ${v} at ${e} is not a node index in [0, ${n})`);
  }
  for (const key of ['idealEdgeLength', 'iterations', 'theta', 'componentGap'] as const) {
    if (!Number.isFinite(o[key]) || o[key] < 0) throw new Error(`forceLayout: ${key} must be a number >= 0, got ${o[key]}`);
  }
  if (o.initial && o.initial.length !== n * 2) throw new Error(`forceLayout: initial must hold ${n * 2} numbers, got ${o.initial.length}`);
  const out = new Float64Array(n * 2);
  if (n === 0) return out;

  const { of, count } = components(n, edges);
  // Members of each component, and its edges (as indexes into the flat list).
  const sizes = new Int32Array(count);
  for (let i = 0; i < n; i++) sizes[of[i]!] = sizes[of[i]!]! + 1;
  const members: Int32Array[] = Array.from({ length: count }, (_, c) => new Int32Array(sizes[c]!));
  const fill = new Int32Array(count);
  for (let i = 0; i < n; i++) members[of[i]!]![fill[of[i]!]!++] = i;
  const edgeCount = new Int32Array(count);
  for (let e = 0; e + 1 < edges.length; e += 2) edgeCount[of[edges[e]!]!]!++;
  const compEdges: Int32Array[] = Array.from({ length: count }, (_, c) => new Int32Array(edgeCount[c]! * 2));
  fill.fill(0);
  for (let e = 0; e + 1 < edges.length; e += 2) {
    const c = of[edges[e]!]!;
    compEdges[c]![fill[c]!++] = edges[e]!;
    compEdges[c]![fill[c]!++] = edges[e + 1]!;
  }

  let s = o.seed >>> 0 || 1;
  const rand = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const k = o.idealEdgeLength;
  const k2 = k * k;
  const theta2 = o.theta * o.theta;
  const fx = new Float64Array(n);
  const fy = new Float64Array(n);
  const f = new Float64Array(2);
  const tree = new QuadTree(n);
  const boxes: { c: number; w: number; h: number; x1: number; y1: number }[] = [];

  for (let c = 0; c < count; c++) {
    const mem = members[c]!;
    const ce = compEdges[c]!;
    const m = mem.length;
    // Initial placement: random in a square whose area grows with the component.
    const side = Math.sqrt(m) * k;
    const init = o.initial;
    for (const i of mem) {
      x[i] = init && Number.isFinite(init[2 * i]) ? init[2 * i]! : (rand() - 0.5) * side;
      y[i] = init && Number.isFinite(init[2 * i + 1]) ? init[2 * i + 1]! : (rand() - 0.5) * side;
    }
    if (m > 1) {
      const iters = m === 2 ? 1 : o.iterations;
      // From given positions: small moves only (keeps the mental map).
      let temp = init ? k / 2 : side / 4 + k;
      const cool = Math.pow(0.02 * k / temp, 1 / Math.max(1, iters));
      for (let it = 0; it < iters; it++) {
        for (const i of mem) {
          fx[i] = 0;
          fy[i] = 0;
        }
        // Repulsion: k²/d (Barnes–Hut above a few dozen nodes, exact below).
        if (m > 48) {
          tree.build(mem, x, y);
          for (const i of mem) {
            tree.repulse(i, x, y, k2, theta2, f);
            fx[i] = fx[i]! + f[0]!;
            fy[i] = fy[i]! + f[1]!;
          }
        } else {
          for (let a = 0; a < m; a++) {
            const i = mem[a]!;
            for (let b = a + 1; b < m; b++) {
              const j = mem[b]!;
              let dx = x[i]! - x[j]!;
              let dy = y[i]! - y[j]!;
              let d2 = dx * dx + dy * dy;
              if (d2 < 1e-4) {
                dx = Math.cos(i + b) * 0.01;
                dy = Math.sin(i + b) * 0.01;
                d2 = 1e-4;
              }
              const r = k2 / d2;
              fx[i] = fx[i]! + dx * r;
              fy[i] = fy[i]! + dy * r;
              fx[j] = fx[j]! - dx * r;
              fy[j] = fy[j]! - dy * r;
            }
          }
        }
        // Attraction along edges: d²/k.
        for (let e = 0; e + 1 < ce.length; e += 2) {
          const a = ce[e]!;
          const b = ce[e + 1]!;
          if (a === b) continue;
          const dx = x[a]! - x[b]!;
          const dy = y[a]! - y[b]!;
          const d = Math.sqrt(dx * dx + dy * dy);
          const r = d / k;
          fx[a] = fx[a]! - dx * r;
          fy[a] = fy[a]! - dy * r;
          fx[b] = fx[b]! + dx * r;
          fy[b] = fy[b]! + dy * r;
        }
        // Gravity towards the component's centre keeps loose parts (leaves, hubs' fans) close.
        let gx = 0;
        let gy = 0;
        for (const i of mem) {
          gx += x[i]!;
          gy += y[i]!;
        }
        gx /= m;
        gy /= m;
        const g = o.gravity * k;
        for (const i of mem) {
          const dx = x[i]! - gx;
          const dy = y[i]! - gy;
          const d = Math.sqrt(dx * dx + dy * dy) || 1;
          fx[i] = fx[i]! - (dx / d) * g * Math.min(d / k, 10);
          fy[i] = fy[i]! - (dy / d) * g * Math.min(d / k, 10);
        }
        // Move, each node at most `temp`.
        for (const i of mem) {
          const d = Math.sqrt(fx[i]! * fx[i]! + fy[i]! * fy[i]!);
          if (d === 0) continue;
          const step = Math.min(d, temp) / d;
          x[i] = x[i]! + fx[i]! * step;
          y[i] = y[i]! + fy[i]! * step;
        }
        temp *= cool;
      }
    }
    let x1 = Infinity;
    let y1 = Infinity;
    let x2 = -Infinity;
    let y2 = -Infinity;
    for (const i of mem) {
      x1 = Math.min(x1, x[i]!);
      y1 = Math.min(y1, y[i]!);
      x2 = Math.max(x2, x[i]!);
      y2 = Math.max(y2, y[i]!);
    }
    boxes.push({ c, w: x2 - x1, h: y2 - y1, x1, y1 });
  }

  // From given positions the components stay where they are (the mental map); otherwise they are packed in rows,
  // largest first, in a roughly square area.
  if (o.initial) {
    for (let i = 0; i < n; i++) {
      out[2 * i] = x[i]!;
      out[2 * i + 1] = y[i]!;
    }
    return out;
  }
  boxes.sort((a, b) => b.w * b.h - a.w * a.h || b.h - a.h || a.c - b.c);
  const gap = o.componentGap;
  const area = boxes.reduce((acc, b) => acc + (b.w + gap) * (b.h + gap), 0);
  const rowWidth = Math.max(Math.sqrt(area) * 1.2, boxes[0] ? boxes[0].w + gap : 0);
  let cx = 0;
  let cy = 0;
  let rowH = 0;
  for (const b of boxes) {
    if (cx > 0 && cx + b.w > rowWidth) {
      cx = 0;
      cy += rowH + gap;
      rowH = 0;
    }
    for (const i of members[b.c]!) {
      out[2 * i] = x[i]! - b.x1 + cx;
      out[2 * i + 1] = y[i]! - b.y1 + cy;
    }
    cx += b.w + gap;
    rowH = Math.max(rowH, b.h);
  }
  return out;
}
