/** `npm start`: listens until SIGINT/SIGTERM, then shuts the embedded Neo4j down cleanly. */
import { loadConfig } from '../core/config.ts';
import { createLogger } from '../core/log.ts';
import { startServer } from './start.ts';

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL);
  const running = await startServer(config);
  log.info(`explorer ready at ${running.url} (Neo4j: ${running.conn.source} ${running.conn.uri}; started in ${((Date.now() - started) / 1000).toFixed(1)} s)`);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: shutting down…`);
    running.close().then(
      () => process.exit(0),
      (err: Error) => {
        console.error(`shutdown failed: ${err.message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err: Error) => {
  console.error(`start failed: ${err.message}`);
  process.exit(1);
});
