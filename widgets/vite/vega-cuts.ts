/**
 * What the widgets' bundle leaves out of Vega, read by the build (`vega-sources-plugin.ts`,
 * `svg-scenegraph-plugin.ts`) and by `src/core/vega-runtime.test.ts`, which fails when a spec needs
 * something cut. Vega registers every projection, scale type, mark, curve and expression function
 * it has through calls a bundler must keep; no spec uses most of them.
 */

/** When a module whose path contains `importer` imports `module`, it gets the `keep` exports; every other export is a function that throws when called. */
export interface Cut {
  module: string;
  importer: string;
  keep: readonly string[];
  /** The importer builds d3 shape generators when it loads: every other export stands in for a factory whose generator throws when drawn. */
  factories?: true;
}

/** The map projections kept (vega-projection registers d3's seventeen). */
export const projectionsKept = ['mercator', 'identity'];
/** The scale types kept, by their d3-scale constructors. */
export const scalesKept = ['band', 'linear', 'ordinal', 'point'];
/** The mark types kept (vega-scenegraph has twelve). */
export const marksKept = ['group', 'line', 'rect', 'rule', 'shape', 'symbol', 'text'];
/** The line curves kept (`interpolate`; vega-scenegraph imports d3's eighteen). */
export const curvesKept = ['linear', 'linear-closed'];

/** d3's name for a Vega type: `linear-closed` is `curveLinearClosed`. */
const d3Name = (prefix: string, type: string) => prefix + type.replace(/(?:^|-)([a-z])/g, (_, letter: string) => letter.toUpperCase());

export const cuts: readonly Cut[] = [
  // The expressions geoArea, geoBounds and geoCentroid.
  { module: 'd3-geo', importer: '/vega-functions/', keep: [] },
  { module: 'd3-geo', importer: '/vega-projection/', keep: ['geoPath', ...projectionsKept.map((type) => d3Name('geo', type))] },
  { module: 'd3-geo-projection', importer: '/vega-projection/', keep: [] },
  // Vega-Lite's selections, the random distributions and the easing functions of the expression language.
  { module: 'vega-selections', importer: '/vega-functions/', keep: [] },
  { module: 'vega-statistics', importer: '/vega-functions/', keep: ['random'] },
  { module: 'd3-ease', importer: '/vega-functions/', keep: [] },
  // The widgets hand Vega their rows: no CSV, TSV or TopoJSON to read.
  { module: 'd3-dsv', importer: '/vega-loader/', keep: [] },
  { module: 'topojson-client', importer: '/vega-loader/', keep: [] },
  // scaleBand and scalePoint are vega-scale's own.
  { module: 'd3-scale', importer: '/vega-scale/', keep: ['scaleImplicit', 'tickFormat', ...scalesKept.map((type) => d3Name('scale', type))] },
  // No spec binds a signal to an input.
  { module: './bind.js', importer: '/vega-view/src/initialize.js', keep: [] },
  // No scale of a spec interpolates colours (`interpolate`): numbers and RGB only.
  { module: 'd3-interpolate', importer: '/vega-scale/', keep: ['piecewise', 'interpolate', 'interpolateNumber', 'interpolateRgb', 'interpolateRound'] },
  // The arc and area marks' generators.
  { module: 'd3-shape', importer: '/vega-scenegraph/src/path/shapes.js', keep: ['line', 'symbol'], factories: true },
  { module: 'd3-shape', importer: '/vega-scenegraph/src/path/curves.js', keep: curvesKept.map((type) => d3Name('curve', type)) },
];

/** Whether an expression function's code is left out (its name still parses). */
export const functionLeftOut = (name: string) =>
  /^geo(Area|Bounds|Centroid)$/.test(name) || /^vlSelection/.test(name) || /^(sample|cumulative|density|quantile)(Normal|LogNormal|Uniform)$/.test(name) || /^ease[A-Z]/.test(name);
