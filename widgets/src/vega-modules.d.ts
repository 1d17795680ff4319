/** Vega's modular packages ship no typings of their own; the `vega` package's typings describe them. */
declare module 'vega-parser' {
  export { parse } from 'vega';
}
declare module 'vega-view/src/View.js' {
  export { View as default } from 'vega';
}
declare module 'vega-scenegraph' {
  export { renderModule } from 'vega';
}
declare module 'vega-dataflow' {
  export const transforms: Record<string, unknown>;
}
/** A transform's source module (widgets/vite/vega-sources-plugin.ts): its default export is the transform. */
declare module 'vega-*.js' {
  const transform: unknown;
  export default transform;
}
