/**
 * Response cache for the read routes (search, entity, mentions, neighbours, timeline, edges, paths, documents,
 * stats). Keyed by the route and its validated (zod-parsed, so normalised) input; holds the serialised JSON body
 * and its ETag, so a hit costs neither a query nor a JSON.stringify.
 *
 * Invalidation is by GRAPH VERSION: every ingest write transaction bumps `(:GraphVersion {id: 'graph'})` in the
 * same transaction (cypher/ingest.ts bumpGraphVersion). The cache reads that version at most once per
 * `versionTtlMs` (one query shared by every request waiting on it), and drops everything when it changed — a
 * missing node (a wiped graph) counts as a change too. A write by this very process (core/db.ts's graph-changed
 * signal) makes the next request look again at once, so in-process writers never see their own stale data; other writers are seen
 * within ~versionTtlMs. Only successful results are stored: errors (404, 400, 422, 503...) never are, and a failed
 * version read fails the request rather than serving what might be stale.
 *
 * Bounded by entries and bytes, least recently used first out. Concurrent misses of one key share one computation.
 * The Cypher console is not cached. `API_CACHE_ENTRIES=0` disables all of this.
 */
import type { Request, Response } from 'express';
import type { Driver } from 'neo4j-driver';
import type { Config } from '../core/config.ts';
import { onGraphChanged } from '../core/db.ts';
import { QUERIES } from '../cypher/queries.ts';
import { readRows } from './services/db.ts';

export interface CacheOptions {
  /** Most entries held (0 disables the cache). */
  maxEntries: number;
  /** Most bytes held (bodies + keys, roughly). */
  maxBytes: number;
  /** How long a graph-version read stays good. */
  versionTtlMs: number;
}

const DEFAULT_CACHE_BYTES = 64 * 2 ** 20;
const DEFAULT_VERSION_TTL_MS = 500;

interface Entry {
  body: Buffer;
  etag: string | undefined;
  bytes: number;
}

export interface CacheStats {
  hits: number;
  misses: number;
  /** Times the graph version changed and the cache was dropped. */
  invalidations: number;
  versionReads: number;
  entries: number;
  bytes: number;
}

const UNSET = Symbol('unset');
const ENTRY_OVERHEAD = 160;

