import type { Plugin } from 'vite';
import { compile, type TopLevelSpec } from 'vega-lite';
import { queryImportPlugin } from './query-import-plugin.ts';

/**
 * `import spec from './chart.vl.json?vega'` yields the Vega spec compiled from that Vega-Lite spec at
 * build time, so the Vega-Lite compiler never ships to browsers.
 */
export function vegaLiteSpecs(): Plugin {
  return queryImportPlugin('pantau-vega-lite-specs', '.vl.json', '?vega', (text) => `export default ${JSON.stringify(compile(JSON.parse(text) as TopLevelSpec).spec)};`);
}
