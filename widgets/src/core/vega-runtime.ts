/**
 * The part of Vega the charts run: the parser, the view and only the dataflow transforms their
 * compiled specs (and the operators the parser adds) use, taken from the transform packages' source
 * modules (see widgets/vite/vega-sources-plugin.ts). The `vega` package registers every transform
 * Vega has; `vega-runtime.test.ts` fails when a spec needs a transform, expression function, scale
 * or projection that the runtime lacks. The map's transforms are in `vega-geo-transforms.ts`.
 */
import { transforms } from 'vega-dataflow';
import axisticks from 'vega-encode/src/AxisTicks.js';
import datajoin from 'vega-encode/src/DataJoin.js';
import encode from 'vega-encode/src/Encode.js';
import legendentries from 'vega-encode/src/LegendEntries.js';
import scale from 'vega-encode/src/Scale.js';
import stack from 'vega-encode/src/Stack.js';
import aggregate from 'vega-transforms/src/Aggregate.js';
import collect from 'vega-transforms/src/Collect.js';
import extent from 'vega-transforms/src/Extent.js';
import facet from 'vega-transforms/src/Facet.js';
import filter from 'vega-transforms/src/Filter.js';
import formula from 'vega-transforms/src/Formula.js';
import multiextent from 'vega-transforms/src/MultiExtent.js';
import prefacet from 'vega-transforms/src/PreFacet.js';
import proxy from 'vega-transforms/src/Proxy.js';
import relay from 'vega-transforms/src/Relay.js';
import sieve from 'vega-transforms/src/Sieve.js';
import values from 'vega-transforms/src/Values.js';
import bound from 'vega-view-transforms/src/Bound.js';
import mark from 'vega-view-transforms/src/Mark.js';
import overlap from 'vega-view-transforms/src/Overlap.js';
import render from 'vega-view-transforms/src/Render.js';
import viewlayout from 'vega-view-transforms/src/ViewLayout.js';

Object.assign(transforms, {
  aggregate,
  axisticks,
  bound,
  collect,
  datajoin,
  encode,
  extent,
  facet,
  filter,
  formula,
  legendentries,
  mark,
  multiextent,
  overlap,
  prefacet,
  proxy,
  relay,
  render,
  scale,
  sieve,
  stack,
  values,
  viewlayout,
});

/** The transform types registered so far, by the names compiled dataflows use. */
export const registeredTransforms = (): ReadonlySet<string> => new Set(Object.keys(transforms));

export { parse } from 'vega-parser';
export { default as View } from 'vega-view/src/View.js';