export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<Entry>>();
  private bytes = 0;
  /** Bumped whenever the cache is dropped: a computation started before that is not stored. */
  private generation = 0;
  private version: string | typeof UNSET = UNSET;
  /** Start time of the last successful version read. */
  private versionReadAt = -Infinity;
  /** A version read must have started at or after this to count (set when this process wrote). */
  private requiredFrom = -Infinity;
  private check: { startedAt: number; done: Promise<void> } | null = null;
  private readonly counters = { hits: 0, misses: 0, invalidations: 0, versionReads: 0 };

  constructor(
    private readonly readVersion: () => Promise<string>,
    readonly options: CacheOptions,
  ) {
    // Held weakly: a cache nobody uses any more (an app a test dropped) unsubscribes at the next write.
    const self = new WeakRef(this);
    const stop = onGraphChanged(() => {
      const cache = self.deref();
      if (cache) cache.requiredFrom = performance.now();
      else stop();
    });
  }

  stats(): CacheStats {
    return { ...this.counters, entries: this.entries.size, bytes: this.bytes };
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
    this.generation++;
  }

  /** Resolves once the cache reflects a graph version read recently enough; rejects if it cannot be read. */
  async ensureFresh(): Promise<void> {
    for (;;) {
      const minStart = Math.max(performance.now() - this.options.versionTtlMs, this.requiredFrom);
      if (this.versionReadAt >= minStart) return;
      if (this.check) {
        const current = this.check;
        if (current.startedAt >= minStart) return current.done;
        // A read that began too early: let it finish (one at a time), then look again.
        await current.done.catch(() => undefined);
        continue;
      }
      const startedAt = performance.now();
      const done = this.readVersion().then(
        (v) => {
          this.counters.versionReads++;
          if (this.version !== UNSET && v !== this.version) {
            this.counters.invalidations++;
            this.clear();
          }
          this.version = v;
          this.versionReadAt = startedAt;
        },
      );
      const check = { startedAt, done };
      this.check = check;
      void done.then(
        () => this.check === check && (this.check = null),
        () => this.check === check && (this.check = null),
      );
      return done;
    }
  }

  /** The cached body for `key`, or computes, serialises and (if the graph did not change meanwhile) stores it. */
  async get(key: string, compute: () => Promise<unknown>, etagOf: (body: Buffer) => string | undefined): Promise<{ entry: Entry; hit: boolean }> {
    await this.ensureFresh();
    const found = this.entries.get(key);
    if (found) {
      // Most recently used goes last.
      this.entries.delete(key);
      this.entries.set(key, found);
      this.counters.hits++;
      return { entry: found, hit: true };
    }
    const pending = this.inflight.get(key);
    if (pending) {
      this.counters.hits++;
      return { entry: await pending, hit: true };
    }
    this.counters.misses++;
    const generation = this.generation;
    const work = (async () => {
      const body = Buffer.from(JSON.stringify(await compute()));
      const entry: Entry = { body, etag: etagOf(body), bytes: body.length + key.length * 2 + ENTRY_OVERHEAD };
      if (generation === this.generation) this.store(key, entry);
      return entry;
    })();
    this.inflight.set(key, work);
    try {
      return { entry: await work, hit: false };
    } finally {
      this.inflight.delete(key);
    }
  }

  private store(key: string, entry: Entry): void {
    // One body bigger than a quarter of the budget would flush most of the cache for little gain.
    if (entry.bytes > this.options.maxBytes / 4) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.bytes;
    }
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    while (this.entries.size > this.options.maxEntries || this.bytes > this.options.maxBytes) {
      const [oldestKey, oldest] = this.entries.entries().next().value as [string, Entry];
      this.entries.delete(oldestKey);
      this.bytes -= oldest.bytes;
    }
  }
}

/** The graph version as one comparable token ('' when there is no GraphVersion node: a wiped graph). */
export async function readGraphVersion(driver: Driver): Promise<string> {
  const [row] = await readRows<{ version: string }>(driver, QUERIES.graphVersion, {});
  return row?.version ?? '';
}

function createResponseCache(driver: Driver, config: Pick<Config, 'API_CACHE_ENTRIES'>, options: Partial<CacheOptions> = {}): ResponseCache | null {
  if (config.API_CACHE_ENTRIES <= 0) return null;
  return new ResponseCache(() => readGraphVersion(driver), {
    maxEntries: config.API_CACHE_ENTRIES,
    maxBytes: options.maxBytes ?? DEFAULT_CACHE_BYTES,
    versionTtlMs: options.versionTtlMs ?? DEFAULT_VERSION_TTL_MS,
  });
}

/** One cache per app: every route factory gets the same deps object from createApp. */
const perApp = new WeakMap<object, ResponseCache | null>();

export function cacheFor(deps: { driver: Driver; config: Pick<Config, 'API_CACHE_ENTRIES'> }): ResponseCache | null {
  if (!perApp.has(deps)) perApp.set(deps, createResponseCache(deps.driver, deps.config));
  return perApp.get(deps) ?? null;
}

/**
 * Answers a read route through the cache: `key` is built from the route name and its validated input. Sends the
 * stored JSON with its ETag (so conditional requests still get 304), plus `X-Cache: hit|miss`.
 */
export async function sendCached(
  cache: ResponseCache | null,
  req: Request,
  res: Response,
  key: readonly unknown[],
  compute: () => Promise<unknown>,
): Promise<void> {
  if (!cache) {
    res.json(await compute());
    return;
  }
  const etagFn = req.app.get('etag fn') as ((body: Buffer, encoding?: string) => string) | undefined;
  const { entry, hit } = await cache.get(JSON.stringify(key), compute, (body) => etagFn?.(body));
  res.setHeader('X-Cache', hit ? 'hit' : 'miss');
  if (entry.etag) res.setHeader('ETag', entry.etag);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.send(entry.body);
}
