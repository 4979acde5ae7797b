/**
 * Finds Neo4j for the stdio server exactly as `npm start` does (server/start.ts): NEO4J_URI, else the embedded
 * Neo4j already serving NEO4J_DATA_DIR, else it starts the embedded one; then applies the schema and ingests
 * CORPUS_DIR into an empty graph. It connects in the background, so the MCP handshake never waits for a JVM;
 * a failure is kept as the reason given to tool calls, and the next call tries again.
 */
import type { Driver } from 'neo4j-driver';
import { applySchema } from '../cypher/apply-schema.ts';
import { connectNeo4j, type Neo4jConnection } from '../neo4j/connect.ts';
import type { Config } from '../core/config.ts';
import { API_DRIVER_TUNING, loadCorpusIfEmpty } from '../app/start.ts';
import { GraphUnavailableError } from './errors.ts';

export interface LazyGraph {
  /** The driver once connected; rejects with a GraphUnavailableError (and retries on the next call) otherwise. */
  driver(): Promise<Driver>;
  /** Closes the driver and, if this process started it, the embedded Neo4j. */
  close(): Promise<void>;
}

export function lazyGraph(config: Config, log: (msg: string) => void): LazyGraph {
  let conn: Neo4jConnection | null = null;
  let pending: Promise<Neo4jConnection> | null = null;
  let closed = false;

  const connect = async (): Promise<Neo4jConnection> => {
    const c = await connectNeo4j(config, log, API_DRIVER_TUNING);
    try {
      await applySchema(c.driver);
      await loadCorpusIfEmpty(c, config, log);
    } catch (err) {
      await c.close();
      throw err;
    }
    log(`Neo4j: ${c.source} ${c.uri}`);
    return c;
  };

  return {
    async driver() {
      if (conn) return conn.driver;
      if (closed) throw new GraphUnavailableError('the MCP server is shutting down');
      pending ??= connect().then(
        (c) => {
          conn = c;
          pending = null;
          return c;
        },
        (err: Error) => {
          pending = null;
          throw new GraphUnavailableError(err.message);
        },
      );
      return (await pending).driver;
    },
    async close() {
      closed = true;
      const waiting = pending;
      if (waiting) await waiting.catch(() => undefined);
      await conn?.close();
      conn = null;
    },
  };
}
