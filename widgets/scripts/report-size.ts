// Prints the gzipped JavaScript a page loads for each widget alone and for all of them: each entry in
// dist/ plus every chunk it imports, followed through static imports. Run after `build`; `--write`
// also rewrites the table in the README, which a test compares with the built bundle.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { readmeBlock, writeReadmeBlock } from './readme-block.ts';
import { staticImports } from './static-imports.ts';
import { widgetEntries } from './widget-folders.ts';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
/** One entry per element folder, then the bundle of all of them. */
const entries = [...widgetEntries().map((widget) => widget.file), 'pantau-widgets.js'];

const gzipped = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
/** Sizes in kB of 1000 bytes, as the README states them. */
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** Map geometry (`province-shapes-*.js`, and each province's regencies on demand, `<code>.topo-*.js`) is counted apart from code. */
const isGeometry = (file: string) => /(?:\.topo|\/province-shapes)-[^/]*\.js$/.test(file);

function measure(entry: string) {
  const files = [entry, ...staticImports(dist, entry)];
  const code = files.filter((file) => !isGeometry(file)).map((file) => join(dist, file));
  const geometry = files.filter(isGeometry).map((file) => join(dist, file));
  return {
    entry,
    files: code.length,
    raw: code.reduce((sum, file) => sum + readFileSync(file).length, 0),
    gzip: code.reduce((sum, file) => sum + gzipped(file), 0),
    geometryGzip: geometry.reduce((sum, file) => sum + gzipped(file), 0),
  };
}

/** Gzipped bytes of code a page loads: the heaviest single widget, and all of them through `pantau-widgets.js`. */
export function widgetSizes(): { oneWidgetGzip: number; allWidgetsGzip: number; allFourGzip: number; mapGeometryGzip: number } {
  const single = entries.filter((e) => e !== 'pantau-widgets.js').map(measure);
  const all = measure('pantau-widgets.js');
  // `allFourGzip`: the name test/bench/render.ts reads (the metric tile joined the four charts since).
  return { oneWidgetGzip: Math.max(...single.map((m) => m.gzip)), allWidgetsGzip: all.gzip, allFourGzip: all.gzip, mapGeometryGzip: all.geometryGzip };
}

/** The README's table of what a page loads, as the current build gives it. */
export function sizeTable(): string {
  const rows = entries
    .map(measure)
    .map(({ entry, files, raw, gzip, geometryGzip }) => `| \`${entry}\` | ${files} | ${kb(raw)} | ${kb(gzip)} | ${geometryGzip ? kb(geometryGzip) : '–'} |`);
  return ['| page loads | code files | code raw | code gzip | map geometry gzip |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** The table as the README has it now. */
export const readmeSizeTable = () => readmeBlock('widget-sizes');

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const table = sizeTable();
  console.log(table);
  if (process.argv.includes('--write')) {
    writeReadmeBlock('widget-sizes', table);
    console.log('README.md updated');
  }
}
