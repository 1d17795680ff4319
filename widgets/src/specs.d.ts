/** Vega-Lite specs compiled to Vega at build time by widgets/vite/vega-lite-plugin.ts. */
declare module '*.vl.json?vega' {
  import type { Spec } from 'vega';

  const spec: Spec;
  export default spec;
}
