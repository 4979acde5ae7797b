/**
 * Writes extracted documents into Neo4j; a failure never leaves half a document.
 * - writeDocument: one document in ONE write transaction. Unchanged documents (same contentHash) are skipped before
 *   any write; a changed document replaces its own mentions and relations; entities it alone mentioned are removed.
 * - writeNewDocuments: several NEW documents (not in the graph yet) in one transaction with UNWIND batches; the
 *   ingest pipeline retries a failed batch one document at a time, so a bad document never loses the others.
 * Both apply the curation decisions (core/curation.ts) to what the extractor produced, inside the transaction
 * that writes it: a merged alias lands on its target, a deleted entity is never recreated (its mentions stay
 * dormant), a rename or retype sticks, a rejected relation is kept hidden.
 */
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { z } from 'zod';
import { Curation, project, suppressedNodes, type Projection } from '../core/curation.ts';
import { read, write } from '../core/db.ts';
import { CURATION } from '../cypher/curation.ts';
import { readCuration } from '../cypher/curation-store.ts';
import { INGEST } from '../cypher/ingest.ts';
import { CO_MENTION, ENTITY_TYPES, FACT_FIELDS, RELATION_TYPES, type DocumentRecord, type EntityRecord, type FactLink, type RelationRecord } from './model.ts';

// Every write transaction bumps the graph version in Neo4j as its LAST statement (so the one lock every write shares
// is taken just before commit); the API's cache polls that version (at most every ~500 ms), and core/db.ts's `write`
// signals an in-process write so it looks again at once (tests, the start path) — even after a failure (a commit
// whose answer was lost): a needless version read costs nothing.

export type WriteStatus = 'created' | 'updated' | 'unchanged';

// Labels and relationship types become part of the graph's structure, so they are checked before they reach Cypher.
const EntityType = z.enum(ENTITY_TYPES);
const RelationType = z.enum([...RELATION_TYPES, CO_MENTION]);

export function mentionId(documentId: string, start: number, end: number, entityId: string): string {
  return `${documentId}:${start}-${end}:${entityId}`;
}

/**
 * The sentence around a mention, cut here (UTF-16 offsets, like every stored offset) and stored on the Mention so
 * the API never ships document text to quote it. Bad or missing bounds widen to fit the mention — the same rule
 * as server/services/text.ts, which derives the highlight offsets from (start - sentenceStart).
 */
export function mentionSentence(text: string, m: { start: number; end: number; sentenceStart: number | null; sentenceEnd: number | null }): string {
  const from = Math.max(0, Math.min(m.sentenceStart ?? m.start, m.start));
  const to = Math.min(text.length, Math.max(m.sentenceEnd ?? m.end, m.end));
  return text.slice(from, to);
}

export async function documentHash(driver: Driver, id: string): Promise<string | null> {
  const res = await read(driver, (tx) => tx.run(INGEST.documentHash, { id }));
  return (res.records[0]?.get('contentHash') as string | undefined) ?? null;
}

export interface StoredDocument {
  contentHash: string | null;
  path: string | null;
  /** Null for a document written before identities were stored (see readers/identity.ts legacyDocumentId). */
  identity: string | null;
  /** The file's bytes + readers hash (readers/fingerprint.ts); null when stored without one or from a feed. */
  sourceHash?: string | null;
  wordCount?: number;
  /** What the reader reported when it was stored (repeated when its file is skipped unread). */
  warnings?: string[];
}

/** Every stored document's content hash, path and identity, in one query (id → stored). */
export async function documentHashes(driver: Driver): Promise<Map<string, StoredDocument>> {
  const res = await read(driver, (tx) => tx.run(INGEST.documentHashes));
  return new Map(
    res.records.map((r) => [
      r.get('id') as string,
      {
        contentHash: (r.get('contentHash') as string | null) ?? null,
        path: (r.get('path') as string | null) ?? null,
        identity: (r.get('identity') as string | null) ?? null,
        sourceHash: (r.get('sourceHash') as string | null) ?? null,
        wordCount: Number(r.get('wordCount') ?? 0),
        warnings: (r.get('warnings') as string[] | null) ?? [],
      },
    ]),
  );
}

/** Stores source hashes on documents that are already in the graph (no graph change the API could show). */
export async function setSourceHashes(driver: Driver, rows: Array<{ id: string; sourceHash: string }>): Promise<void> {
  if (rows.length) await write(driver, (tx) => tx.run(INGEST.setSourceHashes, { rows }));
}

