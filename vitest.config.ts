import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One real Neo4j for the whole run (test/setup/neo4j.global.ts); files share it, so they run one at a time.
    globalSetup: ['test/setup/neo4j.global.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: ['default'],
  },
});
