/** The document list (filter, whitelisted sort, pagination) and one document with its mentions and entities. */
import type { Driver } from 'neo4j-driver';
import type { DocumentDetail, DocumentsResponse } from '../../contract/api.ts';
import { QUERIES, type DocumentSortKey } from '../../cypher/queries.ts';
import { notFound } from '../errors.ts';
import { int, readRows } from './db.ts';

export async function listDocuments(
  driver: Driver,
  input: { q?: string; publication?: string; sort: DocumentSortKey; order: 'asc' | 'desc'; limit: number; offset: number },
): Promise<DocumentsResponse> {
  const [row] = await readRows<DocumentsResponse>(driver, QUERIES.documents(input.sort, input.order), {
    q: input.q ? input.q.toLowerCase() : null,
    publication: input.publication || null,
    limit: int(input.limit),
    offset: int(input.offset),
  });
  return row ?? { total: 0, documents: [] };
}

export async function getDocument(driver: Driver, id: string): Promise<DocumentDetail> {
  const [row] = await readRows<DocumentDetail>(driver, QUERIES.document, { id });
  if (!row) throw notFound('Document', id);
  return row;
}
