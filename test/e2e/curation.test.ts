/**
 * End-to-end curation in headless Debian Chromium against the real server on the demo corpus: merge (from the
 * details panel and from the canvas menu), rename, delete, split an alias off, reject a typed relation, and undo
 * every one from the Curation tab, each checked on the canvas, in the panel and through the API. Screenshots: test-output/screenshots/curation-*.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../core/config.ts';
import { hasChromium, launchChromium, waitReady, watchErrors } from './support/browser.ts';
import { startExplorer } from './support/explorer-server.ts';

const SHOTS = join(PROJECT_ROOT, 'test-output', 'screenshots');
const skipReason = hasChromium() ? null : 'curation E2E skipped: /usr/bin/chromium is absent (apt-get install -y chromium, or set CHROMIUM_PATH)';
if (skipReason) console.warn(skipReason);

const nodeIds = (page: Page) => page.evaluate(() => window.cy.nodes().map((n) => n.id()).sort());
const label = (page: Page, id: string) => page.evaluate((nid) => window.cy.getElementById(nid).data('label') as string | undefined, id);

describe.skipIf(skipReason !== null)('curation (browser)', () => {
  let browser: Browser;
  let page: Page;
  let base: string;
  let errors: string[] = [];
  let stop: () => Promise<void> = async () => {};
  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `curation-${name}.png`) });
  const api = async (path: string) => (await fetch(`${base}/api${path}`)).json();

  /** Puts an entity on the canvas through the search box and waits for its details. */
  async function open(query: string, id: string, title: string) {
    await page.click('[data-testid=search-input]');
    await page.fill('[data-testid=search-input]', query);
    await page.locator(`[data-testid=search-hit][data-id="${id}"]`).click();
    await page.waitForFunction((nid) => window.cy.getElementById(nid).selected(), id);
    await expect(page.locator('[data-testid=details-title]').innerText()).resolves.toBe(title);
  }

  async function openCurate() {
    const box = page.locator('[data-testid=curate]');
    await box.waitFor();
    if (!(await box.evaluate((el) => (el as HTMLDetailsElement).open))) await page.click('[data-testid=curate-open]');
    await page.locator('[data-testid=curate-rename]').waitFor();
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ({ url: base, close: stop } = await startExplorer(PROJECT_ROOT, join(PROJECT_ROOT, 'demo', 'corpus'), { HOST: '127.0.0.1', CURATION_TOKEN: '' }));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    errors = watchErrors(page);
    await page.goto(`${base}/`);
    await waitReady(page);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stop();
  });

  it('merges “LoRA” into “LoRA Soup” from the details panel', async () => {
    await open('LoRA Soup', 'Method:lora-soup', 'LoRA Soup');
    await open('LoRA', 'Method:lora', 'LoRA');
    await page.evaluate(() => window.explorer.expand('Method:lora'));
    await page.waitForFunction(() => window.cy.getElementById('Method:lora').connectedEdges().length > 0, null, { timeout: 15_000 });
    await page.waitForTimeout(700);
    const loraNeighbours = await page.evaluate(() => window.cy.getElementById('Method:lora').neighborhood('node').map((n) => n.id()).filter((id) => id !== 'Method:lora-soup'));
    await openCurate();
    await page.fill('[data-testid=curate-merge-input]', 'LoRA Soup');
    await page.locator('[data-testid=curate-merge-hit][data-id="Method:lora-soup"]').click();
    await expect(page.locator('[data-testid=curate-merge]').innerText()).resolves.toBe('Merge “LoRA” into “LoRA Soup”');
    await shot('01-merge-picker');
    await page.click('[data-testid=curate-merge]');
    await page.waitForFunction(() => window.cy.getElementById('Method:lora').empty() && window.cy.getElementById('Method:lora-soup').selected());
    await expect(page.locator('[data-testid=details-title]').innerText()).resolves.toBe('LoRA Soup');
    await expect(page.locator('.aliases').innerText()).resolves.toContain('LoRA');
    await page.locator('[data-testid=curate-banner]').waitFor();
    expect(await nodeIds(page)).not.toContain('Method:lora');
    // LoRA's edges on the canvas now end on LoRA Soup.
    const soupNeighbours = await page.evaluate(() => window.cy.getElementById('Method:lora-soup').neighborhood('node').map((n) => n.id()));
    expect(soupNeighbours).toEqual(expect.arrayContaining(loraNeighbours));
    await page.waitForTimeout(500);
    await shot('02-merged');
    expect((await api('/entities/Method%3Alora-soup')).aliases).toContain('LoRA');
  });

  it('renames the merged entity', async () => {
    await openCurate();
    await page.fill('[data-testid=curate-name]', 'LoRA Soup (adapter merging)');
    await page.click('[data-testid=curate-rename]');
    await expect.poll(() => page.locator('[data-testid=details-title]').innerText(), { timeout: 10_000 }).toBe('LoRA Soup (adapter merging)');
    await expect.poll(() => label(page, 'Method:lora-soup'), { timeout: 10_000 }).toBe('LoRA Soup (adapter merging)');
    await shot('03-renamed');
  });

  it('deletes a junk entity: it leaves the canvas and the search', async () => {
    await open('Haddad', 'Person:haddad', 'Haddad');
    await openCurate();
    await page.click('[data-testid=curate-delete]');
    await page.click('[data-testid=curate-delete-confirm]');
    await page.waitForFunction(() => window.cy.getElementById('Person:haddad').empty());
    await page.fill('[data-testid=search-input]', 'Haddad');
    await page.locator('[data-testid=search-results]').waitFor();
    await page.waitForTimeout(500);
    await expect(page.locator('[data-testid=search-hit][data-id="Person:haddad"]').count()).resolves.toBe(0);
    await page.keyboard.press('Escape');
    await shot('04-deleted');
  });

  it('merges two canvas nodes from the right-click menu', async () => {
    await open('Stanford', 'Lab:stanford', 'Stanford');
    await open('ETH Zurich', 'Lab:eth-zurich', 'ETH Zurich');
    // ETH Zurich is selected; right-click Stanford and merge it into the selection.
    const pos = await page.evaluate(() => {
      const p = window.cy.getElementById('Lab:stanford').renderedPosition();
      const box = window.cy.container()!.getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    });
    await page.mouse.click(pos.x, pos.y, { button: 'right' });
    await page.locator('[data-testid=ctx-merge-into-selected]').waitFor();
    await expect(page.locator('[data-testid=ctx-merge-into-selected]').innerText()).resolves.toBe('Merge into “ETH Zurich”');
    await shot('05-context-menu');
    await page.click('[data-testid=ctx-merge-into-selected]');
    await page.waitForFunction(() => window.cy.getElementById('Lab:stanford').empty());
  });

  it('splits an alias off, and rejects a typed relation from the edge details', async () => {
    await open('SGB', 'Method:sgb', 'SGB');
    await openCurate();
    await page.locator('[data-testid=curate-split][data-alias="Stepwise Group Baselines"]').click();
    await page.waitForFunction(() => window.cy.getElementById('Method:stepwise-group-baselines').selected(), null, { timeout: 15_000 });
    await expect(page.locator('[data-testid=details-title]').innerText()).resolves.toBe('Stepwise Group Baselines');
    await open('SGB', 'Method:sgb', 'SGB');
    await page.evaluate(() => window.explorer.expand('Method:sgb'));
    const edge = 'Method:sgb|IMPROVES_ON|Method:grpo';
    await page.waitForFunction((id) => window.cy.getElementById(id).nonempty(), edge, { timeout: 15_000 });
    await page.waitForTimeout(700);
    await page.evaluate((id) => {
      window.cy.$(':selected').unselect();
      window.cy.getElementById(id).select();
    }, edge);
    await page.click('[data-testid=curate-reject]');
    await shot('06-reject');
    await page.click('[data-testid=curate-reject-confirm]');
    await page.waitForFunction((id) => window.cy.getElementById(id).empty(), edge);
    const left = await api('/edges?source=Method%3Asgb&target=Method%3Agrpo');
    expect(left.items.map((i: { type: string }) => i.type)).not.toContain('IMPROVES_ON');
  });

  it('lists every decision in the Curation tab, and undoes them all', async () => {
    await page.click('[data-testid=tab-curation]');
    await expect.poll(() => page.locator('[data-testid=curation-decision]').count(), { timeout: 10_000 }).toBe(6);
    const summaries = await page.locator('[data-testid=curation-decision] .decision-what').allInnerTexts();
    expect(summaries).toEqual([
      'Rejected “SGB” IMPROVES_ON “GRPO”',
      'Split “Stepwise Group Baselines” off “SGB”',
      'Merged “Stanford” into “ETH Zurich”',
      'Deleted “Haddad”',
      'Renamed “LoRA Soup” to “LoRA Soup (adapter merging)”',
      'Merged “LoRA” into “LoRA Soup”',
    ]);
    await shot('07-log');
    // Newest first: each Undo takes the top one.
    for (let left = 5; left >= 0; left--) {
      await page.locator('[data-testid=curation-undo]').first().click();
      await expect.poll(() => page.locator('[data-testid=curation-decision]').count(), { timeout: 10_000 }).toBe(left);
    }
    await page.locator('[data-testid=curation-empty]').waitFor();
    await shot('08-log-empty');
    expect((await api('/curation')).decisions).toEqual([]);
    // The extractor's view is back: LoRA, Haddad and Stanford exist again, the names are the extractor's.
    expect((await api('/entities/Method%3Alora')).name).toBe('LoRA');
    expect((await api('/entities/Person%3Ahaddad')).name).toBe('Haddad');
    expect((await api('/entities/Lab%3Astanford')).name).toBe('Stanford');
    expect((await api('/entities/Method%3Alora-soup')).aliases).not.toContain('LoRA');
    expect((await api('/entities/Method%3Asgb')).aliases).toContain('Stepwise Group Baselines');
    expect((await api('/edges?source=Method%3Asgb&target=Method%3Agrpo')).items.map((i: { type: string }) => i.type)).toContain('IMPROVES_ON');
    await page.click('[data-testid=tab-details]');
    await page.waitForTimeout(600);
    const ids = await nodeIds(page);
    expect(ids).toEqual(expect.arrayContaining(['Method:lora', 'Method:lora-soup', 'Person:haddad', 'Lab:stanford', 'Lab:eth-zurich']));
    await expect.poll(() => label(page, 'Method:lora-soup'), { timeout: 10_000 }).toBe('LoRA Soup');
    await page.evaluate(() => window.cy.fit(undefined, 80));
    await page.evaluate(() => window.cy.zoom() > 1.4 && (window.cy.zoom(1.4), window.cy.center()));
    await shot('09-undone');
  });

  it('logged no console errors', () => {
    expect(errors).toEqual([]);
  });
});
