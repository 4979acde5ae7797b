import { Router } from 'express';
import { EdgeQuery } from '../../contract/api.ts';
import type { AppDeps } from '../app.ts';
import { getEdgeEvidence } from '../services/edges.ts';

export function edgeRoutes({ driver }: AppDeps): Router {
  const router = Router();
  router.get('/edges', async (req, res) => {
    res.json(await getEdgeEvidence(driver, EdgeQuery.parse(req.query)));
  });
  return router;
}
