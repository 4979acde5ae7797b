import { defineConfig } from 'vitest/config';

/** The extraction suites need no database: run them without the Neo4j global setup. */
export default defineConfig({
  test: {
    include: ['test/extract/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
