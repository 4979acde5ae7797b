import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { isDatabaseDown } from '../../server/errors.ts';

describe('isDatabaseDown', () => {
  it('treats unavailable and transient Neo4j errors as the database being down', () => {
    expect(isDatabaseDown(new Neo4jError('gone', 'ServiceUnavailable', '', ''))).toBe(true);
    expect(isDatabaseDown(new Neo4jError('busy', 'Neo.TransientError.Transaction.DeadlockDetected', '', ''))).toBe(true);
  });
  it('does not treat client errors (or non-Neo4j errors) as an outage', () => {
    expect(isDatabaseDown(new Neo4jError('bad', 'Neo.ClientError.Statement.SyntaxError', '', ''))).toBe(false);
    expect(isDatabaseDown(new Error('boom'))).toBe(false);
  });
});
