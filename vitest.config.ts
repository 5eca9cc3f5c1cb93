import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts', 'city-server/**/*.test.ts', 'integration/**/*.test.ts'],
    environment: 'node',
    // SQLite files with synchronous=FULL: keep the two cores for the tests, not for parallel workers fighting over fsync.
    pool: 'forks',
    testTimeout: 20_000,
  },
});
