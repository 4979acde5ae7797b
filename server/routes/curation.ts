import { timingSafeEqual } from 'node:crypto';
import { Router, type RequestHandler } from 'express';
import { CurationParams, CurationRequest, type CurationListResponse } from '../../contract/api.ts';
import type { Config } from '../../core/config.ts';
import type { AppDeps } from '../app.ts';
import { HttpError } from '../errors.ts';
import { applyDecision, listDecisions, undoDecision } from '../services/curation.ts';

const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|::1|\[::1\])$/i;
export const isLoopback = (host: string): boolean => LOOPBACK.test(host);

/** Who may write: everyone on this machine while the server binds loopback; with CURATION_TOKEN, whoever sends it. */
export function curationWrites(config: Pick<Config, 'HOST' | 'CURATION_TOKEN'>): CurationListResponse['writes'] {
  if (config.CURATION_TOKEN) return 'token';
  return isLoopback(config.HOST) ? 'open' : 'off';
}

const sameToken = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

function writeGuard(config: Config): RequestHandler {
  const mode = curationWrites(config);
  return (req, res, next) => {
    if (mode === 'off') {
      return next(
        new HttpError(
          403,
          'curation_disabled',
          `Curation writes are off: the server binds HOST=${config.HOST}, which is not loopback. Bind 127.0.0.1, or set CURATION_TOKEN and send "Authorization: Bearer <token>".`,
        ),
      );
    }
    if (mode === 'token') {
      const sent = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '')?.[1];
      if (!sent || !sameToken(sent, config.CURATION_TOKEN!)) {
        res.setHeader('WWW-Authenticate', 'Bearer realm="curation"');
        return next(new HttpError(401, 'unauthorized', 'Curation writes need "Authorization: Bearer <CURATION_TOKEN>"'));
      }
      return next();
    }
    // Loopback without a token: only a page served from this machine may write (no DNS rebinding, no other site).
    const origin = req.get('origin');
    let originHost: string | null = null;
    try {
      originHost = origin ? new URL(origin).hostname : null;
    } catch {
      originHost = '';
    }
    if (!isLoopback(req.hostname ?? '') || (originHost !== null && !isLoopback(originHost))) {
      return next(new HttpError(403, 'curation_forbidden', 'Curation writes without CURATION_TOKEN are taken only from pages on this machine (Host and Origin must be loopback)'));
    }
    next();
  };
}

export function curationRoutes({ driver, config }: AppDeps): Router {
  const router = Router();
  const guard = writeGuard(config);
  const writes = curationWrites(config);
  router.get('/curation', async (_req, res) => {
    res.json(await listDecisions(driver, writes));
  });
  router.post('/curation', guard, async (req, res) => {
    res.status(201).json(await applyDecision(driver, CurationRequest.parse(req.body ?? {})));
  });
  router.delete('/curation/:id', guard, async (req, res) => {
    const { id } = CurationParams.parse(req.params);
    res.json(await undoDecision(driver, id));
  });
  return router;
}
