import { Router } from 'express';
import { EntityParams, MentionsQuery, NeighborsQuery } from '../../contract/api.ts';
import type { AppDeps } from '../app.ts';
import { getEntity, getEntityMentions, getEntityNeighbors, getEntityTimeline } from '../services/entities.ts';

export function entityRoutes({ driver }: AppDeps): Router {
  const router = Router();
  router.get('/entities/:id', async (req, res) => {
    res.json(await getEntity(driver, EntityParams.parse(req.params).id));
  });
  router.get('/entities/:id/mentions', async (req, res) => {
    const { id } = EntityParams.parse(req.params);
    res.json(await getEntityMentions(driver, id, MentionsQuery.parse(req.query)));
  });
  router.get('/entities/:id/neighbors', async (req, res) => {
    const { id } = EntityParams.parse(req.params);
    res.json(await getEntityNeighbors(driver, id, NeighborsQuery.parse(req.query)));
  });
  router.get('/entities/:id/timeline', async (req, res) => {
    res.json(await getEntityTimeline(driver, EntityParams.parse(req.params).id));
  });
  return router;
}
