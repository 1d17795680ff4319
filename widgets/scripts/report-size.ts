// Prints the gzipped JavaScript a page loads for each widget alone and for all four: each entry in
// dist/ plus every chunk it imports, followed through static imports. Run after `build`.
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const entries = ['pantau-campaign-totals.js', 'pantau-metric-chart.js', 'pantau-tppo-coverage.js', 'pantau-desa-binaan-map.js', 'pantau-widgets.js'];

/** Every file `entry` loads, itself included. */
function closure(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(entry, 'utf8');
  for (const match of code.matchAll(/(?:import|export)\s*(?:[^'"]*?\sfrom\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)) {
    closure(join(dirname(entry), match[1] ?? ''), seen);
  }
  return seen;
}

const gzipped = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function measure(entry: string) {
  const files = [...closure(join(dist, entry))];
  return { entry, files: files.map((f) => relative(dist, f)).length, raw: files.reduce((sum, file) => sum + readFileSync(file).length, 0), gzip: files.reduce((sum, file) => sum + gzipped(file), 0) };
}

/** Gzipped bytes a page loads: the heaviest single widget, and all four through `pantau-widgets.js`. */
export function widgetSizes(): { oneWidgetGzip: number; allFourGzip: number } {
  const single = entries.filter((e) => e !== 'pantau-widgets.js').map((e) => measure(e).gzip);
  return { oneWidgetGzip: Math.max(...single), allFourGzip: measure('pantau-widgets.js').gzip };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log('| page loads | files | raw | gzip |\n| --- | --- | --- | --- |');
  for (const { entry, files, raw, gzip } of entries.map(measure)) console.log(`| \`${entry}\` | ${files} | ${kb(raw)} | ${kb(gzip)} |`);
}
