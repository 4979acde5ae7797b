/** The document list (filter, whitelisted sort, pagination) and one document with its mentions and entities. */
import type { Driver } from 'neo4j-driver';
import type { DocumentDatesResponse, DocumentDetail, DocumentGraphResponse, DocumentRef, DocumentsResponse } from '../../contract/api.ts';
import { CO_MENTION, MENTIONS, RELATION_TYPES, type EntityType } from '../../core/vocabulary.ts';
import { QUERIES, relPattern, type DocumentSortKey } from '../../cypher/queries.ts';
import { notFound } from '../errors.ts';
import { int, rangeParams, readRows, type DateRange } from './db.ts';
import { aggregatedEdge, documentNode, entityNode } from './elements.ts';

export async function listDocuments(
  driver: Driver,
  input: { q?: string; publication?: string; sort: DocumentSortKey; order: 'asc' | 'desc'; limit: number; offset: number } & DateRange,
): Promise<DocumentsResponse> {
  const [row] = await readRows<DocumentsResponse>(driver, QUERIES.documents(input.sort, input.order), {
    // Titles are compared with ’ read as ' (cypher/queries.ts folds the stored side the same way).
    q: input.q ? input.q.toLowerCase().replace(/[\u2019\u02bc]/g, "'") : null,
    publication: input.publication || null,
    limit: int(input.limit),
    offset: int(input.offset),
    ...rangeParams(input),
  });
  return row ?? { total: 0, documents: [] };
}

export async function getDocument(driver: Driver, id: string): Promise<DocumentDetail> {
  const [row] = await readRows<DocumentDetail>(driver, QUERIES.document, { id });
  if (!row) throw notFound('Document', id);
  return row;
}

export async function getDocumentDates(driver: Driver): Promise<DocumentDatesResponse> {
  const [row] = await readRows<DocumentDatesResponse>(driver, QUERIES.documentDates, {});
  return row ?? { days: [], undated: 0 };
}

interface DocumentGraphRow {
  document: DocumentRef;
  total: number;
  entities: { id: string; name: string; type: string; count: number; mentionCount: number }[];
  edges: { source: string; target: string; type: string; weight: number; evidenceCount: number; reason: string | null }[];
}

export async function getDocumentGraph(
  driver: Driver,
  id: string,
  input: { limit: number; types?: EntityType[]; coMentions: boolean },
): Promise<DocumentGraphResponse> {
  const rels = relPattern([...RELATION_TYPES, ...(input.coMentions ? [CO_MENTION] : [])]);
  const [row] = await readRows<DocumentGraphRow>(driver, QUERIES.documentGraph(rels), {
    id,
    limit: int(input.limit),
    types: input.types?.length ? input.types : null,
  });
  if (!row) throw notFound('Document', id);
  const mentions = row.entities.map((e) => aggregatedEdge({ source: id, type: MENTIONS, target: e.id, weight: e.count, evidenceCount: e.count }));
  return {
    document: row.document,
    elements: { nodes: [documentNode(row.document), ...row.entities.map(entityNode)], edges: [...mentions, ...row.edges.map(aggregatedEdge)] },
    total: row.total,
    more: Math.max(0, row.total - row.entities.length),
  };
}
