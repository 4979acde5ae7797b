import { Router } from 'express';
import type { AppDeps } from '../app.ts';
import { getStats } from '../services/stats.ts';

export function statsRoutes({ driver }: AppDeps): Router {
  const router = Router();
  router.get('/stats', async (_req, res) => {
    res.json(await getStats(driver));
  });
  return router;
}
