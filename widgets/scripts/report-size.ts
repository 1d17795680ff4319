// Prints the gzipped JavaScript a page loads for each widget alone and for all of them: each entry in
// dist/ plus every chunk it imports, followed through static imports. Run after `build`; `--write`
// also rewrites the table in the README, which a test compares with the built bundle.
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { readmeBlock, writeReadmeBlock } from './readme-block.ts';
import { widgetEntries } from './widget-folders.ts';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
/** One entry per element folder, then the bundle of all of them. */
const entries = [...widgetEntries().map((widget) => widget.file), 'pantau-widgets.js'];

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
/** Sizes in kB of 1000 bytes, as the README states them. */
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

function measure(entry: string) {
  const files = [...closure(join(dist, entry))];
  return {
    entry,
    files: files.map((f) => relative(dist, f)).length,
    raw: files.reduce((sum, file) => sum + readFileSync(file).length, 0),
    gzip: files.reduce((sum, file) => sum + gzipped(file), 0),
  };
}

/** Gzipped bytes a page loads: the heaviest single widget, and all of them through `pantau-widgets.js`. */
export function widgetSizes(): { oneWidgetGzip: number; allFourGzip: number } {
  const single = entries.filter((e) => e !== 'pantau-widgets.js').map((e) => measure(e).gzip);
  return { oneWidgetGzip: Math.max(...single), allFourGzip: measure('pantau-widgets.js').gzip };
}

/** The README's table of what a page loads, as the current build gives it. */
export function sizeTable(): string {
  const rows = entries.map(measure).map(({ entry, files, raw, gzip }) => `| \`${entry}\` | ${files} | ${kb(raw)} | ${kb(gzip)} |`);
  return ['| page loads | files | raw | gzip |', '| --- | --- | --- | --- |', ...rows].join('\n');
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
