/**
 * End-to-end: the built explorer against the real server (embedded Neo4j + the seed corpus), driven in headless
 * Debian Chromium. Set E2E_API=mock to run the same scenario against test/e2e/support/mock-api.ts instead
 * (UI work while the API is in flux). Screenshots land in test-output/screenshots/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../core/config.ts';
import { buildClientOnce, hasChromium, launchChromium, waitReady, watchErrors } from './support/browser.ts';
import { startExplorer } from './support/explorer-server.ts';

const SEEDS = resolve(PROJECT_ROOT, '..', 'shared', 'corpus', 'seeds');
const SHOTS = join(PROJECT_ROOT, 'test-output', 'screenshots');
const MOCK = process.env.E2E_API === 'mock';

const skipReason = !hasChromium()
  ? 'E2E skipped: /usr/bin/chromium is absent (apt-get install -y chromium, or set CHROMIUM_PATH)'
  : !existsSync(SEEDS)
    ? `E2E skipped: the seed corpus ${SEEDS} is absent`
    : null;
if (skipReason) console.warn(skipReason);

/** The page's Cytoscape state, read through window.cy. */
const canvas = (page: Page) =>
  page.evaluate(() => ({
    nodes: window.cy.nodes().map((n) => n.id()).sort(),
    edges: window.cy.edges().length,
    selected: window.cy.$(':selected').map((n) => n.id()),
    pathEdges: window.cy.edges('.path').length,
  }));

