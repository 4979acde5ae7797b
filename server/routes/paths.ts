import { Router } from 'express';
import { PathsQuery } from '../../contract/api.ts';
import type { AppDeps } from '../app.ts';
import { cacheFor, sendCached } from '../cache.ts';
import { findPaths } from '../services/paths.ts';

export function pathRoutes(deps: AppDeps): Router {
  const { driver, config } = deps;
  const cache = cacheFor(deps);
  const router = Router();
  router.get('/paths', async (req, res) => {
    const { fromDate, toDate, ...input } = PathsQuery.parse(req.query);
    const range = { from: fromDate, to: toDate };
    await sendCached(cache, req, res, ['paths', input, range], () => findPaths(driver, { ...input, range }, config.CYPHER_TIMEOUT_MS));
  });
  return router;
}