export interface ExtractedDocument {
  doc: DocumentRecord;
  entities: EntityRecord[];
  relations: RelationRecord[];
  facts?: FactLink[];
}

/** The Document node's properties: the text and metadata, not the reader's structure table. */
function documentRow(doc: DocumentRecord) {
  const topics = (doc.facts ?? []).filter((f) => FACT_FIELDS[f.field] === null).map((f) => f.value);
  return {
    id: doc.id,
    path: doc.path,
    title: doc.title,
    publication: doc.publication,
    issue: doc.issue,
    date: doc.date,
    url: doc.url,
    text: doc.text,
    contentHash: doc.contentHash,
    wordCount: doc.wordCount,
    identity: doc.identity ?? null,
    sourceHash: doc.sourceHash ?? null,
    topics,
    warnings: doc.warnings ?? [],
  };
}

function documentRows(doc: DocumentRecord, entities: EntityRecord[], relations: RelationRecord[]) {
  const entityRows = entities.map((e) => ({ id: e.id, name: e.name, type: EntityType.parse(e.type), aliases: e.aliases, trusted: Boolean(e.trusted) }))
  const mentionRows = entities.flatMap((e) =>
    e.mentions
      .filter((m) => m.documentId === doc.id)
      .map((m) => ({
        id: mentionId(doc.id, m.start, m.end, e.id),
        documentId: doc.id,
        entityId: e.id,
        start: m.start,
        end: m.end,
        text: m.text,
        sentenceStart: m.sentenceStart,
        sentenceEnd: m.sentenceEnd,
        sentence: mentionSentence(doc.text, m),
        reason: m.reason,
        /** The entity the mention refers to in the graph: the extractor's, unless a curation decision moved it. */
        targetId: e.id,
      })),
  );
  const counts = new Map<string, number>();
  for (const m of mentionRows) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
  const relationRows = relations.filter((r) => r.documentId === doc.id).map((r) => ({ ...r, type: RelationType.parse(r.type) }));
  return { entityRows, mentionRows, counts, relationRows };
}

/** One statement of a write transaction, named after its entry in cypher/ingest.ts (or cypher/curation.ts). */
export interface WriteStatement {
  name: string;
  query: string;
  params: Record<string, unknown>;
}
const ingest = (name: keyof typeof INGEST, params: Record<string, unknown>): WriteStatement => ({ name, query: INGEST[name], params });
const curationStatement = (name: keyof typeof CURATION, params: Record<string, unknown>): WriteStatement => ({ name: `CURATION.${name}`, query: CURATION[name], params });

/**
 * The statements that write documents NOT in the graph yet (the caller checked their ids against documentHashes),
 * in order, with the curation decisions applied: entity rows are merged per id with their aliases in document
 * order. Without the bumpGraphVersion that ends the transaction (writeCurated runs it). Exported so the tests can
 * PROFILE exactly what an ingest sends.
 */
export function newDocumentsStatements(items: ExtractedDocument[], curation: Curation = Curation.EMPTY): WriteStatement[] {
  const entities = new Map<string, { id: string; name: string; type: string; aliases: string[]; trusted: boolean }>();
  const mentions: ReturnType<typeof documentRows>['mentionRows'] = [];
  const counts: Array<{ documentId: string; entityId: string; count: number }> = [];
  const relations: ReturnType<typeof documentRows>['relationRows'] = [];
  const facts: FactLink[] = [];
  for (const { doc, entities: ents, relations: rels, facts: docFacts } of items) {
    facts.push(...(docFacts ?? []));
    const rows = documentRows(doc, ents, rels);
    for (const e of rows.entityRows) {
      const prev = entities.get(e.id);
      if (!prev) entities.set(e.id, { ...e, aliases: [...e.aliases] });
      else {
        for (const a of e.aliases) if (!prev.aliases.includes(a)) prev.aliases.push(a);
        prev.trusted ||= e.trusted;
      }
    }
    mentions.push(...rows.mentionRows);
    for (const [entityId, count] of rows.counts) counts.push({ documentId: doc.id, entityId, count });
    relations.push(...rows.relationRows);
  }
  const rows = curated(curation, { entities: [...entities.values()], mentions, counts, relations, facts });
  const statements: WriteStatement[] = [
    ingest('createDocuments', { docs: items.map(({ doc }) => documentRow(doc)) }),
    ingest('upsertEntities', { entities: rows.entities }),
    ingest('createMentionsBatch', { mentions: rows.live }),
    ingest('createDocumentMentionsBatch', { counts: rows.counts }),
    ingest('createRelations', { relations: lastPerKey(rows.relations, (r) => `${r.source}\u0000${r.type}\u0000${r.target}\u0000${r.documentId}`) }),
  ];
  if (rows.facts.length) statements.push(ingest('createFacts', { facts: lastPerKey(rows.facts, (f) => `${f.documentId}\u0000${f.entityId}\u0000${f.field}`) }));
  statements.push(...curationStatements(curation, rows));
  return statements;
}

