/**
 * Curation decisions: list, apply, undo — each applied at once, in one write transaction that recomputes the part
 * of the graph the decision touches from the extractor's view under the new list of decisions (core/curation.ts
 * `project`, the same function every later ingest runs). The transaction starts with CURATION.lock, which bumps
 * the graph version: the response cache drops what it holds, and ingest writers see the new decisions.
 */
import { randomUUID } from 'node:crypto';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import type { CurationCreated, CurationDecision, CurationListResponse, CurationRequest, CurationUndone } from '../../contract/api.ts';
import {
  Curation,
  describeDecision,
  namedIds,
  producedId,
  project,
  storedProps,
  surfaceKey,
  suppressedNodes,
  type Decision,
  type DecisionInput,
  type EntityRow,
  type MentionRow,
} from '../../core/curation.ts';
import { read, write } from '../../core/db.ts';
import { ENTITY_REL_TYPES, ENTITY_TYPES } from '../../core/vocabulary.ts';
import { CURATION } from '../../cypher/curation.ts';
import { readDecisions } from '../../cypher/curation-store.ts';
import { HttpError, notFound } from '../errors.ts';
import { toPlain } from './serialize.ts';

export function decisionView(d: Decision): CurationDecision {
  return { id: d.id, seq: d.seq, at: d.at, summary: describeDecision(d), labels: d.labels, input: d.input as CurationRequest };
}

export async function listDecisions(driver: Driver, writes: CurationListResponse['writes']): Promise<CurationListResponse> {
  const decisions = await read(driver, (tx) => readDecisions(tx));
  return { decisions: decisions.map(decisionView), writes };
}

const rows = async <T>(tx: ManagedTransaction, query: string, params: Record<string, unknown>) =>
  (await tx.run(query, params)).records.map((r) => toPlain(r.toObject()) as T);

interface LiveEntity {
  id: string;
  name: string;
  type: string;
  aliases: string[];
}

async function liveEntity(tx: ManagedTransaction, id: string): Promise<LiveEntity> {
  const [e] = await rows<LiveEntity>(tx, CURATION.entity, { id });
  if (!e) throw notFound('Entity', id);
  return e;
}

const bad = (message: string) => new HttpError(400, 'invalid_decision', message);

/** Checks a decision against the graph as the explorer shows it; returns the names it sees (the decision's labels). */
async function check(tx: ManagedTransaction, input: DecisionInput): Promise<Record<string, string>> {
  switch (input.action) {
    case 'merge': {
      if (input.from === input.into) throw bad('merge: from and into are the same entity');
      const [from, into] = [await liveEntity(tx, input.from), await liveEntity(tx, input.into)];
      return { [from.id]: from.name, [into.id]: into.name };
    }
    case 'rename': {
      const e = await liveEntity(tx, input.id);
      if (e.name === input.name) throw bad(`rename: ${e.id} is already named ${JSON.stringify(e.name)}`);
      return { [e.id]: e.name };
    }
    case 'retype': {
      const e = await liveEntity(tx, input.id);
      if (e.type === input.type) throw bad(`retype: ${e.id} is already a ${input.type}`);
      return { [e.id]: e.name };
    }
    case 'split-alias': {
      const e = await liveEntity(tx, input.id);
      const key = surfaceKey(input.alias);
      if (key === surfaceKey(e.name)) throw bad(`split-alias: ${JSON.stringify(input.alias)} is the name of ${e.id}, not an alias (rename it instead)`);
      if (!e.aliases.some((a) => surfaceKey(a) === key)) {
        throw bad(`split-alias: ${JSON.stringify(input.alias)} is not an alias of ${e.id} (its aliases: ${e.aliases.length ? e.aliases.map((a) => JSON.stringify(a)).join(', ') : 'none'})`);
      }
      if (producedId(input) === e.id) throw bad(`split-alias: ${JSON.stringify(input.alias)} differs from ${JSON.stringify(e.name)} only in case or punctuation, so it would name the same entity`);
      return { [e.id]: e.name };
    }
    case 'delete': {
      const e = await liveEntity(tx, input.id);
      return { [e.id]: e.name };
    }
    case 'reject-relation': {
      const [source, target] = [await liveEntity(tx, input.source), await liveEntity(tx, input.target)];
      const [found] = await rows<{ count: number }>(tx, CURATION.relationCount, input);
      if (!found?.count) throw new HttpError(404, 'not_found', `There is no ${input.type} relation from ${JSON.stringify(source.id)} to ${JSON.stringify(target.id)}`);
      return { [source.id]: source.name, [target.id]: target.name };
    }
  }
}

