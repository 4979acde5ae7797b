/**
 * The real explorer for an end-to-end file: the bundle built (once per run), the test database emptied, and the app
 * started on a free port, ingesting `corpus` at start-up as `npm start` does.
 */
import { buildClientOnce } from './browser.ts';

export async function startExplorer(root: string, corpus: string, env: Record<string, string> = {}): Promise<{ url: string; close: () => Promise<void> }> {
  buildClientOnce(root);
  const { loadConfig } = await import('../../../core/config.ts');
  const { startServer } = await import('../../../app/start.ts');
  const { testConfigEnv, testDriver, wipe } = await import('../../helpers/neo4j.ts');
  const driver = testDriver();
  await wipe(driver);
  await driver.close();
  const running = await startServer(loadConfig({ ...process.env, ...testConfigEnv(), PORT: '0', CORPUS_DIR: corpus, LOG_LEVEL: 'error', ...env }), () => {});
  return { url: running.url, close: running.close };
}
