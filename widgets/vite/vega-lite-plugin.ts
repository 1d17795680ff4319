import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { compile, type TopLevelSpec } from 'vega-lite';

const suffix = '?vega';

/**
 * `import spec from './chart.vl.json?vega'` yields the Vega spec compiled from that Vega-Lite spec at
 * build time, so the Vega-Lite compiler never ships to browsers.
 */
export function vegaLiteSpecs(): Plugin {
  return {
    name: 'pantau-vega-lite-specs',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!source.endsWith(`.vl.json${suffix}`)) return null;
      const resolved = await this.resolve(source.slice(0, -suffix.length), importer, { skipSelf: true });
      return resolved ? `${resolved.id}${suffix}` : null;
    },
    load(id) {
      if (!id.endsWith(suffix)) return null;
      const file = id.slice(0, -suffix.length);
      this.addWatchFile(file);
      const { spec } = compile(JSON.parse(readFileSync(file, 'utf8')) as TopLevelSpec);
      return `export default ${JSON.stringify(spec)};`;
    },
  };
}