/** The entities a decision names or creates that do not exist (any more). */
async function missing(tx: ManagedTransaction, input: DecisionInput): Promise<string[]> {
  const ids = [...new Set([...namedIds(input), producedId(input)].filter((x): x is string => x !== null))];
  const found = new Set((await rows<{ id: string }>(tx, CURATION.existing, { ids })).map((r) => r.id));
  return ids.filter((id) => !found.has(id));
}

/** The entity to show once a decision is applied. */
function resultEntity(input: DecisionInput): string | null {
  switch (input.action) {
    case 'merge':
      return input.into;
    case 'retype':
    case 'split-alias':
      return producedId(input);
    case 'delete':
      return null;
    case 'reject-relation':
      return input.source;
    default:
      return input.id;
  }
}

export async function applyDecision(driver: Driver, input: CurationRequest): Promise<CurationCreated> {
  return write(driver, async (tx) => {
    const seq = (await rows<{ seq: number }>(tx, CURATION.lock, {}))[0]!.seq;
    const before = await readDecisions(tx);
    const labels = await check(tx, input);
    const decision: Decision = { id: randomUUID(), seq, at: new Date().toISOString(), labels, input };
    const after = [...before, decision];
    await rebuild(tx, before, after, [...namedIds(input), producedId(input)].filter((x): x is string => x !== null));
    await tx.run(CURATION.createDecision, { props: storedProps(decision) });
    const gone = await missing(tx, input);
    const shown = resultEntity(input);
    return { id: decision.id, decision: decisionView(decision), entityId: shown && !gone.includes(shown) ? shown : null, gone };
  });
}

export async function undoDecision(driver: Driver, id: string): Promise<CurationUndone> {
  return write(driver, async (tx) => {
    await tx.run(CURATION.lock);
    const before = await readDecisions(tx);
    const target = before.find((d) => d.id === id);
    if (!target) throw notFound('Curation decision', id);
    // A later decision that names what this one created (a retyped or split-off entity) builds on it.
    const made = producedId(target.input);
    const dependent = made ? before.find((d) => d.seq > target.seq && namedIds(d.input).includes(made)) : undefined;
    if (dependent) throw new HttpError(409, 'conflict', `Decision ${dependent.id} (${describeDecision(dependent)}) builds on this one: undo it first`);
    await rebuild(tx, before, before.filter((d) => d.id !== id), [...namedIds(target.input), made].filter((x): x is string => x !== null));
    await tx.run(CURATION.deleteDecision, { id });
    return { id, undone: decisionView(target), gone: await missing(tx, target.input) };
  });
}

// ---------- the region rebuild ----------

interface MentionRead extends MentionRow {
  currentId: string | null;
}
interface RelationRead {
  elementId?: string;
  type: string;
  documentId: string;
  source: string;
  target: string;
  evidence: string | null;
  evidenceStart: number;
  reason: string | null;
  weight: number;
}
interface FactRead {
  elementId?: string;
  documentId: string;
  entityId: string;
  field: string;
  value: string;
  reason: string | null;
}
type StoredRecord = { name: string; type: string; aliases: string[]; trusted: boolean } | null;

const EntityTypes = new Set<string>(ENTITY_TYPES);

/**
 * Recomputes the region of `seeds` — every entity connected to them through the decisions (old or new list) —
 * from the extractor's view: records, mentions, relations (live and hidden) and front-matter links are read as
 * the extractor wrote them, projected under `after`, and written back in place of what `before` made of them.
 */
