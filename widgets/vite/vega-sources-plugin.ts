import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const categoricalSchemes = [
  'schemeAccent',
  'schemeCategory10',
  'schemeDark2',
  'schemeObservable10',
  'schemePaired',
  'schemePastel1',
  'schemePastel2',
  'schemeSet1',
  'schemeSet2',
  'schemeSet3',
];
/** Expression functions whose code the bundle leaves out (their names still parse). */
export const functionsLeftOut = ['geoArea', 'geoBounds', 'geoCentroid'];
const noGeoFunctions = '\0pantau-no-geo-functions';
/** The map projections the bundle keeps (vega-projection registers d3's seventeen); the others say so instead of drawing. */
export const projectionsKept = ['mercator', 'identity'];
const d3Projections = [
  'geoAlbers',
  'geoAlbersUsa',
  'geoAzimuthalEqualArea',
  'geoAzimuthalEquidistant',
  'geoConicConformal',
  'geoConicEqualArea',
  'geoConicEquidistant',
  'geoEqualEarth',
  'geoEquirectangular',
  'geoGnomonic',
  'geoNaturalEarth1',
  'geoOrthographic',
  'geoStereographic',
  'geoTransverseMercator',
  'geoMollweide',
];
const someProjections = '\0pantau-some-projections';
const schemesOnly = '\0pantau-categorical-schemes';

/** A scheme's colours as d3-scale-chromatic's module writes them: `var Set1 = colors("e41a1c…")`, exported `as schemeSet1`. */
function schemeColours(code: string, name: string): string[] {
  const local = new RegExp(`([\\w$]+) as ${name}\\b`).exec(code)?.[1];
  const hex = local ? new RegExp(`var ${local.replace(/\$/g, '\\$')} = colors\\("([0-9a-f]+)"\\)`).exec(code)?.[1] : undefined;
  if (!hex) throw new Error(`d3-scale-chromatic: ${name} not found`);
  return hex.match(/.{6}/g)?.map((colour) => `#${colour}`) ?? [];
}

/**
 * Trims Vega for the widgets' bundle. `vega-transforms/src/Filter.js` resolves to that module of
 * the installed package, which its `exports` map hides: each transform package's build is one
 * module that defines every transform through calls a bundler must keep, so importing the build
 * ships all of them and importing the source modules ships only those the specs use. Two d3
 * packages that arrive as single modules are cut the same way: vega-functions gets no d3-geo (the
 * expressions geoArea, geoBounds and geoCentroid, which no spec calls, say so instead of running),
 * and vega-scale gets the ten categorical colour schemes it imports from d3-scale-chromatic, copied
 * at build time, without the module's colour ramps. `vega-runtime.test.ts` checks that no spec
 * needs what is cut.
 */
export function vegaSourceModules(): Plugin {
  let chromaticFile: string | null = null;
  let d3GeoFile: string | null = null;
  return {
    name: 'pantau-vega-source-modules',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (source === 'd3-geo' && importer?.includes('/vega-functions/')) return noGeoFunctions;
      if ((source === 'd3-geo' || source === 'd3-geo-projection') && importer?.includes('/vega-projection/')) {
        d3GeoFile ??= (await this.resolve('d3-geo', importer, { skipSelf: true }))?.id ?? null;
        return someProjections;
      }
      if (source === 'd3-scale-chromatic' && importer?.includes('/vega-scale/')) {
        chromaticFile = (await this.resolve(source, importer, { skipSelf: true }))?.id ?? null;
        return schemesOnly;
      }
      const match = /^(vega-[a-z-]+)\/src\/(.+)$/.exec(source);
      if (!match) return null;
      const build = await this.resolve(match[1] ?? '', importer, { skipSelf: true });
      return build ? join(dirname(build.id), '..', 'src', match[2] ?? '') : null;
    },
    async load(id) {
      if (id === noGeoFunctions) {
        return functionsLeftOut.map((name) => `export function ${name}() { throw new Error('${name} is not in the Pantau widgets runtime'); }`).join('\n');
      }
      if (id === someProjections && d3GeoFile) {
        const stubs = d3Projections.map((name) => `export function ${name}() { throw new Error('${name} is not in the Pantau widgets runtime'); }`);
        return [`export { geoPath, geoMercator, geoIdentity } from ${JSON.stringify(d3GeoFile)};`, ...stubs].join('\n');
      }
      if (id === schemesOnly) {
        if (!chromaticFile) return null;
        const code = readFileSync(chromaticFile, 'utf8');
        return categoricalSchemes.map((name) => `export const ${name} = ${JSON.stringify(schemeColours(code, name))};`).join('\n');
      }
      return null;
    },
  };
}
