import { defineConfig } from 'vite';
import { widgetEntries } from './scripts/widget-folders.ts';
import { vegaLiteSpecs } from './vite/vega-lite-plugin.ts';
import { versionedRelease } from './scripts/versioned-release.ts';

/**
 * One ES module that defines every widget (`pantau-widgets.js`) plus one per element folder; code
 * they share lands in common chunks, so a page with one widget loads only what that widget needs.
 */
export default defineConfig({
  plugins: [vegaLiteSpecs(), versionedRelease()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    reportCompressedSize: false,
    lib: {
      entry: { 'pantau-widgets': 'src/pantau-widgets.ts', ...Object.fromEntries(widgetEntries().map((w) => [w.tag, w.entry])) },
      formats: ['es'],
    },
    rollupOptions: {
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
