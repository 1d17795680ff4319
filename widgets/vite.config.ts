import { defineConfig } from 'vite';
import { widgetEntries } from './scripts/widget-folders.ts';
import { vegaLiteSpecs } from './vite/vega-lite-plugin.ts';
import { vegaSourceModules } from './vite/vega-sources-plugin.ts';
import { svgScenegraph } from './vite/svg-scenegraph-plugin.ts';
import { versionedRelease } from './scripts/versioned-release.ts';

/**
 * One ES module that defines every widget (`pantau-widgets.js`) plus one per element folder; code
 * they share lands in common chunks, so a page with one widget loads only what that widget needs.
 */
export default defineConfig({
  plugins: [vegaLiteSpecs(), vegaSourceModules(), svgScenegraph(), versionedRelease()],
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
      // Library mode keeps whitespace in ES output for downstream bundlers; browsers load these files as they are.
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
        minify: true,
        // The map's province shapes in a file of their own, as each province's regencies are: map geometry is counted apart from code.
        codeSplitting: { groups: [{ name: 'province-shapes', test: /src\/map\/indonesia\.topo\.json/ }] },
      },
    },
  },
});
