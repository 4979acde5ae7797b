/**
 * End-to-end, headless Debian Chromium against the real server on the five short issues we wrote
 * (test/fixtures/time-issues, January–March 2025): search that finds what people type, the time filter, the issue
 * browser with Connect's searchable picker, and What is new. Screenshots land in test-output/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../core/config.ts';
import { hasChromium, launchChromium, waitReady, watchErrors } from './support/browser.ts';
import { startExplorer } from './support/explorer-server.ts';

const CORPUS = join(PROJECT_ROOT, 'test', 'fixtures', 'time-issues');
const SHOTS = join(PROJECT_ROOT, 'test-output', 'screenshots');

const skipReason = hasChromium() ? null : 'E2E skipped: /usr/bin/chromium is absent (apt-get install -y chromium, or set CHROMIUM_PATH)';
if (skipReason) console.warn(skipReason);

const nodeIds = (page: Page) => page.evaluate(() => window.cy.nodes().map((n) => n.id()).sort());
const hitIds = (page: Page) => page.locator('[data-testid=search-hit]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id));

async function dblclickNode(page: Page, id: string) {
  const pos = await page.evaluate((nid) => {
    const p = window.cy.getElementById(nid).renderedPosition();
    const box = window.cy.container()!.getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
  await page.mouse.dblclick(pos.x, pos.y);
}

/** Types into the search box (replacing what is there) and waits for the answer to `q`. */
async function search(page: Page, q: string) {
  await page.fill('[data-testid=search-input]', '');
  await page.click('[data-testid=search-input]');
  const answered = page.waitForResponse((r) => r.url().includes('/api/search') && new URL(r.url()).searchParams.get('q') === q);
  await page.keyboard.type(q);
  await answered;
  await page.locator('#search-list:not([hidden])').waitFor();
}

async function setRange(page: Page, from: string, to: string) {
  const settled = () => page.waitForFunction((f) => new URL(location.href).searchParams.get('from') === f, from);
  await page.fill('[data-testid=time-from]', from);
  await page.fill('[data-testid=time-to]', to);
  await settled();
  await page.waitForSelector('[data-testid=busy][hidden]', { state: 'attached' });
}