/** One row per key, in first-seen order, with the values of the key's last row: what MERGE + SET per row leaves. */
function lastPerKey<T>(rows: T[], key: (row: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const row of rows) byKey.set(key(row), row);
  return [...byKey.values()];
}

/**
 * Writes documents that are NOT in the graph yet, all in one write transaction: either every one of them is
 * written or none is. Ends in the same graph as calling writeDocument on each in turn. The statements are made
 * inside the transaction, from the decisions it read (writeCurated), which also ends it with bumpGraphVersion.
 */
export async function writeNewDocuments(driver: Driver, items: ExtractedDocument[]): Promise<void> {
  if (items.length === 0) return;
  await writeCurated(driver, async (tx, curation) => {
    for (const st of newDocumentsStatements(items, curation)) await tx.run(st.query, st.params);
  });
}

type MentionRow = ReturnType<typeof documentRows>['mentionRows'][number];
type RelationRow = ReturnType<typeof documentRows>['relationRows'][number];
interface WriterRows {
  entities: Array<{ id: string; name: string; type: string; aliases: readonly string[]; trusted: boolean }>;
  mentions: MentionRow[];
  counts: Array<{ documentId: string; entityId: string; count: number }>;
  relations: RelationRow[];
  facts: FactLink[];
}

/** What to write once the decisions are applied; without decisions, the extractor's rows as they are. */
function curated(curation: Curation, rows: WriterRows) {
  if (curation.isEmpty) return { ...rows, live: rows.mentions, projection: null };
  const p: Projection<MentionRow, RelationRow, FactLink> = project(curation, rows);
  return {
    entities: p.entities,
    live: p.mentions.filter((m): m is MentionRow & { targetId: string } => m.targetId !== null),
    counts: p.counts,
    relations: p.relations,
    facts: p.facts,
    projection: p,
  };
}

/** The parts only curation has: dormant mentions, hidden relations, the extractor's records of touched entities. */
function curationStatements(curation: Curation, rows: ReturnType<typeof curated>): WriteStatement[] {
  const p = rows.projection;
  if (!p) return [];
  const statements: WriteStatement[] = [];
  const dormant = p.mentions.filter((m) => m.targetId === null);
  if (dormant.length) statements.push(ingest('createDormantMentions', { mentions: dormant }));
  const hidden = suppressedNodes(p);
  if (hidden.length) statements.push(curationStatement('createSuppressed', { rows: hidden }));
  if (p.extracted.length) statements.push(ingest('upsertExtracted', { entities: p.extracted }));
  const links = p.mentions.filter((m) => curation.touched.has(m.entityId)).map((m) => ({ id: m.id, entityId: m.entityId }));
  if (links.length) statements.push(curationStatement('linkExtracted', { links }));
  return statements;
}

async function writeCurationRows(tx: ManagedTransaction, curation: Curation, rows: ReturnType<typeof curated>): Promise<void> {
  for (const st of curationStatements(curation, rows)) await tx.run(st.query, st.params);
}

/** Thrown inside a write transaction when a curation decision committed meanwhile: the rows are projected again. */
class CurationChanged extends Error {}

/**
 * One write transaction whose rows depend on the curation decisions: they are read at its start, and the graph
 * version's curation counter (returned by bumpGraphVersion, which takes the lock every curation write holds) is
 * compared at its end — a decision that committed in between means writing again with it.
 */
async function writeCurated(driver: Driver, work: (tx: ManagedTransaction, curation: Curation) => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write(driver, async (tx) => {
        const seen = await readCuration(tx);
        await work(tx, seen.curation);
        const bumped = await tx.run(INGEST.bumpGraphVersion);
        if (Number(bumped.records[0]?.get('curation') ?? 0) !== seen.count) throw new CurationChanged('curation changed during the write');
      });
    } catch (err) {
      if (!(err instanceof CurationChanged) || attempt >= 5) throw err;
    }
  }
}

