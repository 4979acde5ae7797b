import { Router } from 'express';
import { EdgeQuery } from '../../contract/api.ts';
import type { AppDeps } from '../app.ts';
import { cacheFor, sendCached } from '../cache.ts';
import { getEdgeEvidence } from '../services/edges.ts';

export function edgeRoutes(deps: AppDeps): Router {
  const { driver } = deps;
  const cache = cacheFor(deps);
  const router = Router();
  router.get('/edges', async (req, res) => {
    const input = EdgeQuery.parse(req.query);
    await sendCached(cache, req, res, ['edges', input], () => getEdgeEvidence(driver, input));
  });
  return router;
}
