import { Router } from 'express';
import { buildOpenApi } from '../openapi.ts';

export function openApiRoutes(): Router {
  const router = Router();
  // Built once: the contract only changes with the code.
  const doc = buildOpenApi();
  router.get('/openapi.json', (_req, res) => {
    res.json(doc);
  });
  return router;
}
