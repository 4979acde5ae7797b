/**
 * The MCP Streamable HTTP transport at /mcp on the explorer's server, stateless: every POST gets a fresh server
 * (tools are cheap to register) over the app's one driver, answered as plain JSON. MCP_HTTP decides who may call:
 * 'loopback' (default) only clients on this machine, with a Host header naming it (no DNS rebinding from a web
 * page), even when HOST exposes the explorer; 'any' everyone that reaches HOST; 'off' leaves /mcp unmounted.
 */
import { hostHeaderValidation } from '@modelcontextprotocol/sdk/server/middleware/hostHeaderValidation.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import express, { Router, type ErrorRequestHandler, type RequestHandler, type Response } from 'express';
import type { AppDeps } from '../server/app.ts';
import { RateLimiter } from './errors.ts';
import { createMcpServer } from './server.ts';

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

export const isLoopbackAddress = (a: string | undefined) => !!a && (a === '::1' || /^(::ffff:)?127\./.test(a));

const rpcError = (res: Response, status: number, code: number, message: string) =>
  void res.status(status).json({ jsonrpc: '2.0', error: { code, message }, id: null });

export function mcpRoutes(deps: AppDeps): Router {
  const router = Router();
  const mode = deps.config.MCP_HTTP;
  if (mode === 'off') return router;
  const log = deps.log ?? console.error;
  const cypherLimiter = new RateLimiter(deps.config.CYPHER_RATE_LIMIT);

  if (mode === 'loopback') {
    const loopbackOnly: RequestHandler = (req, res, next) =>
      isLoopbackAddress(req.socket.remoteAddress)
        ? next()
        : rpcError(res, 403, -32000, '/mcp answers only clients on this machine (set MCP_HTTP=any to open it)');
    router.use(loopbackOnly);
  }
  const allowedHosts = deps.config.MCP_ALLOWED_HOSTS ?? (mode === 'loopback' ? LOOPBACK_HOSTS : undefined);
  if (allowedHosts) router.use(hostHeaderValidation(allowedHosts));
  router.use(express.json({ limit: '256kb' }));

  router.post('/', async (req, res) => {
    const server = createMcpServer({
      driver: async () => deps.driver,
      config: deps.config,
      log,
      cypherLimiter,
      clientKey: req.socket.remoteAddress ?? 'unknown',
    });
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    try {
      await server.connect(transport);
      await transport.handleRequest(req, res, req.body);
    } catch (err) {
      log(`mcp: request failed: ${(err as Error).message}`);
      if (!res.headersSent) rpcError(res, 500, -32603, 'Internal server error');
    }
  });
  // Stateless: no server-initiated stream to GET, no session to DELETE.
  const notAllowed: RequestHandler = (_req, res) => {
    res.setHeader('Allow', 'POST');
    rpcError(res, 405, -32000, 'Method not allowed: this endpoint is stateless, POST JSON-RPC messages to it');
  };
  router.get('/', notAllowed);
  router.delete('/', notAllowed);

  const bodyErrors: ErrorRequestHandler = (err: { status?: number; type?: string; message?: string }, _req, res, next) => {
    if (err?.type === 'entity.parse.failed') return rpcError(res, 400, -32700, `Parse error: ${err.message}`);
    if (err?.type === 'entity.too.large') return rpcError(res, 413, -32600, 'Request body over 256 kB');
    next(err);
  };
  router.use(bodyErrors);
  return router;
}
