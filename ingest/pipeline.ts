/**
 * read → hash check → extract → write, streamed (documents are never all held in memory) and pipelined:
 *   - every stored content hash is read in ONE query up front, so unchanged documents cost no query at all;
 *   - the text-only half of extraction runs ahead on worker threads (./extract/parallel.ts), while resolution
 *     stays sequential in document order on this thread (results identical to the sequential extractor);
 *   - new documents are written several whole documents per transaction (UNWIND batches), one batch in flight
 *     while the next is extracted. A failed batch is retried one document per transaction, so a bad document
 *     never loses the others and never leaves half of itself; changed documents are written one per transaction
 *     (they replace their own mentions and relations), after every earlier write has finished.
 */
import type { Driver } from 'neo4j-driver';
import { read } from '../core/db.ts';
import { readCuration } from '../cypher/curation-store.ts';
import { INGEST } from '../cypher/ingest.ts';
import { availableParallelism } from 'node:os';
// Types only: the extractor (compromise and the rule tables) is loaded when the first changed document needs it,
// so a re-ingest of unchanged files never pays for it.
import type { Extractor, KnownEntity, PreparedText } from './extract/index.ts';
import type { PreparePool } from './extract/parallel.ts';
import type { DocumentRecord, EntityType, RelationType } from './model.ts';
import { distinctIdentity, legacyDocumentId } from './readers/identity.ts';
import { readInputsIncremental } from './readers/index.ts';
import { documentHashes, removeDocument, setSourceHashes, writeDocument, writeNewDocuments, type ExtractedDocument, type StoredDocument, type WriteStatus } from './write.ts';

export interface IngestProgress {
  documents: number;
  words: number;
  elapsedMs: number;
  current: string;
}

export interface IngestSummary {
  documents: Record<WriteStatus, number>;
  failed: { path: string; reason: string }[];
  skipped: { path: string; reason: string }[];
  /** Read, but with something worth knowing: a front matter read leniently, an identity shared with another input. */
  warnings: { path: string; reason: string }[];
  /** Stored documents replaced by a document of this run (an edited file, a store built with an older identity). */
  replaced: number;
  entitiesByType: Partial<Record<EntityType, number>>;
  relationsByType: Partial<Record<RelationType | 'CO_MENTIONED', number>>;
  words: number;
  elapsedMs: number;
}

export interface IngestOptions {
  maxBytes?: number;
  onProgress?: (p: IngestProgress) => void;
  /** Worker threads for extraction (default: all cores; 0: extract on this thread only). */
  workers?: number;
  /** New documents per write transaction (default 25). */
  batchDocuments?: number;
}

/** Workers start only once this many words wait for extraction (./extract/parallel.ts), so a small ingest never pays for them. */
const POOL_MIN_WORDS = 30_000;
/** A batch is also closed at this many mentions, to bound a transaction's size. */
const BATCH_MENTIONS = 8000;

/** The entities the extractor starts from: its own view of the graph, before any curation decision (core/curation.ts). */
export async function loadKnownEntities(driver: Driver): Promise<KnownEntity[]> {
  const res = await read(driver, async (tx) => tx.run(INGEST.knownEntities, { touched: [...(await readCuration(tx)).curation.touched] }));
  return res.records.map((r) => r.toObject() as KnownEntity);
}

/**
 * Stored documents a new document replaces: the one at the same local path under another identity (the file was
 * edited into another issue's identity), and one written under this document's legacy id by an older version
 * (which merged distinct issues that shared a title). Feed items are never matched by path: a feed's item N is
 * another issue tomorrow.
 */
function staleDocuments(doc: DocumentRecord, stored: Map<string, StoredDocument>): string[] {
  const out: string[] = [];
  const legacy = legacyDocumentId(doc, doc.path);
  const legacyDoc = stored.get(legacy);
  if (legacy !== doc.id && legacyDoc && legacyDoc.identity === null) out.push(legacy);
  if (!doc.path.includes('#') && !/^https?:/i.test(doc.path)) {
    for (const [id, s] of stored) if (s.path === doc.path && id !== doc.id && !out.includes(id)) out.push(id);
  }
  return out;
}

