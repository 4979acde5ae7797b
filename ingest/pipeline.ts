/**
 * read → extract → write, one document at a time (documents are streamed, never all held in memory).
 * Unchanged documents are recognised by their content hash before extraction, so a re-ingest is near free.
 */
import type { Driver } from 'neo4j-driver';
import { INGEST } from '../cypher/ingest.ts';
import { Extractor, type KnownEntity } from './extract/index.ts';
import type { EntityType, RelationType } from './model.ts';
import { readInputs } from './readers/index.ts';
import { documentHash, writeDocument, type WriteStatus } from './write.ts';

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
  entitiesByType: Partial<Record<EntityType, number>>;
  relationsByType: Partial<Record<RelationType | 'CO_MENTIONED', number>>;
  words: number;
  elapsedMs: number;
}

export interface IngestOptions {
  maxBytes?: number;
  onProgress?: (p: IngestProgress) => void;
}

export async function loadKnownEntities(driver: Driver): Promise<KnownEntity[]> {
  const session = driver.session({ defaultAccessMode: 'READ' });
  try {
    const res = await session.executeRead((tx) => tx.run(INGEST.knownEntities));
    return res.records.map((r) => r.toObject() as KnownEntity);
  } finally {
    await session.close();
  }
}

export async function ingestInputs(driver: Driver, inputs: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const started = Date.now();
  const extractor = new Extractor(await loadKnownEntities(driver));
  const summary: IngestSummary = {
    documents: { created: 0, updated: 0, unchanged: 0 },
    failed: [],
    skipped: [],
    entitiesByType: {},
    relationsByType: {},
    words: 0,
    elapsedMs: 0,
  };
  const seenEntities = new Set<string>();
  let processed = 0;

  for await (const outcome of readInputs(inputs, { maxBytes: opts.maxBytes })) {
    if (outcome.kind === 'skipped') {
      summary.skipped.push({ path: outcome.path, reason: outcome.reason });
      continue;
    }
    const { doc } = outcome;
    processed++;
    summary.words += doc.wordCount;
    try {
      if ((await documentHash(driver, doc.id)) === doc.contentHash) {
        summary.documents.unchanged++;
      } else {
        const { entities, relations } = extractor.extract(doc);
        const status = await writeDocument(driver, doc, entities, relations);
        summary.documents[status]++;
        for (const e of entities) {
          if (seenEntities.has(e.id)) continue;
          seenEntities.add(e.id);
          summary.entitiesByType[e.type] = (summary.entitiesByType[e.type] ?? 0) + 1;
        }
        for (const r of relations) summary.relationsByType[r.type] = (summary.relationsByType[r.type] ?? 0) + 1;
      }
    } catch (err) {
      // One bad document must not stop the rest; its transaction rolled back, so nothing of it is half-written.
      summary.failed.push({ path: doc.path, reason: (err as Error).message });
    }
    opts.onProgress?.({ documents: processed, words: summary.words, elapsedMs: Date.now() - started, current: doc.path });
  }
  summary.elapsedMs = Date.now() - started;
  return summary;
}
