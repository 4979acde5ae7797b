/** Builds the Express app (no listening here: app/start.ts listens through listen.ts, tests use supertest). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Driver } from 'neo4j-driver';
import type { Config } from '../core/config.ts';
import { mcpRoutes } from '../mcp/http.ts';
import { errorMiddleware, notFoundRoute } from './errors.ts';
import { curationRoutes } from './routes/curation.ts';
import { cypherRoutes } from './routes/cypher.ts';
import { documentRoutes } from './routes/documents.ts';
import { edgeRoutes } from './routes/edges.ts';
import { entityRoutes } from './routes/entities.ts';
import { healthRoutes } from './routes/health.ts';
import { openApiRoutes } from './routes/openapi.ts';
import { pathRoutes } from './routes/paths.ts';
import { searchRoutes } from './routes/search.ts';
import { statsRoutes } from './routes/stats.ts';
import { trendRoutes } from './routes/trends.ts';

export interface AppDeps {
  driver: Driver;
  config: Config;
  neo4jSource: 'uri' | 'embedded' | 'embedded-shared';
  log?: (msg: string) => void;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'img-src': ["'self'", 'data:', 'blob:'], 'worker-src': ["'self'", 'blob:'] },
      },
    }),
  );
  if (deps.config.CORS_ORIGIN) {
    const origin = deps.config.CORS_ORIGIN;
    app.use('/api', (req, res, next) => {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization');
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, DELETE, OPTIONS');
      if (req.method === 'OPTIONS') return void res.sendStatus(204);
      next();
    });
  }
  app.use('/api', express.json({ limit: '64kb' }));

  app.use('/api', healthRoutes(deps));
  app.use('/api', statsRoutes(deps));
  app.use('/api', searchRoutes(deps));
  app.use('/api', entityRoutes(deps));
  app.use('/api', edgeRoutes(deps));
  app.use('/api', documentRoutes(deps));
  app.use('/api', pathRoutes(deps));
  app.use('/api', trendRoutes(deps));
  app.use('/api', cypherRoutes(deps));
  app.use('/api', curationRoutes(deps));
  app.use('/api', openApiRoutes());
  app.use('/api', notFoundRoute);
  // MCP over Streamable HTTP (mcp/http.ts); who may call it is MCP_HTTP's decision.
  app.use('/mcp', mcpRoutes(deps));

  const dist = join(deps.config.projectRoot, 'client', 'dist');
  if (existsSync(dist)) {
    app.use(express.static(dist, { index: 'index.html', maxAge: '1h' }));
    // Client-side routes (shared URLs) all load the single page.
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(join(dist, 'index.html')));
  }
  app.use(notFoundRoute);
  app.use(errorMiddleware(deps.log));
  return app;
}
