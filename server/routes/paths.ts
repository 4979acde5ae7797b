import { Router } from 'express';
import { PathsQuery } from '../../contract/api.ts';
import type { AppDeps } from '../app.ts';
import { findPaths } from '../services/paths.ts';

export function pathRoutes({ driver, config }: AppDeps): Router {
  const router = Router();
  router.get('/paths', async (req, res) => {
    res.json(await findPaths(driver, PathsQuery.parse(req.query), config.CYPHER_TIMEOUT_MS));
  });
  return router;
}
