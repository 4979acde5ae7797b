import { Router } from 'express';
import { SearchQuery } from '../../contract/api.ts';
import type { AppDeps } from '../app.ts';
import { searchEntities } from '../services/search.ts';

export function searchRoutes({ driver }: AppDeps): Router {
  const router = Router();
  router.get('/search', async (req, res) => {
    res.json(await searchEntities(driver, SearchQuery.parse(req.query)));
  });
  return router;
}
