/** Headless Debian Chromium via playwright-core, and page helpers shared by the E2E suite and the render benchmark. */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = (): boolean => existsSync(CHROMIUM_PATH);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Collects console errors and page errors (the suite asserts there are none). */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}${m.location().url ? ` (${m.location().url})` : ''}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => {
    const f = r.failure()?.errorText ?? '';
    if (!/ERR_ABORTED/.test(f)) errors.push(`requestfailed: ${r.url()} ${f}`);
  });
  return errors;
}

export async function waitReady(page: Page): Promise<void> {
  await page.waitForSelector('body[data-ready=true]', { timeout: 30_000 });
}

/**
 * Builds the explorer into client/dist once per test run: the end-to-end files run one after another in workers of
 * one vitest process, so a marker named after that process tells a later file the bundle is already current.
 */
export function buildClientOnce(root: string): void {
  const marker = join(root, 'client', 'dist', `.built-by-${process.ppid}`);
  if (existsSync(marker) && newestSource(root) < statSync(marker).mtimeMs) return;
  execSync('npm run build:client --silent', { cwd: root, stdio: 'pipe' });
  writeFileSync(marker, new Date().toISOString());
}

/** The newest modification time of what the bundle is built from (a guard for pools that share a parent process). */
function newestSource(root: string): number {
  let newest = 0;
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name === 'dist' || e.name === 'node_modules') continue;
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of ['client', 'contract', 'core']) walk(join(root, dir));
  return newest;
}
