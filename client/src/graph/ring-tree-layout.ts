/**
 * Concentric and directed breadth-first placement on plain arrays (no Cytoscape), for big graphs: the same
 * pictures as Cytoscape's 'concentric' (rings by degree) and 'breadthfirst' (levels from the roots, left to right)
 * without their collection traversals and per-node events. Pure; positions as [x0, y0, x1, y1, …].
 */

function checkGraph(fn: string, n: number, edges: ArrayLike<number>): void {
  if (!Number.isInteger(n) || n < 0) throw new Error(`${fn}: n must be an integer >= 0, got ${n}`);
  if (edges.length % 2 !== 0) throw new Error(`${fn}: edges must be flat [source, target] pairs, got ${edges.length} numbers`);
  for (let e = 0; e < edges.length; e++) {
    const v = edges[e]!;
    if (!Number.isInteger(v) || v < 0 || v >= n) throw new Error(`${fn}: edge endpoint ${v} at ${e} is not a node index in [0, ${n})`);
  }
}

export interface ConcentricOptions {
  /** Space between nodes on a ring and between rings, on top of the node size (px). */
  minNodeSpacing: number;
  /** Largest node diameter (px). */
  nodeSize: number;
  /** Degree range per ring, as a fraction of the largest degree (Cytoscape's default levelWidth: maxDegree / 4). */
  levelFraction: number;
}
export const CONCENTRIC_FAST_DEFAULTS: ConcentricOptions = { minNodeSpacing: 12, nodeSize: 30, levelFraction: 0.25 };

/** Rings by degree: the highest degrees in the centre, a ring per `levelFraction` of the largest degree. */
export function concentricLayout(n: number, edges: ArrayLike<number>, opts: Partial<ConcentricOptions> = {}): Float64Array {
  checkGraph('concentricLayout', n, edges);
  const o = { ...CONCENTRIC_FAST_DEFAULTS, ...opts };
  for (const key of ['minNodeSpacing', 'nodeSize', 'levelFraction'] as const) {
    if (!(o[key] >= 0)) throw new Error(`concentricLayout: ${key} must be a number >= 0, got ${o[key]}`);
  }
  if (!(o.nodeSize + o.minNodeSpacing > 0)) throw new Error(`concentricLayout: nodeSize + minNodeSpacing must be > 0, got ${o.nodeSize + o.minNodeSpacing}`);
  const out = new Float64Array(n * 2);
  if (n === 0) return out;
  const degree = new Int32Array(n);
  for (let e = 0; e < edges.length; e++) degree[edges[e]!] = degree[edges[e]!]! + 1;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => degree[b]! - degree[a]! || a - b);
  const width = Math.max(1, degree[order[0]!]! * o.levelFraction);
  const levels: number[][] = [];
  let first = Infinity;
  for (const i of order) {
    if (!levels.length || first - degree[i]! >= width) {
      levels.push([]);
      first = degree[i]!;
    }
    levels[levels.length - 1]!.push(i);
  }
  // A level fills rings from the inside out, each ring holding as many nodes as fit on it; the next level starts
  // on a new ring. (One ring per level, as Cytoscape's avoidOverlap does, is ~30,000 px across on 5k nodes.)
  const minDist = o.nodeSize + o.minNodeSpacing;
  let r = -minDist;
  for (const level of levels) {
    let placed = 0;
    while (placed < level.length) {
      r += minDist;
      const capacity = r === 0 ? 1 : Math.max(1, Math.floor((2 * Math.PI * r) / minDist));
      const count = Math.min(capacity, level.length - placed);
      const step = (2 * Math.PI) / count;
      for (let k = 0; k < count; k++) {
        const i = level[placed + k]!;
        const a = (3 / 2) * Math.PI + k * step;
        out[2 * i] = r * Math.cos(a);
        out[2 * i + 1] = r * Math.sin(a);
      }
      placed += count;
    }
  }
  return out;
}

export interface BreadthfirstOptions {
  /** Space between neighbouring nodes (px, centre to centre). */
  spacing: number;
  /** Extra space between levels (px). */
  levelGap: number;
  /** Width / height of the whole picture: a level too tall for it wraps into several columns. */
  aspect: number;
}
export const BREADTHFIRST_FAST_DEFAULTS: BreadthfirstOptions = { spacing: 36, levelGap: 120, aspect: 1.6 };

/**
 * Directed levels, left to right: roots (no incoming edge; for a part without one, its best-connected node) at
 * level 0, every other node one level right of the first node reaching it. Within a level, nodes keep the
 * breadth-first discovery order, so children sit in their parents' order (fewer crossings).
 */
export function breadthfirstLayout(n: number, edges: ArrayLike<number>, opts: Partial<BreadthfirstOptions> = {}): Float64Array {
  checkGraph('breadthfirstLayout', n, edges);
  const o = { ...BREADTHFIRST_FAST_DEFAULTS, ...opts };
  for (const key of ['spacing', 'levelGap', 'aspect'] as const) {
    if (!(o[key] > 0)) throw new Error(`breadthfirstLayout: ${key} must be a number > 0, got ${o[key]}`);
  }
  const out = new Float64Array(n * 2);
  if (n === 0) return out;
  // Outgoing adjacency (CSR), in-degree and degree.
  const outDeg = new Int32Array(n);
  const inDeg = new Int32Array(n);
  for (let e = 0; e + 1 < edges.length; e += 2) {
    outDeg[edges[e]!] = outDeg[edges[e]!]! + 1;
    inDeg[edges[e + 1]!] = inDeg[edges[e + 1]!]! + 1;
  }
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i]! + outDeg[i]!;
  const adj = new Int32Array(edges.length / 2);
  const fill = start.slice(0, n);
  for (let e = 0; e + 1 < edges.length; e += 2) {
    const a = edges[e]!;
    adj[fill[a]!] = edges[e + 1]!;
    fill[a] = fill[a]! + 1;
  }

  const depth = new Int32Array(n).fill(-1);
  const levels: number[][] = [];
  let queue: number[] = [];
  const bfs = () => {
    for (let head = 0; head < queue.length; head++) {
      const i = queue[head]!;
      const d = depth[i]!;
      (levels[d] ??= []).push(i);
      for (let k = start[i]!; k < start[i + 1]!; k++) {
        const j = adj[k]!;
        if (depth[j] !== -1) continue;
        depth[j] = d + 1;
        queue.push(j);
      }
    }
    queue = [];
  };
  for (let i = 0; i < n; i++) {
    if (inDeg[i] === 0) {
      depth[i] = 0;
      queue.push(i);
    }
  }
  bfs();
  // Cycles with no root: start from the best-connected unplaced node.
  const byDegree = Array.from({ length: n }, (_, i) => i).sort((a, b) => outDeg[b]! + inDeg[b]! - (outDeg[a]! + inDeg[a]!) || a - b);
  for (const i of byDegree) {
    if (depth[i] !== -1) continue;
    depth[i] = 0;
    queue.push(i);
    bfs();
  }
  // Columns of at most `rows` nodes, sized for the aspect ratio; each level takes as many columns as it needs.
  const rows = Math.max(1, Math.ceil(Math.sqrt(n / o.aspect)));
  let x = 0;
  for (const level of levels) {
    const columns = Math.ceil(level.length / rows);
    level.forEach((i, k) => {
      const col = Math.floor(k / rows);
      const inCol = Math.min(rows, level.length - col * rows);
      out[2 * i] = x + col * o.spacing;
      out[2 * i + 1] = (k % rows + (rows - inCol) / 2) * o.spacing;
    });
    x += (columns - 1) * o.spacing + o.levelGap;
  }
  return out;
}
