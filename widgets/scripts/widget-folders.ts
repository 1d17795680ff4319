// The element folders: every `src/<folder>/define.ts` registers `<pantau-<folder>>`. The build entries,
// the package's exports and the size report are found from here, not from hand-kept lists.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('../src/', import.meta.url));

export interface WidgetEntry {
  /** `pantau-metric-chart` */
  tag: string;
  /** `src/metric-chart/define.ts`, relative to widgets/ */
  entry: string;
  /** `pantau-metric-chart.js` in dist/ */
  file: string;
}

export function widgetEntries(): WidgetEntry[] {
  return readdirSync(src, { withFileTypes: true })
    .filter((folder) => folder.isDirectory() && existsSync(`${src}${folder.name}/define.ts`))
    .map((folder) => folder.name)
    .sort()
    .map((name) => ({ tag: `pantau-${name}`, entry: `src/${name}/define.ts`, file: `pantau-${name}.js` }));
}
