/**
 * Render benchmark: loads a generated graph (default 5,000 nodes / 15,000 edges) into the built explorer in
 * headless Chromium and measures, per layout, the time from data in the page to an interactive graph (elements
 * added, layout stopped with final positions, two frames rendered, and `cy` answering a zoom). Target: ≤ 3 s for
 * 5k/15k. Every layout is synchronous (no worker), so "interactive" and "final positions" are the same moment;
 * `distinct` reports the share of nodes at distinct positions as a check that the graph really was laid out.
 *
 *   npx tsx test/e2e/render-bench.ts [nodes] [edges] [layouts,comma,separated]
 *
 * `measureRender` is exported for a benchmark runner (bench/). Needs client/dist (built when missing or with
 * `build: true`) and Chromium (support/browser.ts).
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GraphElements } from '../../contract/api.ts';
import { LAYOUT_NAMES, type LayoutName } from '../../client/src/model/url-state.ts';
import { launchChromium, waitReady } from './support/browser.ts';
import { serveStatic } from './support/static-server.ts';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

export interface RenderOptions {
  nodes?: number;
  edges?: number;
  layouts?: LayoutName[];
  /** Rebuild client/dist first. */
  build?: boolean;
  /** PRNG seed for the generated graph. */
  seed?: number;
  /** The built client to serve (default client/dist; env RENDER_DIST) — e.g. a saved baseline build. */
  dist?: string;
}

export interface RenderResult {
  nodes: number;
  edges: number;
  layout: LayoutName;
  /** Data in the page → interactive (layout done, rendered, responsive). */
  ms: number;
  /** Of which: elements into the model and onto the canvas (style included), then the layout itself. */
  syncMs: number;
  layoutMs: number;
  /** A zoom + frame after the load: is `cy` responsive. */
  responsiveMs: number;
  /** Share of nodes at distinct positions after the layout (a check that the graph really is laid out). */
  distinct: number;
}

const TYPES = ['Paper', 'Lab', 'Person', 'Method', 'Benchmark', 'Model', 'Tool', 'Dataset'];
const RELS = ['IMPROVES_ON', 'EVALUATED_ON', 'USES', 'FROM_LAB', 'CO_MENTIONED', 'COMPARED_WITH'];

/** A clustered graph with a few hubs (like a real corpus): deterministic for a seed. */
function generateGraph(nodeCount: number, edgeCount: number, seed = 42): GraphElements {
  let s = seed >>> 0;
  const rand = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const clusters = Math.max(1, Math.round(nodeCount / 100));
  const nodes = Array.from({ length: nodeCount }, (_, i) => ({
    data: { id: `n${i}`, label: `Entity ${i}`, kind: 'entity' as const, type: TYPES[i % TYPES.length]!, mentionCount: 1 + Math.floor(rand() ** 3 * 60) },
  }));
  const seen = new Set<string>();
  const edges: GraphElements['edges'] = [];
  let guard = 0;
  while (edges.length < edgeCount && guard++ < edgeCount * 20) {
    const a = Math.floor(rand() * nodeCount);
    // 80 % inside the cluster, 20 % to a hub anywhere.
    const cluster = a % clusters;
    const b = rand() < 0.8 ? (Math.floor(rand() * (nodeCount / clusters)) * clusters + cluster) % nodeCount : Math.floor(rand() ** 4 * nodeCount);
    if (a === b) continue;
    const type = RELS[Math.floor(rand() * RELS.length)]!;
    const key = `${Math.min(a, b)}|${Math.max(a, b)}|${type}`;
    if (seen.has(key)) continue;
    seen.add(key);
    edges.push({ data: { id: `e${edges.length}`, source: `n${a}`, target: `n${b}`, type, weight: 1 + Math.floor(rand() * 5), evidenceCount: 1 } });
  }
  return { nodes, edges };
}

export async function measureRender(opts: RenderOptions = {}): Promise<RenderResult[]> {
  const nodes = opts.nodes ?? 5000;
  const edges = opts.edges ?? 15000;
  const layouts = opts.layouts ?? [...LAYOUT_NAMES];
  const custom = opts.dist ?? process.env.RENDER_DIST;
  const dist = custom ?? join(ROOT, 'client', 'dist');
  if (custom && !existsSync(join(dist, 'index.html'))) throw new Error(`measureRender: no index.html in dist ${dist}`);
  if (opts.build || !existsSync(join(dist, 'index.html'))) execSync('npm run build:client --silent', { cwd: ROOT, stdio: 'pipe' });
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  const graph = generateGraph(nodes, edges, opts.seed);
  const results: RenderResult[] = [];
  try {
    for (const layout of layouts) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${server.url}/`);
      await waitReady(page);
      await page.evaluate((g) => {
        (window as unknown as { __benchGraph: unknown }).__benchGraph = g;
      }, graph);
      const r = await page.evaluate(async (name) => {
        const w = window as unknown as Window & { __benchGraph: GraphElements };
        const out = await w.explorer.loadElements(w.__benchGraph, name);
        const t0 = performance.now();
        w.cy.zoom(w.cy.zoom() * 1.1);
        await new Promise((res) => requestAnimationFrame(() => res(null)));
        const responsiveMs = performance.now() - t0;
        const at = new Set(w.cy.nodes().map((n) => `${Math.round(n.position('x'))},${Math.round(n.position('y'))}`));
        return { ...out, responsiveMs, distinct: at.size / Math.max(1, w.cy.nodes().length) };
      }, layout);
      results.push({ nodes: r.nodes, edges: r.edges, layout, ms: Math.round(r.ms), syncMs: Math.round(r.syncMs), layoutMs: Math.round(r.layoutMs), responsiveMs: Math.round(r.responsiveMs), distinct: Math.round(r.distinct * 1000) / 1000 });
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return results;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [n, e, l] = process.argv.slice(2);
  const layouts = l ? (l.split(',') as LayoutName[]) : undefined;
  measureRender({ nodes: n ? Number(n) : undefined, edges: e ? Number(e) : undefined, layouts }).then(
    (rows) => {
      console.table(rows);
      const slow = rows.filter((r) => r.ms > 3000);
      if (slow.length) console.log(`over the 3 s target: ${slow.map((r) => `${r.layout} ${r.ms} ms`).join(', ')}`);
    },
    (err: Error) => {
      console.error(err);
      process.exit(1);
    },
  );
}