async function dblclickNode(page: Page, id: string) {
  const pos = await page.evaluate((nid) => {
    const n = window.cy.getElementById(nid);
    const p = n.renderedPosition();
    const box = window.cy.container()!.getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
  await page.mouse.dblclick(pos.x, pos.y);
}

describe.skipIf(skipReason !== null)('explorer (browser)', () => {
  let browser: Browser;
  let page: Page;
  let base: string;
  let errors: string[] = [];
  let stop: () => Promise<void> = async () => {};
  const started = Date.now();
  const shot = (name: string, p: Page = page) => p.screenshot({ path: join(SHOTS, `${name}.png`) });

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    if (MOCK) {
      buildClientOnce(PROJECT_ROOT);
      const { createMockApi, defaultMockPaths } = await import('./support/mock-api.ts');
      const { serveStatic } = await import('./support/static-server.ts');
      const paths = defaultMockPaths(PROJECT_ROOT);
      const api = await createMockApi(SEEDS, paths.goldPath);
      const s = await serveStatic(join(PROJECT_ROOT, 'client', 'dist'), api.handle);
      base = s.url;
      stop = s.close;
    } else {
      ({ url: base, close: stop } = await startExplorer(PROJECT_ROOT, SEEDS));
    }
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    errors = watchErrors(page);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stop();
    console.log(`explorer E2E (${MOCK ? 'mock API' : 'real server'}): ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  it('loads the page with an empty canvas and the legend', async () => {
    await page.goto(`${base}/`);
    await waitReady(page);
    await expect(page.isVisible('[data-testid=canvas-empty]')).resolves.toBe(true);
    await expect(page.locator('[data-testid=legend] input[type=checkbox]').count()).resolves.toBeGreaterThan(10);
    await shot('01-home');
    // The renderer fields big-graph mode sets live (client/src/graph/index.ts setLarge; see cytoscape-internals.test.ts).
    const knobs = await page.evaluate(() => {
      const r = (window.cy as unknown as { renderer(): Record<string, unknown> }).renderer();
      return { hideEdgesOnViewport: typeof r.hideEdgesOnViewport, motionBlur: typeof r.motionBlur, forcedPixelRatio: 'forcedPixelRatio' in r };
    });
    expect(knobs).toEqual({ hideEdgesOnViewport: 'boolean', motionBlur: 'boolean', forcedPixelRatio: true });
  });

  it('searches "GRPO" with the keyboard and puts it on the canvas, selected', async () => {
    await page.click('[data-testid=search-input]');
    await page.keyboard.type('GRPO');
    const hit = page.locator('[data-testid=search-hit][data-id="Method:grpo"]');
    await hit.waitFor();
    await expect(hit.innerText()).resolves.toMatch(/Method[\s\S]*GRPO/);
    await shot('02-search');
    // The first hit is active; ↓ then ↑ comes back to it.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await expect(page.getAttribute('#search-opt-0', 'aria-selected')).resolves.toBe('true');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.cy.$('#Method\\:grpo').selected());
    await expect(page.innerText('[data-testid=details-title]')).resolves.toBe('GRPO');
    expect(page.url()).toContain('focus=Method%3Agrpo');
  });

  it('expands GRPO by double-click, with bounded neighbours', async () => {
    await dblclickNode(page, 'Method:grpo');
    await page.waitForFunction(() => window.cy.nodes().length > 1, null, { timeout: 15_000 });
    await page.waitForTimeout(700); // layout animation
    const c = await canvas(page);
    expect(c.nodes.length).toBeGreaterThan(1);
    expect(c.nodes.length).toBeLessThanOrEqual(16);
    expect(c.edges).toBeGreaterThan(0);
    expect(page.url()).toContain('expand=Method%3Agrpo');
    await shot('03-expanded');
  });

  it('shows every mention with the surface text highlighted, and opens the issue at it', async () => {
    await page.click('[data-testid=tab-details]');
    // (No return value: serialising a Cytoscape collection back to Node takes seconds.)
    await page.evaluate(() => void window.cy.$('#Method\\:grpo').unselect().select());
    const first = page.locator('[data-testid=mention]').first();
    await first.waitFor();
    await expect(first.locator('mark').first().innerText()).resolves.toMatch(/grpo|group relative policy optimization/i);
    await expect(page.locator('[data-testid=mention]').count()).resolves.toBeGreaterThan(1);
    await shot('04-mentions');
    await first.click();
    const doc = page.locator('[data-testid=document-view]');
    await doc.locator('[data-testid=doc-entity]').first().waitFor();
    await expect(doc.locator('.ent.anchor').first().innerText()).resolves.toMatch(/grpo|group relative/i);
    await expect(doc.locator('[data-testid=doc-entity]').count()).resolves.toBeGreaterThan(5);
    await shot('05-document');
    // Clicking another entity in the issue focuses it on the canvas.
    const other = doc.locator('[data-testid=doc-entity]:not([data-entity="Method:grpo"])').first();
    const otherId = (await other.getAttribute('data-entity')) ?? '';
    await other.click();
    await expect(doc.isHidden()).resolves.toBe(true);
    await page.waitForFunction((id) => window.cy.$(':selected').map((n) => n.id()).includes(id), otherId);
  });

  it('shows an edge with its evidence sentences', async () => {
    const edgeId = await page.evaluate(() => window.cy.edges('[type != "CO_MENTIONED"]').first().id() || window.cy.edges().first().id());
    await page.evaluate((id) => {
      window.cy.$(':selected').unselect();
      window.cy.getElementById(id).select();
    }, edgeId);
    await page.locator('[data-testid=edge-evidence] .evidence-item').first().waitFor();
    await shot('06-edge');
  });

  it('runs a Cypher query with Ctrl-Enter and draws the result; refusals show inline', async () => {
    await page.click('[data-testid=console-toggle]');
    await page.locator('[data-testid=console-drawer]').waitFor();
    await page.click('[data-testid=console-editor]');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('MATCH (d:Document)-[r:MENTIONS]->(e:Entity {name: $name}) RETURN d, r, e');
    await page.keyboard.press('Escape');
    await page.fill('[data-testid=console-params]', '{"name": "GRPO"}');
    await page.click('[data-testid=console-editor]');
    await page.keyboard.press('Control+Enter');
    await page.locator('[data-testid=console-summary]').waitFor();
    await page.waitForFunction(() => window.cy.nodes('[kind = "document"]').length > 0);
    const c = await canvas(page);
    expect(c.nodes).toContain('Method:grpo');
    await expect(page.locator('[data-testid=console-table] tbody tr').count()).resolves.toBeGreaterThan(0);
    await page.waitForTimeout(600);
    await shot('07-cypher');
    // A write is refused, inline, and the canvas is untouched.
    await page.click('[data-testid=console-editor]');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('CREATE (n:Hack) RETURN n');
    await page.keyboard.press('Control+Enter');
    await expect(page.locator('[data-testid=console-error]').innerText()).resolves.toMatch(/CREATE|read-only|write/i);
    expect((await canvas(page)).nodes).toEqual(c.nodes);
    // Chromium logs the refusal's 400 response as a console error: that one is expected.
    const refused = errors.findIndex((e) => /status of 4\d\d .*\/api\/cypher/.test(e));
    if (refused !== -1) errors.splice(refused, 1);
    // Back to the query that drew the graph, so the shared URL carries it.
    await page.click('[data-testid=console-editor]');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('MATCH (d:Document)-[r:MENTIONS]->(e:Entity {name: $name}) RETURN d, r, e');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Enter');
    await page.locator('[data-testid=console-summary]').waitFor();
    await page.click('[data-testid=console-toggle]');
  });

  it('connects the two "The Tokenizer" editions: paths with evidence and shared entities', async () => {
    await page.click('[data-testid=tab-connect]');
    // The pickers search the issues as one types (client/src/ui/issue-picker.ts).
    const pick = async (which: 'from' | 'to', index: number) => {
      await page.fill(`[data-testid=connect-${which}]`, '');
      await page.click(`[data-testid=connect-${which}]`);
      await page.keyboard.type('The Tokenizer');
      const options = page.locator(`[data-testid=connect-${which}-options] [data-testid=picker-option]`);
      await page.waitForFunction((w) => document.querySelectorAll(`[data-testid=connect-${w}-options] [data-testid=picker-option]`).length === 2, which);
      const ids = await options.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id!));
      await options.nth(index).click();
      return ids[index]!;
    };
    const tokenizer = [await pick('from', 0), await pick('to', 1)];
    expect(new Set(tokenizer).size).toBe(2);
    await page.click('[data-testid=connect-run]');
    await page.locator('[data-testid=path]').first().waitFor({ timeout: 20_000 });
    await expect(page.locator('[data-testid=path-evidence]').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('[data-testid=shared-entities] .chip').count()).resolves.toBeGreaterThan(0);
    await page.waitForFunction(() => window.cy.edges('.path').length > 0, null, { timeout: 10_000 });
    const c = await canvas(page);
    expect(c.nodes).toEqual(expect.arrayContaining(tokenizer));
    expect(page.url()).toContain('compare=');
    await shot('08-connect');
  });

  it('reloads a shared URL into the same view', async () => {
    await page.selectOption('[data-testid=layout-select]', 'concentric');
    await page.waitForTimeout(300);
    const url = page.url();
    expect(url).toContain('layout=concentric');
    const before = await canvas(page);
    const p2 = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors2 = watchErrors(p2);
    await p2.goto(url);
    await waitReady(p2);
    await p2.waitForFunction(() => window.cy.edges('.path').length > 0, null, { timeout: 20_000 });
    const after = await canvas(p2);
    expect(after.nodes).toEqual(before.nodes);
    expect(after.edges).toBe(before.edges);
    await expect(p2.inputValue('[data-testid=layout-select]')).resolves.toBe('concentric');
    await expect(p2.getAttribute('[data-testid=connect-from]', 'data-value')).resolves.toBe(await page.getAttribute('[data-testid=connect-from]', 'data-value'));
    await shot('09-shared-url', p2);
    await p2.close();
    expect(errors2).toEqual([]);
  });

  it('exports PNG and JSON', async () => {
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-png]')]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-json]')]);
    expect(json.suggestedFilename()).toMatch(/\.json$/);
  });

  it('works in a narrow window: the panel collapses and toggles', async () => {
    await page.setViewportSize({ width: 720, height: 900 });
    await page.waitForTimeout(300);
    const panelBox = () => page.locator('.panel').boundingBox();
    await page.evaluate(() => document.body.classList.remove('panel-open'));
    await page.waitForTimeout(300);
    expect((await panelBox())!.x).toBeGreaterThanOrEqual(719);
    await shot('10-narrow');
    await page.click('[data-testid=panel-toggle]');
    await page.waitForTimeout(300);
    expect((await panelBox())!.x).toBeLessThan(720);
    await shot('11-narrow-panel');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('logged no console errors', () => {
    expect(errors).toEqual([]);
  });
});
