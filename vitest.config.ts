import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{prisma,server,widgets,schema,test}/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'prisma/generated/**'],
    // Each test file opens its own PGlite (about 4 s to start) and, when configured, its own
    // PostgreSQL database: two files at a time keeps both cores busy without thrashing.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