/** Entities a document mentions or lists: the ones that may be orphaned when it is rewritten or removed. */
async function contributedEntityIds(tx: ManagedTransaction, id: string): Promise<string[]> {
  const mentioned = ((await tx.run(INGEST.documentEntityIds, { id })).records[0]?.get('ids') as string[] | undefined) ?? [];
  const listed = ((await tx.run(INGEST.documentListedIds, { id })).records[0]?.get('ids') as string[] | undefined) ?? [];
  return [...new Set([...mentioned, ...listed])];
}

export async function writeDocument(
  driver: Driver,
  doc: DocumentRecord,
  entities: EntityRecord[],
  relations: RelationRecord[],
  facts: FactLink[] = [],
): Promise<WriteStatus> {
  const previous = await documentHash(driver, doc.id);
  if (previous === doc.contentHash) return 'unchanged';

  const { entityRows, mentionRows, counts, relationRows } = documentRows(doc, entities, relations);
  await writeCurated(driver, async (tx, curation) => {
    const rows = curated(curation, {
      entities: entityRows,
      mentions: mentionRows,
      counts: [...counts].map(([entityId, count]) => ({ documentId: doc.id, entityId, count })),
      relations: relationRows,
      facts,
    });
    const previousEntityIds = await contributedEntityIds(tx, doc.id);
    if (previous !== null) {
      await tx.run(INGEST.clearDocumentRelations, { id: doc.id });
      await tx.run(INGEST.clearDocumentMentions, { id: doc.id });
      await tx.run(INGEST.clearDocumentFacts, { id: doc.id });
      await tx.run(INGEST.clearDocumentSuppressed, { id: doc.id });
    }
    await tx.run(INGEST.upsertDocument, { doc: documentRow(doc) });
    await tx.run(INGEST.upsertEntities, { entities: rows.entities });
    await tx.run(INGEST.createMentions, { documentId: doc.id, mentions: rows.live });
    await tx.run(INGEST.mergeDocumentMentions, { documentId: doc.id, counts: rows.counts });
    await tx.run(INGEST.mergeRelations, { relations: rows.relations });
    if (rows.facts.length) await tx.run(INGEST.mergeFacts, { facts: rows.facts });
    await writeCurationRows(tx, curation, rows);
    if (previousEntityIds.length) {
      const written = new Set(rows.counts.map((c) => c.entityId));
      await tx.run(INGEST.deleteOrphanEntities, { ids: previousEntityIds });
      await tx.run(INGEST.recomputeAliases, { ids: previousEntityIds.filter((id) => written.has(id)) });
    }
  });
  return previous === null ? 'created' : 'updated';
}

export interface RemovedDocument {
  id: string;
  path: string;
  title: string;
  removedEntities: number;
}

/** Removes a document (by id or by the path it was ingested from) and whatever only it contributed. */
export async function removeDocument(driver: Driver, key: string): Promise<RemovedDocument | null> {
  return write(driver, async (tx) => {
    const found = await tx.run(INGEST.findDocument, { key });
    const rec = found.records[0];
    if (!rec) return null;
    const id = rec.get('id') as string;
    const ids = await contributedEntityIds(tx, id);
    await tx.run(INGEST.clearDocumentRelations, { id });
    await tx.run(INGEST.clearDocumentMentions, { id });
    await tx.run(INGEST.clearDocumentSuppressed, { id });
    await tx.run(INGEST.deleteDocument, { id });
    const orphaned = await tx.run(INGEST.deleteOrphanEntities, { ids });
    await tx.run(INGEST.recomputeAliases, { ids });
    await tx.run(INGEST.bumpGraphVersion);
    return {
      id,
      path: rec.get('path') as string,
      title: rec.get('title') as string,
      removedEntities: orphaned.summary.counters.updates().nodesDeleted,
    };
  });
}

export async function graphCounts(driver: Driver): Promise<{ nodes: number; relationships: number }> {
  const res = await read(driver, (tx) => tx.run(INGEST.counts));
  const r = res.records[0]!;
  return { nodes: Number(r.get('nodes')), relationships: Number(r.get('relationships')) };
}
