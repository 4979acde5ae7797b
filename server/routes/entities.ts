import { Router } from 'express';
import { EntityParams, EntityQuery, MentionsQuery, NeighborsQuery } from '../../contract/api.ts';
import type { AppDeps } from '../app.ts';
import { cacheFor, sendCached } from '../cache.ts';
import { getEntity, getEntityMentions, getEntityNeighbors, getEntityTimeline } from '../services/entities.ts';

export function entityRoutes(deps: AppDeps): Router {
  const { driver } = deps;
  const cache = cacheFor(deps);
  const router = Router();
  router.get('/entities/:id', async (req, res) => {
    const { id } = EntityParams.parse(req.params);
    const range = EntityQuery.parse(req.query);
    await sendCached(cache, req, res, ['entity', id, range], () => getEntity(driver, id, range));
  });
  router.get('/entities/:id/mentions', async (req, res) => {
    const { id } = EntityParams.parse(req.params);
    const page = MentionsQuery.parse(req.query);
    await sendCached(cache, req, res, ['mentions', id, page], () => getEntityMentions(driver, id, page));
  });
  router.get('/entities/:id/neighbors', async (req, res) => {
    const { id } = EntityParams.parse(req.params);
    const input = NeighborsQuery.parse(req.query);
    await sendCached(cache, req, res, ['neighbors', id, input], () => getEntityNeighbors(driver, id, input));
  });
  router.get('/entities/:id/timeline', async (req, res) => {
    const { id } = EntityParams.parse(req.params);
    const range = EntityQuery.parse(req.query);
    await sendCached(cache, req, res, ['timeline', id, range], () => getEntityTimeline(driver, id, range));
  });
  return router;
}
