import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { CypherRequest } from '../../contract/api.ts';
import type { AppDeps } from '../app.ts';
import { HttpError } from '../errors.ts';
import { runConsoleQuery } from '../services/cypher-console.ts';

export function cypherRoutes({ driver, config }: AppDeps): Router {
  const router = Router();
  // Per app instance and per client IP: the console is the one route that can make the database work hard.
  const limiter = rateLimit({
    windowMs: 60_000,
    limit: config.CYPHER_RATE_LIMIT,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) =>
      next(new HttpError(429, 'rate_limited', `Too many console queries: at most ${config.CYPHER_RATE_LIMIT} per minute`)),
  });
  router.post('/cypher', limiter, async (req, res) => {
    res.json(await runConsoleQuery(driver, config, CypherRequest.parse(req.body ?? {})));
  });
  return router;
}
