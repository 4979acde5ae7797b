import { Router } from 'express';
import type { AppDeps } from '../app.ts';
import { cacheFor, sendCached } from '../cache.ts';
import { getStats } from '../services/stats.ts';

export function statsRoutes(deps: AppDeps): Router {
  const { driver } = deps;
  const cache = cacheFor(deps);
  const router = Router();
  router.get('/stats', async (req, res) => {
    await sendCached(cache, req, res, ['stats'], () => getStats(driver));
  });
  return router;
}
