import { defineConfig } from 'vitest/config';

/**
 * Two projects. `unit`: everything that needs no database (rules, readers, client state and layouts, the layer
 * lint…) — `npm run test:unit` runs it without starting Neo4j. `db`: the rest, against ONE real Neo4j for the
 * whole run (test/setup/neo4j.global.ts); its files share it, so they run one at a time. `npm test` runs both.
 */
const UNIT = [
  'test/client/**/*.test.ts',
  'test/extract/**/*.test.ts',
  'test/bench/**/*.test.ts',
  'test/structure/**/*.test.ts',
  'test/core/**/*.test.ts',
  'test/api/errors.test.ts',
  'test/db/docker-compose.test.ts',
  'test/ingest/count-inputs.test.ts',
];

export default defineConfig({
  test: {
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: ['default'],
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT } },
      {
        extends: true,
        test: { name: 'db', include: ['test/**/*.test.ts'], exclude: UNIT, globalSetup: ['test/setup/neo4j.global.ts'] },
      },
    ],
  },
});