async function rebuild(tx: ManagedTransaction, before: readonly Decision[], after: readonly Decision[], seeds: string[]): Promise<void> {
  const old = new Curation(before);
  const next = new Curation(after);
  const all = new Map([...before, ...after].map((d) => [d.id, d.input]));
  const ids = [...Curation.region([...all.values()], seeds)];

  // The extractor's records: kept ones, or the live node of an id no decision touched until now.
  const records: EntityRow[] = [];
  const existing: string[] = [];
  const kept: string[] = [];
  for (const r of await rows<{ id: string; kept: StoredRecord; live: StoredRecord }>(tx, CURATION.records, { ids })) {
    if (r.live) existing.push(r.id);
    if (r.kept) kept.push(r.id);
    const rec = r.kept ?? (old.touched.has(r.id) ? null : r.live);
    if (rec) records.push({ id: r.id, ...rec });
  }

  const mentions = [...new Map((await rows<MentionRead>(tx, CURATION.mentions, { ids })).map((m) => [m.id, m])).values()];
  const live = await rows<RelationRead>(tx, CURATION.relations, { ids, types: [...ENTITY_REL_TYPES] });
  const hidden = await rows<{ elementId: string; props: Record<string, unknown> }>(tx, CURATION.suppressed, { ids });
  const liveFacts = await rows<FactRead>(tx, CURATION.facts, { ids });
  const hiddenRelations: RelationRead[] = [];
  const hiddenFacts: FactRead[] = [];
  for (const { props: p } of hidden) {
    if (p.type === 'LISTS') hiddenFacts.push({ documentId: String(p.documentId), entityId: String(p.target), field: String(p.field), value: String(p.value), reason: (p.reason as string | null) ?? null });
    else hiddenRelations.push({ type: String(p.type), documentId: String(p.documentId), source: String(p.source), target: String(p.target), evidence: (p.evidence as string | null) ?? null, evidenceStart: Number(p.evidenceStart), reason: (p.reason as string | null) ?? null, weight: Number(p.weight ?? 1) });
  }

  // How the far end of a relation is written matters only if a split decision could move it.
  const inRegion = new Set(ids);
  const farEnds = new Map<string, { documentId: string; entityId: string }>();
  for (const r of [...live, ...hiddenRelations]) {
    for (const end of [r.source, r.target]) {
      if (!inRegion.has(end) && (next.touched.has(end) || old.touched.has(end))) farEnds.set(`${r.documentId}\u0000${end}`, { documentId: r.documentId, entityId: end });
    }
  }
  const context = farEnds.size && next.hasSplits ? await rows<MentionRow>(tx, CURATION.contextMentions, { pairs: [...farEnds.values()] }) : [];

  const p = project(next, {
    entities: records,
    mentions,
    relations: [...live, ...hiddenRelations],
    facts: [...liveFacts, ...hiddenFacts],
    context,
  });

  for (const e of p.entities) if (!EntityTypes.has(e.type)) throw new Error(`curation: entity ${e.id} has type ${JSON.stringify(e.type)} outside the vocabulary`);
  const desired = new Set(p.entities.map((e) => e.id));
  const moved = p.mentions.filter((m) => m.targetId !== (m as MentionRead).currentId);

  // Each statement gets one list; an empty one costs a round trip for nothing.
  const each = async (query: string, key: string, list: unknown[]) => {
    if (list.length) await tx.run(query, { [key]: list });
  };
  await each(CURATION.deleteRelationships, 'ids', [...live, ...liveFacts].map((r) => r.elementId));
  await each(CURATION.deleteSuppressed, 'ids', hidden.map((s) => s.elementId));
  await each(CURATION.detachMentions, 'ids', moved.map((m) => m.id));
  await each(CURATION.clearCounts, 'ids', ids);
  await each(CURATION.deleteEntities, 'ids', existing.filter((id) => !desired.has(id)));
  await each(CURATION.upsertEntities, 'entities', p.entities);
  await each(CURATION.attachMentions, 'mentions', moved.filter((m) => m.targetId !== null).map(({ id, documentId, targetId }) => ({ id, documentId, targetId })));
  await each(CURATION.mergeCounts, 'counts', p.counts);
  await each(CURATION.createRelations, 'relations', p.relations);
  await each(CURATION.createFacts, 'facts', p.facts);
  await each(CURATION.createSuppressed, 'rows', suppressedNodes(p));
  // The extractor's records: kept exactly while a decision touches the entity, dropped once none does.
  await each(CURATION.setExtracted, 'records', records.filter((r) => next.touched.has(r.id)));
  await each(CURATION.deleteExtracted, 'ids', kept.filter((id) => !next.touched.has(id)));
  await each(CURATION.linkExtracted, 'links', p.mentions.filter((m) => next.touched.has(m.entityId)).map((m) => ({ id: m.id, entityId: m.entityId })));
}
