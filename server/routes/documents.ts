import { Router } from 'express';
import { DocumentGraphQuery, DocumentsQuery, EntityParams } from '../../contract/api.ts';
import type { AppDeps } from '../app.ts';
import { cacheFor, sendCached } from '../cache.ts';
import { getDocument, getDocumentDates, getDocumentGraph, listDocuments } from '../services/documents.ts';

export function documentRoutes(deps: AppDeps): Router {
  const { driver } = deps;
  const cache = cacheFor(deps);
  const router = Router();
  router.get('/documents', async (req, res) => {
    const input = DocumentsQuery.parse(req.query);
    await sendCached(cache, req, res, ['documents', input], () => listDocuments(driver, input));
  });
  // Before /documents/:id, which would take "dates" for an id.
  router.get('/documents/dates', async (req, res) => {
    await sendCached(cache, req, res, ['document-dates'], () => getDocumentDates(driver));
  });
  router.get('/documents/:id/graph', async (req, res) => {
    const { id } = EntityParams.parse(req.params);
    const input = DocumentGraphQuery.parse(req.query);
    await sendCached(cache, req, res, ['document-graph', id, input], () => getDocumentGraph(driver, id, input));
  });
  router.get('/documents/:id', async (req, res) => {
    // Document ids follow the same rules as entity ids (opaque, bounded, no control characters).
    const { id } = EntityParams.parse(req.params);
    await sendCached(cache, req, res, ['document', id], () => getDocument(driver, id));
  });
  return router;
}
