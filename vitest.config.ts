import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';
import { vegaLiteSpecs } from './widgets/vite/vega-lite-plugin.ts';
import { vegaSourceModules } from './widgets/vite/vega-sources-plugin.ts';

// graphql 16 ships CommonJS (`main`) and ESM (`module`) builds without an exports map: Node loads the
// CommonJS one for Yoga and Pothos, Vite would pick the ESM one for our sources, and two copies of
// graphql cannot share a schema. Point our sources at the copy Node loads.
const graphqlEntry = createRequire(new URL('./server/package.json', import.meta.url)).resolve('graphql');

export default defineConfig({
  // The widgets' spec functions import their Vega-Lite specs compiled, as the widget build does.
  plugins: [vegaLiteSpecs(), vegaSourceModules()],
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  test: {
    include: ['{prisma,server,widgets,schema,test}/**/*.test.ts'],
    globalSetup: ['test/support/build-widgets.ts'],
    exclude: ['**/node_modules/**', 'prisma/generated/**'],
    // Each test file opens its own PGlite (about 4 s to start) and, when configured, its own
    // PostgreSQL database: two files at a time keeps both cores busy without thrashing.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
