/**
 * One error middleware for the whole API: zod errors → 400, missing things → 404, Neo4j unreachable or
 * retriable → 503, everything else → 500 with a generic message. No response ever carries a stack trace.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { Neo4jError } from 'neo4j-driver';
import { ZodError } from 'zod';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string, id: string) => new HttpError(404, 'not_found', `${what} ${JSON.stringify(id)} does not exist`);

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

export function isDatabaseDown(err: unknown): boolean {
  if (!(err instanceof Neo4jError)) return false;
  return UNAVAILABLE_CODES.has(err.code) || err.retriable || /connect|ECONNREFUSED|Pool is closed/i.test(err.message);
}

export const notFoundRoute: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, 'not_found', `No route ${req.method} ${req.path}`));
};

export function errorMiddleware(log: (msg: string) => void = console.error): ErrorRequestHandler {
  // Express recognises error middleware by its four parameters.
  return (err: unknown, _req, res, _next) => {
    let status = 500;
    let body: { code: string; message: string; details?: unknown } = { code: 'internal', message: 'Internal server error' };
    if (err instanceof ZodError) {
      status = 400;
      body = {
        code: 'invalid_request',
        message: err.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '),
        details: err.issues.map((i) => ({ path: i.path, message: i.message, code: i.code })),
      };
    } else if (err instanceof HttpError) {
      status = err.status;
      body = { code: err.code, message: err.message, details: err.details };
    } else if (isDatabaseDown(err)) {
      status = 503;
      body = { code: 'database_unavailable', message: 'The graph database is unavailable right now; retry shortly.' };
    } else if (err instanceof URIError && (err as { status?: unknown }).status === 400) {
      // The router could not percent-decode a path parameter ("/api/entities/%zz", a lone surrogate "%ED%A0%80").
      status = 400;
      body = { code: 'invalid_request', message: 'Malformed percent-encoding in the URL path' };
    } else if (isBodyParserError(err)) {
      status = err.status;
      body = { code: err.type === 'entity.too.large' ? 'payload_too_large' : 'invalid_body', message: err.message };
    } else {
      log(`unhandled error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
    if (status === 503) res.setHeader('Retry-After', '5');
    res.status(status).json({ error: body });
  };
}

function isBodyParserError(err: unknown): err is { status: number; type: string; message: string } {
  const e = err as { status?: unknown; type?: unknown };
  return typeof e?.status === 'number' && e.status >= 400 && e.status < 500 && typeof e.type === 'string';
}
