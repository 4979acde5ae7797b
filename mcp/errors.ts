/**
 * Every failure a tool can meet, as a tool result (`isError: true`) whose text says what went wrong and what to
 * do next — never a thrown error that would end the call without a reason, and never a stack trace.
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { ZodError } from 'zod';
import { HttpError, isDatabaseDown } from '../server/errors.ts';

/** Neo4j could not be reached (or started) at all: the stdio server keeps running and retries on the next call. */
export class GraphUnavailableError extends Error {
  override name = 'GraphUnavailableError';
}

export const DATABASE_DOWN =
  'The graph database is unavailable right now (Neo4j does not answer). Retry in a few seconds; if it persists, ' +
  'check that Neo4j is running (`npm start` starts the embedded one, or set NEO4J_URI).';

export function errorText(err: unknown, log: (msg: string) => void): string {
  if (err instanceof ZodError) return `Invalid input: ${err.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')}`;
  if (err instanceof GraphUnavailableError) return `The graph database is unavailable: ${err.message}`;
  if (err instanceof HttpError) {
    // 403: the read-only console refused the query (a write, an admin command, a procedure outside the allowlist).
    if (err.status === 403) return `Refused (read-only console): ${err.message}`;
    if (err.code === 'rate_limited') return `${err.message}; wait a minute before the next query.`;
    return err.message;
  }
  if (isDatabaseDown(err)) return DATABASE_DOWN;
  log(`mcp: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  return 'Internal error while answering this call (logged on the server); try again or rephrase the request.';
}

export const toolError = (text: string): CallToolResult => ({ isError: true, content: [{ type: 'text', text }] });

/** A fixed one-minute window per client: the Cypher console's CYPHER_RATE_LIMIT, applied to run_cypher. */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  constructor(
    readonly limit: number,
    readonly windowMs = 60_000,
  ) {}

  /** True if the call may run (and counts it). */
  take(key: string, now = Date.now()): boolean {
    if (this.windows.size > 10_000) for (const [k, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(k);
    const w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      this.windows.set(key, { start: now, count: 1 });
      return true;
    }
    if (w.count >= this.limit) return false;
    w.count++;
    return true;
  }
}
