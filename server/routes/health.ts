import { Router } from 'express';
import type { AppDeps } from '../app.ts';
import { getHealth } from '../services/health.ts';

export function healthRoutes({ driver, neo4jSource }: AppDeps): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    res.json(await getHealth(driver, neo4jSource));
  });
  return router;
}
