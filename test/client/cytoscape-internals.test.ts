/**
 * The explorer uses a few Cytoscape internals (client/src/graph): the canvas renderer's `hideEdgesOnViewport`,
 * `motionBlur` and `forcedPixelRatio` fields (set live in big-graph mode), `cy.renderer()`, `eles.silentPositions()`
 * and `cy.notify()` (the fast layouts). They are not in Cytoscape's API, so its minor version is pinned in
 * package.json and this test fails on an upgrade that drops them. (The browser E2E checks the live renderer too.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../core/config.ts';

const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
// What `import cytoscape` loads here and in the Vite build: the package's ESM build.
const cytoscapeDir = join(PROJECT_ROOT, 'node_modules', 'cytoscape');
const installed = (JSON.parse(readFileSync(join(cytoscapeDir, 'package.json'), 'utf8')) as { version: string }).version;

describe('Cytoscape internals the explorer relies on', () => {
  it('the minor version is pinned (~) and installed', () => {
    const range = pkg.dependencies.cytoscape!;
    expect(range).toMatch(/^~3\.\d+\.\d+$/);
    expect(installed.split('.').slice(0, 2)).toEqual(range.slice(1).split('.').slice(0, 2));
  });

  it('the canvas renderer reads the fields setLarge() writes', () => {
    const source = readFileSync(join(cytoscapeDir, 'dist', 'cytoscape.esm.mjs'), 'utf8');
    expect(source).toMatch(/\br\.hideEdgesOnViewport = options\.hideEdgesOnViewport/);
    expect(source).toMatch(/\br\.hideEdgesOnViewport && /);
    expect(source).toMatch(/\br\.forcedPixelRatio = /);
    expect(source).toMatch(/this\.forcedPixelRatio != null/);
    expect(source).toMatch(/\br\.motionBlur\b/);
  });

  it('renderer(), silentPositions() and notify() exist and behave', () => {
    const cy = cytoscape({ headless: true, elements: [{ data: { id: 'a' } }, { data: { id: 'b' } }] });
    expect(typeof (cy as unknown as { renderer: unknown }).renderer).toBe('function');
    const nodes = cy.nodes() as unknown as { silentPositions(f: (n: cytoscape.NodeSingular, i: number) => cytoscape.Position): void };
    let moved = 0;
    cy.on('position', () => moved++);
    nodes.silentPositions((_n, i) => ({ x: 10 * (i + 1), y: 5 }));
    expect(cy.getElementById('b').position()).toEqual({ x: 20, y: 5 });
    expect(moved).toBe(0);
    (cy as unknown as { notify(event: string, eles: unknown): void }).notify('position', cy.nodes());
    cy.destroy();
  });
});
