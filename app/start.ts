/**
 * The start path of `npm start`, composed from the layers: find Neo4j (neo4j/) → apply the schema (cypher/) →
 * ingest the demo corpus if the graph is empty (ingest/) → serve API + client (server/). Returned `close()` stops
 * the HTTP server, the driver and (if ours) the embedded DB.
 */
import { existsSync } from 'node:fs';
import type { Config } from '../core/config.ts';
import { createLogger } from '../core/log.ts';
import { applySchema } from '../cypher/apply-schema.ts';
import { ingestInputs } from '../ingest/pipeline.ts';
import { graphCounts } from '../ingest/write.ts';
import { connectNeo4j, type DriverTuning, type Neo4jConnection } from '../neo4j/connect.ts';
import { createApp } from '../server/app.ts';
import { listen } from '../server/listen.ts';

/** A request should fail fast with a 503 when the database is down rather than retry for the driver's default 5 s. */
export const API_DRIVER_TUNING: DriverTuning = { maxTransactionRetryTime: 1_000 };

export interface RunningServer {
  url: string;
  conn: Neo4jConnection;
  close(): Promise<void>;
}

export async function loadCorpusIfEmpty(conn: Neo4jConnection, config: Config, log: (m: string) => void): Promise<void> {
  if (!config.INGEST_ON_START) return;
  const { nodes } = await graphCounts(conn.driver);
  if (nodes > 0) {
    log(`graph has ${nodes} nodes: reusing it (nothing ingested)`);
    return;
  }
  if (!existsSync(config.CORPUS_DIR)) {
    log(`CORPUS_DIR ${config.CORPUS_DIR} does not exist: starting with an empty graph`);
    return;
  }
  log(`graph is empty: ingesting ${config.CORPUS_DIR}…`);
  const s = await ingestInputs(conn.driver, [config.CORPUS_DIR]);
  log(`ingested ${s.documents.created} document(s), ${s.words} words in ${(s.elapsedMs / 1000).toFixed(1)} s` +
    (s.skipped.length ? `; skipped ${s.skipped.length}: ${s.skipped.map((f) => `${f.path} (${f.reason})`).join(', ')}` : ''));
}

/** `log` gets the start-up lines (default: LOG_LEVEL info and up); request errors are logged at LOG_LEVEL error. */
export async function startServer(config: Config, log?: (m: string) => void): Promise<RunningServer> {
  const logger = createLogger(config.LOG_LEVEL);
  const info = log ?? logger.info;
  const conn = await connectNeo4j(config, info, API_DRIVER_TUNING);
  try {
    await applySchema(conn.driver);
    await loadCorpusIfEmpty(conn, config, info);
    const app = createApp({ driver: conn.driver, config, neo4jSource: conn.source, log: logger.error });
    const http = await listen(app, config.PORT, config.HOST);
    return {
      url: http.url,
      conn,
      async close() {
        await http.close();
        await conn.close();
      },
    };
  } catch (err) {
    await conn.close();
    throw err;
  }
}
