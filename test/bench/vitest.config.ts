import { defineConfig } from 'vitest/config';

/** The parallel-extraction check needs no database: `npx vitest run --config test/bench/vitest.config.ts`. */
export default defineConfig({
  test: {
    include: ['test/bench/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
