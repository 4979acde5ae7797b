/**
 * How every entry point (server, ingest CLI, benchmarks) finds Neo4j:
 *   1. NEO4J_URI set → that server;
 *   2. an embedded Neo4j already serving this data directory (another `npm start`) → reuse it;
 *   3. otherwise start the embedded Neo4j on NEO4J_BOLT_PORT with data in NEO4J_DATA_DIR.
 * One driver per process; `verifyConnectivity()` before anything else runs.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import type { Config } from '../core/config.ts';
import { startEmbeddedNeo4j } from './embedded.ts';

export interface Neo4jConnection {
  driver: Driver;
  uri: string;
  source: 'uri' | 'embedded' | 'embedded-shared';
  /** Closes the driver and, if this process started it, the embedded database. */
  close(): Promise<void>;
}

type Neo4jConfig = Pick<
  Config,
  'NEO4J_URI' | 'NEO4J_USER' | 'NEO4J_PASSWORD' | 'NEO4J_BOLT_PORT' | 'NEO4J_DATA_DIR' | 'NEO4J_PAGECACHE_MB' | 'NEO4J_HEAP_MB'
>;

/**
 * How long a transaction is retried on transient errors. Writers (ingest) ride out lock contention with the
 * driver's 5 s; the API prefers answering 503 quickly when the database is down (see app/start.ts).
 */
export interface DriverTuning {
  maxTransactionRetryTime?: number;
}

export function createDriver(uri: string, auth?: { user: string; password: string }, tuning: DriverTuning = {}): Driver {
  return neo4j.driver(uri, auth ? neo4j.auth.basic(auth.user, auth.password) : undefined, {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 50,
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 5_000,
    maxTransactionRetryTime: tuning.maxTransactionRetryTime ?? 5_000,
    logging: { level: 'error', logger: (_level, message) => console.error(`neo4j-driver: ${message}`) },
  });
}

const pidAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The marker a running embedded Neo4j leaves so a second process (e.g. `npm run ingest`) can share it. */
const markerPath = (dataDir: string) => join(dataDir, 'bolt.json');

async function reuseRunningEmbedded(dataDir: string, tuning: DriverTuning): Promise<Neo4jConnection | null> {
  const marker = markerPath(dataDir);
  if (!existsSync(marker)) return null;
  try {
    const { uri, pid } = JSON.parse(readFileSync(marker, 'utf8')) as { uri: string; pid: number };
    if (!pidAlive(pid)) return null;
    const driver = createDriver(uri, undefined, tuning);
    await driver.verifyConnectivity();
    return { driver, uri, source: 'embedded-shared', close: () => driver.close() };
  } catch {
    return null;
  }
}

export async function connectNeo4j(
  config: Neo4jConfig,
  log: (line: string) => void = console.error,
  tuning: DriverTuning = {},
): Promise<Neo4jConnection> {
  if (config.NEO4J_URI) {
    const driver = createDriver(config.NEO4J_URI, { user: config.NEO4J_USER, password: config.NEO4J_PASSWORD }, tuning);
    try {
      await driver.verifyConnectivity();
    } catch (err) {
      await driver.close();
      throw new Error(`Cannot reach Neo4j at NEO4J_URI=${config.NEO4J_URI}: ${(err as Error).message}`);
    }
    return { driver, uri: config.NEO4J_URI, source: 'uri', close: () => driver.close() };
  }

  const shared = await reuseRunningEmbedded(config.NEO4J_DATA_DIR, tuning);
  if (shared) {
    log(`neo4j: using the embedded Neo4j already running at ${shared.uri}`);
    return shared;
  }

  const embedded = await startEmbeddedNeo4j({
    dataDir: config.NEO4J_DATA_DIR,
    boltPort: config.NEO4J_BOLT_PORT,
    pageCacheMb: config.NEO4J_PAGECACHE_MB,
    heapMb: config.NEO4J_HEAP_MB,
    log,
  });
  const marker = markerPath(config.NEO4J_DATA_DIR);
  writeFileSync(marker, JSON.stringify({ uri: embedded.uri, pid: embedded.pid }));
  const driver = createDriver(embedded.uri, undefined, tuning);
  await driver.verifyConnectivity();
  return {
    driver,
    uri: embedded.uri,
    source: 'embedded',
    async close() {
      await driver.close();
      await embedded.stop();
      rmSync(marker, { force: true });
    },
  };
}
