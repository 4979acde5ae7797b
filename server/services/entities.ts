/** An entity's details, its mentions (every one, paginated), its neighbourhood and its timeline. */
import type { Driver } from 'neo4j-driver';
import type { DocumentRef, EntityDetail, MentionItem, MentionsResponse, NeighborsResponse, TimelineResponse } from '../../contract/api.ts';
import { ENTITY_REL_TYPES, type EntityRelType, type EntityType } from '../../core/vocabulary.ts';
import { QUERIES, relPattern } from '../../cypher/queries.ts';
import { notFound } from '../errors.ts';
import { int, rangeParams, readRows, type DateRange } from './db.ts';
import { aggregatedEdge, entityNode } from './elements.ts';
import { cutSentence, storedSentence } from './text.ts';

export async function getEntity(driver: Driver, id: string, range: DateRange = {}): Promise<EntityDetail> {
  const [row] = await readRows<EntityDetail>(driver, QUERIES.entity, { id, ...rangeParams(range) });
  if (!row) throw notFound('Entity', id);
  return row;
}

interface MentionRow {
  id: string;
  documentId: string;
  document: DocumentRef;
  text: string;
  start: number;
  end: number;
  sentenceStart: number | null;
  sentenceEnd: number | null;
  sentence: string | null;
  reason: string | null;
}

export async function getEntityMentions(driver: Driver, id: string, page: { limit: number; offset: number } & DateRange): Promise<MentionsResponse> {
  const [row] = await readRows<{ total: number; mentions: MentionRow[]; texts: { id: string; text: string | null }[] }>(
    driver,
    QUERIES.entityMentions,
    { id, limit: int(page.limit), offset: int(page.offset), ...rangeParams(page) },
  );
  if (!row) throw notFound('Entity', id);
  const texts = new Map(row.texts.map((t) => [t.id, t.text ?? '']));
  const mentions: MentionItem[] = row.mentions.map((m) => ({
    id: m.id,
    document: m.document,
    text: m.text,
    start: m.start,
    end: m.end,
    ...(m.sentence != null ? storedSentence(m.sentence, m) : cutSentence(texts.get(m.documentId) ?? '', m)),
    reason: m.reason ?? null,
  }));
  return { entityId: id, total: row.total, limit: page.limit, offset: page.offset, mentions };
}

interface NeighborsRow {
  total: number;
  nodes: { id: string; name: string; type: string; mentionCount: number }[];
  edges: { source: string; target: string; type: string; weight: number; evidenceCount: number; reason: string | null }[];
}

export async function getEntityNeighbors(
  driver: Driver,
  id: string,
  input: { types?: EntityType[]; relTypes?: EntityRelType[]; limit: number; direction?: 'both' | 'out' | 'in' } & DateRange,
): Promise<NeighborsResponse> {
  const rels = relPattern(input.relTypes?.length ? input.relTypes : ENTITY_REL_TYPES);
  const [row] = await readRows<NeighborsRow>(driver, QUERIES.entityNeighbors(rels, input.direction), {
    id,
    types: input.types?.length ? input.types : null,
    limit: int(input.limit),
    ...rangeParams(input),
  });
  if (!row) throw notFound('Entity', id);
  const shown = row.nodes.length - 1;
  return {
    center: id,
    elements: { nodes: row.nodes.map(entityNode), edges: row.edges.map(aggregatedEdge) },
    total: row.total,
    more: Math.max(0, row.total - shown),
  };
}

export async function getEntityTimeline(driver: Driver, id: string, range: DateRange = {}): Promise<TimelineResponse> {
  const [row] = await readRows<TimelineResponse>(driver, QUERIES.entityTimeline, { id, ...rangeParams(range) });
  if (!row) throw notFound('Entity', id);
  return row;
}
