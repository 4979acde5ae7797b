import { Router } from 'express';
import { SearchQuery } from '../../contract/api.ts';
import type { AppDeps } from '../app.ts';
import { cacheFor, sendCached } from '../cache.ts';
import { search } from '../services/search.ts';

export function searchRoutes(deps: AppDeps): Router {
  const { driver } = deps;
  const cache = cacheFor(deps);
  const router = Router();
  router.get('/search', async (req, res) => {
    const input = SearchQuery.parse(req.query);
    await sendCached(cache, req, res, ['search', input], () => search(driver, input));
  });
  return router;
}
