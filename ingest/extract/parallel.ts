/**
 * Parallel extraction on worker threads, with results identical to the sequential Extractor.
 *
 * Extraction has two halves (see Extractor.extract): a text-only half — span rules, acronym definitions and the
 * compromise person parse, about three quarters of the CPU — and a resolution half that reads and grows the
 * cross-document registry, so it must see documents in order. The text-only half runs here on a pool of workers
 * (`prepareText`), ahead of the main thread, which resolves each document in input order with the prepared result.
 */
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DocumentRecord, EntityRecord, Extraction, RelationRecord, FactLink } from '../model.ts';
import { extractAll, Extractor, type KnownEntity, type PreparedText } from './index.ts';

const WORKER_URL = new URL('./prepare-worker.ts', import.meta.url);

/**
 * The worker is TypeScript, and tsx's `--import` hook does not carry over into worker threads on Node 20: a tiny
 * eval'd bootstrap registers tsx's ESM loader inside the worker, then imports the worker module.
 */
function workerBootstrap(): string {
  // The ESM build of tsx/esm/api (require.resolve would give the CJS one).
  const tsxApi = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  return `(async () => { const { register } = await import(${JSON.stringify(tsxApi)}); register(); await import(${JSON.stringify(WORKER_URL.href)}); })().catch((e) => { throw e; });`;
}

interface Pending {
  resolve: (p: PreparedText) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

/**
 * Old-generation heap of a worker. Its live set is compromise, the rule tables and a parse cache (~100 MB); left
 * to itself V8 lets garbage grow far past that, and two workers then cost the ingest most of its peak RSS.
 */
const WORKER_HEAP_MB = 384;

export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism());
}

/** A pool of workers that run prepareText; jobs go to the least busy worker. */
export class PreparePool {
  private readonly slots: Slot[] = [];
  private seq = 0;
  private closed = false;

  constructor(size = defaultWorkerCount()) {
    const boot = workerBootstrap();
    for (let i = 0; i < Math.max(1, size); i++) {
      const worker = new Worker(boot, { eval: true, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
      const slot: Slot = { worker, pending: new Map() };
      worker.on('message', (msg: { id: number; prepared?: PreparedText; error?: string }) => {
        const p = slot.pending.get(msg.id);
        if (!p) return;
        slot.pending.delete(msg.id);
        if (slot.pending.size === 0) worker.unref();
        if (msg.error !== undefined) p.reject(new Error(`extraction worker: ${msg.error}`));
        else p.resolve(msg.prepared!);
      });
      const failAll = (err: Error) => {
        for (const p of slot.pending.values()) p.reject(err);
        slot.pending.clear();
      };
      worker.on('error', failAll);
      worker.on('exit', (code) => {
        if (!this.closed) failAll(new Error(`extraction worker exited with code ${code}`));
      });
      worker.unref();
      this.slots.push(slot);
    }
  }

  get size(): number {
    return this.slots.length;
  }

  prepare(text: string): Promise<PreparedText> {
    if (this.closed) return Promise.reject(new Error('PreparePool is closed'));
    let slot = this.slots[0]!;
    for (const s of this.slots) if (s.pending.size < slot.pending.size) slot = s;
    const id = ++this.seq;
    return new Promise<PreparedText>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      // Busy workers keep the process alive; idle ones do not (a forgotten close() never hangs the process).
      slot.worker.ref();
      slot.worker.postMessage({ id, text });
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

export interface ParallelOptions {
  /** Worker threads for the text-only half (default: all cores). */
  workers?: number;
  /** Documents prepared ahead of the one being resolved (default: 4 per worker). */
  window?: number;
  /** A pool to use (and leave open) instead of starting one. */
  pool?: PreparePool;
}

/**
 * Starting workers (a TypeScript loader per thread) costs about what one thread extracts in half a second, so
 * below this many words extraction stays on the calling thread.
 */
export const POOL_MIN_WORDS = 30_000;

/**
 * extractAll on all cores where that pays (POOL_MIN_WORDS), else on this thread: the same Extraction either way.
 * What `npm run extract` and `npm run eval` use.
 */
export async function extractAllFast(docs: DocumentRecord[], known: KnownEntity[] = [], opts: ParallelOptions = {}): Promise<Extraction> {
  const words = docs.reduce((n, d) => n + d.wordCount, 0);
  const workers = opts.workers ?? defaultWorkerCount();
  if (!opts.pool && (workers < 2 || words < POOL_MIN_WORDS)) return extractAll(docs, known);
  return extractAllParallel(docs, known, opts);
}

/**
 * Extractor.extract over a stream of documents, in order, with the text-only half running ahead on workers.
 * Yields exactly what `new Extractor(known).extract(doc)` would, document by document.
 */
export async function* extractStream(
  docs: Iterable<DocumentRecord> | AsyncIterable<DocumentRecord>,
  extractor: Extractor,
  pool: PreparePool,
  window = pool.size * 4,
): AsyncGenerator<{ doc: DocumentRecord; entities: EntityRecord[]; relations: RelationRecord[]; facts: FactLink[] }> {
  const queue: Array<{ doc: DocumentRecord; prepared: Promise<PreparedText> }> = [];
  const next = async () => {
    const item = queue.shift()!;
    const out = extractor.extract(item.doc, await item.prepared);
    return { doc: item.doc, ...out };
  };
  for await (const doc of docs) {
    const prepared = pool.prepare(doc.text);
    prepared.catch(() => undefined); // surfaced when awaited, in order
    queue.push({ doc, prepared });
    while (queue.length > window) yield await next();
  }
  while (queue.length) yield await next();
}

/** extractAll on worker threads: the same Extraction, byte for byte. */
export async function extractAllParallel(docs: DocumentRecord[], known: KnownEntity[] = [], opts: ParallelOptions = {}): Promise<Extraction> {
  if (!Array.isArray(docs)) throw new TypeError(`extractAllParallel expects an array of documents, got ${typeof docs}`);
  const extractor = new Extractor(known);
  const pool = opts.pool ?? new PreparePool(opts.workers ?? defaultWorkerCount());
  const merged = new Map<string, EntityRecord>();
  const relations: RelationRecord[] = [];
  const facts: FactLink[] = [];
  try {
    for await (const out of extractStream(docs, extractor, pool, opts.window)) {
      for (const e of out.entities) {
        const prev = merged.get(e.id);
        if (prev) {
          prev.mentions.push(...e.mentions);
          prev.trusted = Boolean(prev.trusted || e.trusted);
        } else merged.set(e.id, { ...e, mentions: [...e.mentions] });
      }
      relations.push(...out.relations);
      facts.push(...out.facts);
    }
  } finally {
    if (!opts.pool) await pool.close();
  }
  const finalAliases = new Map(extractor.known().map((k) => [k.id, k.aliases]));
  const entities = [...merged.values()]
    .map((e) => ({ ...e, aliases: finalAliases.get(e.id) ?? e.aliases }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { documents: docs, entities, relations, facts };
}
