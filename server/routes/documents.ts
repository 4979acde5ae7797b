import { Router } from 'express';
import { DocumentsQuery, EntityParams } from '../../contract/api.ts';
import type { AppDeps } from '../app.ts';
import { getDocument, listDocuments } from '../services/documents.ts';

export function documentRoutes({ driver }: AppDeps): Router {
  const router = Router();
  router.get('/documents', async (req, res) => {
    res.json(await listDocuments(driver, DocumentsQuery.parse(req.query)));
  });
  router.get('/documents/:id', async (req, res) => {
    // Document ids follow the same rules as entity ids (opaque, bounded, no control characters).
    res.json(await getDocument(driver, EntityParams.parse(req.params).id));
  });
  return router;
}