describe.skipIf(skipReason !== null)('time, issues and what is new (browser)', () => {
  let browser: Browser;
  let page: Page;
  let base: string;
  let errors: string[] = [];
  let stop: () => Promise<void> = async () => {};
  const started = Date.now();
  const shot = (name: string, p: Page = page) => p.screenshot({ path: join(SHOTS, `${name}.png`) });

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ({ url: base, close: stop } = await startExplorer(PROJECT_ROOT, CORPUS));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    errors = watchErrors(page);
    await page.goto(`${base}/`);
    await waitReady(page);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stop();
    console.log(`time-and-issues E2E: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  it('shows the archive as a histogram above the canvas', async () => {
    await page.waitForFunction(() => document.querySelector('[data-testid=time-label]')?.textContent === 'all time · 5 issues');
    await expect(page.locator('[data-testid=time-filter] .tf-bar').count()).resolves.toBeGreaterThan(5);
  });

  it('search finds dotted versions, both apostrophes and issues by title', async () => {
    await search(page, 'GPT-4.5');
    const gpt = await hitIds(page);
    expect(gpt[0]).toBe('Model:gpt-4.5');
    expect(gpt).not.toContain('Model:gpt-4.1');
    expect(gpt).not.toContain('Model:gpt-4o');
    await search(page, 'Qwen2.5');
    expect((await hitIds(page)).slice(0, 2)).toEqual(['Model:qwen2.5', 'Model:qwen2.5-max']);
    await expect(page.locator('[data-testid=search-hit]').first().locator('mark').innerText()).resolves.toBe('Qwen2.5');
    await shot('search-dotted');
    await search(page, "Humanity's Last Exam");
    expect((await hitIds(page))[0]).toBe('Benchmark:humanitys-last-exam');
    const docHit = page.locator('[data-testid=search-doc-hit]').first();
    await expect(docHit.innerText()).resolves.toContain('GPT-4.5 Meets Humanity’s Last Exam');
    await shot('search-issues');
    await search(page, 'gemini 2.5 pro');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.cy.$('#Model\\:gemini-2\\.5-pro').selected());
    await expect(page.innerText('[data-testid=details-title]')).resolves.toBe('Gemini 2.5 Pro');
  });

  it('a date range limits the canvas, neighbours, search and details, and lives in the URL', async () => {
    await page.click('[data-testid=clear-canvas]');
    await search(page, 'GPT-4.5');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.cy.$('#Model\\:gpt-4\\.5').selected());
    await dblclickNode(page, 'Model:gpt-4.5');
    await page.waitForFunction(() => window.cy.nodes().length > 3, null, { timeout: 15_000 });
    expect(await nodeIds(page)).toContain('Model:gemini-2.5-pro');
    await setRange(page, '2025-02-01', '2025-02-28');
    await page.waitForFunction(() => window.cy.nodes().length > 1 && !window.cy.$('#Model\\:gemini-2\\.5-pro').length, null, { timeout: 15_000 });
    const feb = await nodeIds(page);
    expect(feb).toEqual(expect.arrayContaining(['Model:gpt-4.5', 'Model:claude-3.7-sonnet', 'Benchmark:humanitys-last-exam']));
    expect(feb).not.toContain('Model:gemini-2.5-pro'); // its relation to GPT-4.5 is stated in March
    expect(page.url()).toMatch(/from=2025-02-01&to=2025-02-28/);
    await expect(page.innerText('[data-testid=time-label]')).resolves.toBe('1 Feb – 28 Feb 2025 · 1 issue');
    await expect(page.innerText('[data-testid=status]')).resolves.toContain('1 Feb – 28 Feb 2025');
    // Details are counted over the range; the timeline shades it.
    await page.evaluate(() => void window.cy.$('#Model\\:gpt-4\\.5').unselect().select());
    await page.locator('[data-testid=details-range]').waitFor();
    await expect(page.innerText('[data-testid=mention-total]')).resolves.toBe('(4)');
    await expect(page.locator('[data-testid=timeline] .in-range').count()).resolves.toBe(1);
    await page.waitForTimeout(500);
    await shot('time-range');
    // Search within the range: Gemini 2.5 Pro is only mentioned in March.
    await search(page, 'Gemini 2.5 Pro');
    expect(await hitIds(page)).not.toContain('Model:gemini-2.5-pro');
    await expect(page.innerText('[data-testid=search-range]')).resolves.toContain('1 Feb – 28 Feb 2025');
    await page.keyboard.press('Escape');
    // The slider moves by whole bars with the keyboard too; clearing goes back to all time.
    await page.click('[data-testid=time-clear]');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('from'));
    await page.waitForFunction(() => window.cy.$('#Model\\:gemini-2\\.5-pro').length > 0, null, { timeout: 15_000 });
    await page.focus('[data-testid=time-from-slider]');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => new URL(location.href).searchParams.has('from'));
    await page.click('[data-testid=time-clear]');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('from'));
  });

  it('the issue browser lists, searches and filters issues; opening one shows its graph and its text', async () => {
    await page.click('[data-testid=tab-issues]');
    await page.locator('[data-testid=issue-item]').first().waitFor();
    await expect(page.locator('[data-testid=issue-item]').count()).resolves.toBe(5);
    await expect(page.innerText('[data-testid=issues-count]')).resolves.toBe('1–5 of 5');
    await page.fill('[data-testid=issues-q]', 'humanity’s');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=issue-item]').length === 1);
    await page.fill('[data-testid=issues-q]', '');
    await page.selectOption('[data-testid=issues-publication]', 'Model Notes');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=issue-item]').length === 2);
    await page.selectOption('[data-testid=issues-publication]', '');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=issue-item]').length === 5);
    const item = page.locator('[data-testid=issue-item]', { hasText: 'GPT-4.5 Meets' });
    const docId = (await item.getAttribute('data-id'))!;
    await item.locator('[data-testid=issue-open]').click();
    await page.waitForFunction((id) => window.cy.getElementById(id).length > 0 && window.cy.nodes().length > 5, docId, { timeout: 15_000 });
    const ids = await nodeIds(page);
    expect(ids).toEqual(expect.arrayContaining(['Model:gpt-4.5', 'Benchmark:humanitys-last-exam', 'Method:rc']));
    expect(await page.evaluate(() => window.cy.edges('[type = "IMPROVES_ON"]').length)).toBeGreaterThan(0);
    await page.waitForFunction((id) => new URL(location.href).searchParams.get('issue') === id, docId);
    await expect(item.getAttribute('class')).resolves.toContain('current');
    await page.waitForTimeout(800);
    await shot('issue-browser');
    await item.locator('[data-testid=issue-read]').click();
    const view = page.locator('[data-testid=document-view]');
    await view.locator('[data-testid=doc-entity]').first().waitFor();
    await expect(view.locator('[data-testid=doc-entity]').count()).resolves.toBeGreaterThan(8);
    await shot('issue-text');
    // From the open issue, connect it to another one, picked by typing in the searchable picker.
    await page.click('[data-testid=document-connect]');
    await expect(view.isHidden()).resolves.toBe(true);
    await expect(page.getAttribute('[data-testid=connect-from]', 'data-value')).resolves.toBe(docId);
    await page.click('[data-testid=connect-to]');
    await page.keyboard.type('gemini');
    const option = page.locator('[data-testid=connect-to-options] [data-testid=picker-option]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=connect-to-options] [data-testid=picker-option]').length === 1);
    await expect(option.innerText()).resolves.toContain('Gemini 2.5 Pro Tops the Board');
    await page.keyboard.press('Enter');
    await expect(page.inputValue('[data-testid=connect-to]')).resolves.toMatch(/^Gemini 2\.5 Pro Tops the Board · Model Notes #1 · 2025-03-03$/);
    await page.click('[data-testid=connect-run]');
    await page.locator('[data-testid=path]').first().waitFor({ timeout: 20_000 });
    await expect(page.locator('[data-testid=shared-entities] .chip').count()).resolves.toBeGreaterThan(0);
    expect(page.url()).toContain('compare=');
    await page.waitForTimeout(800);
    await shot('connect-picker');
  });

  it('What is new: first seen, rising by mentions or issues, new relations — as a list and on the canvas', async () => {
    await setRange(page, '2025-03-01', '2025-03-31');
    await page.click('[data-testid=tab-new]');
    await page.locator('[data-testid=new-entity]').first().waitFor();
    await expect(page.inputValue('[data-testid=new-period]')).resolves.toBe('filter');
    await expect(page.innerText('[data-testid=new-period-label]')).resolves.toMatch(/1 Mar – 31 Mar 2025 · 2 issues[\s\S]*against 29 Jan – 28 Feb 2025 · 1 issue/);
    await expect(page.innerText('[data-testid=new-entities]')).resolves.toContain('Gemini 2.5 Pro');
    await expect(page.innerText('[data-testid=new-relations]')).resolves.toMatch(/RC2[\s\S]*IMPROVES_ON[\s\S]*RC/);
    await page.click('[data-testid=new-by-documents]');
    await page.waitForFunction(() => document.querySelector('[data-testid=new-rising]')?.textContent?.includes('GPT-4.5'));
    await expect(page.innerText('[data-testid=new-rising]')).resolves.toMatch(/GPT-4\.5\s*\+1 issue · 1 → 2 issues/);
    await page.click('[data-testid=new-show]');
    await page.waitForFunction(() => window.cy.nodes('[trend = "new"]').length > 2 && window.cy.nodes('[trend = "rising"]').length > 0, null, { timeout: 15_000 });
    expect(await page.evaluate(() => window.cy.edges('[trend = "new"]').length)).toBeGreaterThan(0);
    await page.waitForTimeout(1000);
    await shot('whats-new');
  });

  it('a shared URL brings back the range, the opened issue and the tab', async () => {
    await page.click('[data-testid=tab-issues]');
    await page.locator('[data-testid=issue-item]').first().waitFor();
    await page.locator('[data-testid=issue-item] [data-testid=issue-open]').first().click();
    await page.waitForFunction(() => new URL(location.href).searchParams.has('issue'));
    await page.waitForTimeout(500);
    const url = page.url();
    expect(url).toMatch(/from=2025-03-01/);
    const before = await nodeIds(page);
    const p2 = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors2 = watchErrors(p2);
    await p2.goto(url);
    await waitReady(p2);
    await expect(p2.innerText('[data-testid=time-label]')).resolves.toMatch(/^1 Mar – 31 Mar 2025/);
    await expect(p2.getAttribute('[data-testid=tab-issues]', 'aria-selected')).resolves.toBe('true');
    expect(await nodeIds(p2)).toEqual(before);
    await p2.locator('[data-testid=issue-item]').first().waitFor();
    await expect(p2.locator('[data-testid=issue-item]').count()).resolves.toBe(2); // the issues of March
    await p2.close();
    expect(errors2).toEqual([]);
  });

  it('logged no console errors', () => {
    expect(errors).toEqual([]);
  });
});
