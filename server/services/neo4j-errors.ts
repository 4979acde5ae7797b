/** Neo4j errors the API turns into specific answers (the rest go to the error middleware). */
import { Neo4jError } from 'neo4j-driver';
import { HttpError } from '../errors.ts';

/**
 * The server killed the transaction because it ran past the timeout given in the transaction config
 * (Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration; TransactionTimedOut for the server-wide one).
 */
export function isTimeout(err: unknown): boolean {
  return err instanceof Neo4jError && /TransactionTimedOut/.test(err.code);
}

/** 422 rather than 408: browsers may silently retry a 408, and re-running a query that timed out helps nobody. */
export function timeoutError(what: string, ms: number): HttpError {
  return new HttpError(422, 'query_timeout', `${what} exceeded the ${ms} ms limit`);
}

/** Rethrows a timeout as a clear 422; anything else unchanged. */
export function mapTimeout(err: unknown, what: string, ms: number): never {
  if (isTimeout(err)) throw timeoutError(what, ms);
  throw err;
}
