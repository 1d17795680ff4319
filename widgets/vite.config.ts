import { defineConfig } from 'vite';
import { persistedOperations } from './vite/persisted-operation-plugin.ts';
import { vegaLiteSpecs } from './vite/vega-lite-plugin.ts';
import { versionedRelease } from './scripts/versioned-release.ts';

/**
 * One ES module that defines every widget (`pantau-widgets.js`) plus one per widget; code they share
 * lands in common chunks, so a page with one widget loads only what that widget needs.
 */
export default defineConfig({
  plugins: [vegaLiteSpecs(), persistedOperations(), versionedRelease()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    reportCompressedSize: false,
    lib: {
      entry: {
        'pantau-widgets': 'src/pantau-widgets.ts',
        'pantau-campaign-totals': 'src/campaign-totals/define.ts',
        'pantau-desa-binaan-map': 'src/desa-binaan-map/define.ts',
        'pantau-metric-chart': 'src/metric-chart/define.ts',
        'pantau-tppo-coverage': 'src/tppo-coverage/define.ts',
      },
      formats: ['es'],
    },
    rollupOptions: {
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
