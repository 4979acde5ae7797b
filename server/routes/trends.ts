import { Router } from 'express';
import { TrendsQuery } from '../../contract/api.ts';
import type { AppDeps } from '../app.ts';
import { cacheFor, sendCached } from '../cache.ts';
import { getTrends } from '../services/trends.ts';

export function trendRoutes(deps: AppDeps): Router {
  const { driver, config } = deps;
  const cache = cacheFor(deps);
  const router = Router();
  router.get('/trends', async (req, res) => {
    const input = TrendsQuery.parse(req.query);
    await sendCached(cache, req, res, ['trends', input], () => getTrends(driver, input, config.CYPHER_TIMEOUT_MS));
  });
  return router;
}
