/**
 * The start path of `npm start`: find Neo4j → apply the schema → ingest the demo corpus if the graph is
 * empty → serve API + client. Returned `close()` stops the HTTP server, the driver and (if ours) the embedded DB.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { applySchema } from '../cypher/apply-schema.ts';
import { connectNeo4j, type DriverTuning, type Neo4jConnection } from '../neo4j/connect.ts';
import { ingestInputs } from '../ingest/pipeline.ts';
import { graphCounts } from '../ingest/write.ts';
import { createApp } from './app.ts';
import type { Config } from './config.ts';

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

export async function startServer(config: Config, log: (m: string) => void = console.log): Promise<RunningServer> {
  const conn = await connectNeo4j(config, log, API_DRIVER_TUNING);
  try {
    await applySchema(conn.driver);
    await loadCorpusIfEmpty(conn, config, log);
    const app = createApp({ driver: conn.driver, config, neo4jSource: conn.source, log: console.error });
    const server: Server = await new Promise((resolve, reject) => {
      const s = app.listen(config.PORT, config.HOST, () => resolve(s));
      s.once('error', reject);
    });
    // Requests Node rejects before Express sees them (oversized headers, malformed HTTP) still get a JSON error.
    server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
      if (!socket.writable) return socket.destroy();
      const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
      const body = JSON.stringify({ error: { code: status === 431 ? 'headers_too_large' : 'bad_request', message: status === 431 ? 'Request headers (or URL) too large' : 'Malformed HTTP request' } });
      socket.end(`HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    });
    const { port } = server.address() as AddressInfo;
    const url = `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}`;
    return {
      url,
      conn,
      async close() {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await conn.close();
      },
    };
  } catch (err) {
    await conn.close();
    throw err;
  }
}
