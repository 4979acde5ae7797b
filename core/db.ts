/**
 * The one way the project talks to Neo4j through a driver: a session per unit of work, closed in `finally`.
 * - `read` / `write`: one managed transaction (`executeRead` / `executeWrite`; the driver retries transient
 *   failures) in a READ / WRITE session (so a cluster routes it to a reader / the leader; see bookmarkManagerOf);
 * - `readRecords`: ONE statement as an auto-commit read — one round trip (RUN + PULL) where a managed transaction
 *   adds BEGIN and COMMIT — tried once more on a fresh connection after a retriable failure;
 * - `withSession`: a bare session, for what cannot run in a managed transaction (schema commands, `CALL {…} IN
 *   TRANSACTIONS`).
 *
 * The graph-changed signal: every `write` (and every `withSession(…, 'WRITE', …)` that says so) tells this process
 * that the graph may have changed — even after a failure, since a commit whose answer was lost still changed it.
 * The API's response cache listens, so an in-process writer never reads its own stale data.
 */
import neo4j, { Neo4jError, type BookmarkManager, type Driver, type ManagedTransaction, type Record as Neo4jRecord, type Session } from 'neo4j-driver';

export interface SessionOptions {
  /** Transaction timeout in ms: the server kills the query after it. */
  timeout?: number;
  /** Records per pull (e.g. a row cap, so no more than that is ever buffered). */
  fetchSize?: number;
}

type Mode = 'READ' | 'WRITE';

const txConfig = (opts: SessionOptions) => (opts.timeout ? { timeout: opts.timeout } : undefined);

/**
 * One bookmark manager per driver, shared by every session of this process: on a cluster (`neo4j://`,
 * `neo4j+s://`) a read routed to a follower then waits until that follower has this process's earlier writes (an
 * ingest reading back what it wrote); on a single server it costs nothing.
 */
const bookmarks = new WeakMap<Driver, BookmarkManager>();
function bookmarkManagerOf(driver: Driver): BookmarkManager {
  let manager = bookmarks.get(driver);
  if (!manager) {
    manager = neo4j.bookmarkManager();
    bookmarks.set(driver, manager);
  }
  return manager;
}

/** Runs `work` with a session of `mode`, closed afterwards whatever happens. */
export async function withSession<T>(
  driver: Driver,
  mode: Mode,
  work: (session: Session) => Promise<T>,
  opts: SessionOptions & { changesGraph?: boolean } = {},
): Promise<T> {
  const session = driver.session({
    defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    bookmarkManager: bookmarkManagerOf(driver),
    ...(opts.fetchSize ? { fetchSize: opts.fetchSize } : {}),
  });
  try {
    return await work(session);
  } finally {
    if (opts.changesGraph) signalGraphChanged();
    await session.close();
  }
}

/** One read transaction (retried by the driver on transient failures). */
export function read<T>(driver: Driver, work: (tx: ManagedTransaction) => Promise<T>, opts: SessionOptions = {}): Promise<T> {
  return withSession(driver, 'READ', (s) => s.executeRead(work, txConfig(opts)), opts);
}

/** One write transaction (retried by the driver on transient failures); signals that the graph changed. */
export function write<T>(driver: Driver, work: (tx: ManagedTransaction) => Promise<T>, opts: SessionOptions = {}): Promise<T> {
  return withSession(driver, 'WRITE', (s) => s.executeWrite(work, txConfig(opts)), { ...opts, changesGraph: true });
}

/** ONE statement as an auto-commit read; a retriable failure (a pooled connection that died) is tried once more. */
export async function readRecords(driver: Driver, query: string, params: Record<string, unknown> = {}, opts: SessionOptions = {}): Promise<Neo4jRecord[]> {
  const run = () => withSession(driver, 'READ', async (s) => (await s.run(query, params, txConfig(opts))).records, opts);
  try {
    return await run();
  } catch (err) {
    if (!(err instanceof Neo4jError && err.retriable)) throw err;
    return run();
  }
}

// ---------- the graph-changed signal ----------
const listeners = new Set<() => void>();

/** Calls `listener` after every write of this process; returns the function that stops it. */
export function onGraphChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export function signalGraphChanged(): void {
  for (const listener of [...listeners]) listener();
}