export async function ingestInputs(driver: Driver, inputs: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const started = Date.now();
  const hashes = await documentHashes(driver);
  // Known entities are read just before the first extraction, i.e. before this run has written anything.
  let extractor: Extractor | undefined;
  const getExtractor = async () => {
    if (!extractor) {
      const [{ Extractor }, known] = await Promise.all([import('./extract/index.ts'), loadKnownEntities(driver)]);
      extractor = new Extractor(known);
    }
    return extractor;
  };
  const workers = opts.workers ?? Math.max(1, availableParallelism());
  const batchDocuments = Math.max(1, opts.batchDocuments ?? 25);
  const window = Math.max(8, workers * 4);
  const summary: IngestSummary = {
    documents: { created: 0, updated: 0, unchanged: 0 },
    failed: [],
    skipped: [],
    warnings: [],
    replaced: 0,
    entitiesByType: {},
    relationsByType: {},
    words: 0,
    elapsedMs: 0,
  };
  const seenEntities = new Set<string>();
  const seenThisRun = new Map<string, { path: string; contentHash: string }>();
  let processed = 0;
  let pool: PreparePool | undefined;

  const progress = (doc: DocumentRecord) =>
    opts.onProgress?.({ documents: processed, words: summary.words, elapsedMs: Date.now() - started, current: doc.path });
  const fail = (doc: DocumentRecord, err: unknown) => summary.failed.push({ path: doc.path, reason: (err as Error).message });
  const count = ({ entities, relations }: ExtractedDocument) => {
    for (const e of entities) {
      if (seenEntities.has(e.id)) continue;
      seenEntities.add(e.id);
      summary.entitiesByType[e.type] = (summary.entitiesByType[e.type] ?? 0) + 1;
    }
    for (const r of relations) summary.relationsByType[r.type] = (summary.relationsByType[r.type] ?? 0) + 1;
  };

  // ---- writing: one batch transaction in flight at a time ----
  let batch: ExtractedDocument[] = [];
  let batchMentions = 0;
  let inFlight: Promise<void> = Promise.resolve();
  const writeBatch = async (items: ExtractedDocument[]) => {
    try {
      await writeNewDocuments(driver, items);
      for (const item of items) {
        summary.documents.created++;
        count(item);
      }
    } catch {
      // The batch rolled back as a whole: write its documents one by one, so only the bad one is lost.
      for (const item of items) {
        try {
          summary.documents[await writeDocument(driver, item.doc, item.entities, item.relations, item.facts)]++;
          count(item);
        } catch (err) {
          fail(item.doc, err);
        }
      }
    }
  };
  const flush = async () => {
    const items = batch;
    batch = [];
    batchMentions = 0;
    await inFlight;
    if (items.length) inFlight = writeBatch(items);
  };

  // ---- extraction, in document order ----
  const queue: Array<{ doc: DocumentRecord; isNew: boolean; prepared?: Promise<PreparedText> }> = [];
  let queuedWords = 0;
  const extractNext = async () => {
    const { doc, isNew, prepared } = queue.shift()!;
    queuedWords -= doc.wordCount;
    let extracted: ExtractedDocument;
    try {
      extracted = { doc, ...(await getExtractor()).extract(doc, prepared ? await prepared : undefined) };
    } catch (err) {
      fail(doc, err);
      progress(doc);
      return;
    }
    if (isNew) {
      batch.push(extracted);
      batchMentions += extracted.entities.reduce((n, e) => n + e.mentions.length, 0);
      if (batch.length >= batchDocuments || batchMentions >= BATCH_MENTIONS) await flush();
    } else {
      // A changed document replaces what it wrote before: after every earlier write, in its own transaction.
      await flush();
      await inFlight;
      try {
        summary.documents[await writeDocument(driver, doc, extracted.entities, extracted.relations, extracted.facts)]++;
        count(extracted);
      } catch (err) {
        fail(doc, err);
      }
    }
    progress(doc);
  };

  // A file is known unchanged by its bytes when exactly one stored document came from it with the same source hash
  // (readers/fingerprint.ts): it is then neither parsed nor extracted.
  const storedByPath = new Map<string, string[]>();
  for (const [id, stored] of hashes) if (stored.path) storedByPath.set(stored.path, [...(storedByPath.get(stored.path) ?? []), id]);
  const knownFile = (path: string, sourceHash: string) => {
    const ids = storedByPath.get(path);
    return ids?.length === 1 && hashes.get(ids[0]!)?.sourceHash === sourceHash ? ids[0]! : undefined;
  };
  // Unchanged documents whose stored source hash is missing or stale get it, so the next run skips their files.
  const sourceHashes: Array<{ id: string; sourceHash: string }> = [];

  try {
    for await (const outcome of readInputsIncremental(inputs, { maxBytes: opts.maxBytes, isUnchanged: (path, hash) => knownFile(path, hash) !== undefined })) {
      if (outcome.kind === 'skipped') {
        summary.skipped.push({ path: outcome.path, reason: outcome.reason });
        continue;
      }
      if (outcome.kind === 'unchanged') {
        const id = knownFile(outcome.path, outcome.sourceHash)!;
        const stored = hashes.get(id)!;
        for (const w of stored.warnings ?? []) summary.warnings.push({ path: outcome.path, reason: w });
        if (!seenThisRun.has(id)) seenThisRun.set(id, { path: outcome.path, contentHash: stored.contentHash ?? '' });
        processed++;
        summary.words += stored.wordCount ?? 0;
        summary.documents.unchanged++;
        opts.onProgress?.({ documents: processed, words: summary.words, elapsedMs: Date.now() - started, current: outcome.path });
        continue;
      }
      let { doc } = outcome;
      for (const w of doc.warnings ?? []) summary.warnings.push({ path: doc.path, reason: w });
      // Two inputs of this run with one identity but different content are two issues: never merged silently.
      const earlier = seenThisRun.get(doc.id);
      if (earlier && earlier.contentHash !== doc.contentHash) {
        const renamed = distinctIdentity(doc);
        summary.warnings.push({ path: doc.path, reason: `same identity as ${earlier.path} (${doc.identity}) with other content: kept apart as ${renamed.identity}` });
        doc = renamed;
      }
      if (!seenThisRun.has(doc.id)) seenThisRun.set(doc.id, { path: doc.path, contentHash: doc.contentHash });
      processed++;
      summary.words += doc.wordCount;
      const previous = hashes.get(doc.id)?.contentHash;
      if (previous === doc.contentHash) {
        if (doc.sourceHash && hashes.get(doc.id)!.sourceHash !== doc.sourceHash) sourceHashes.push({ id: doc.id, sourceHash: doc.sourceHash });
        summary.documents.unchanged++;
        progress(doc);
        continue;
      }
      if (previous === undefined) {
        for (const staleId of staleDocuments(doc, hashes)) {
          // What the stale document wrote goes before this one is written, so nothing of it lingers.
          await flush();
          await inFlight;
          if (await removeDocument(driver, staleId)) summary.replaced++;
          hashes.delete(staleId);
        }
      }
      // Later copies of the same document (same id) see this one as written.
      hashes.set(doc.id, { contentHash: doc.contentHash, path: doc.path, identity: doc.identity ?? null, sourceHash: doc.sourceHash ?? null, wordCount: doc.wordCount });
      queuedWords += doc.wordCount;
      if (!pool && workers > 0 && queuedWords >= POOL_MIN_WORDS) pool = new (await import('./extract/parallel.ts')).PreparePool(workers);
      const prepared = pool?.prepare(doc.text);
      prepared?.catch(() => undefined); // reported in order, by extractNext
      queue.push({ doc, isNew: previous === undefined, prepared });
      while (pool ? queue.length > window : queuedWords >= POOL_MIN_WORDS) await extractNext();
    }
    while (queue.length) await extractNext();
    await flush();
    await inFlight;
    await setSourceHashes(driver, sourceHashes);
  } finally {
    await pool?.close();
  }
  summary.elapsedMs = Date.now() - started;
  return summary;
}
