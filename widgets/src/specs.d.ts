/** Vega-Lite specs compiled to Vega at build time by widgets/vite/vega-lite-plugin.ts. */
declare module '*.vl.json?vega' {
  import type { Spec } from 'vega';

  const spec: Spec;
  export default spec;
}

/** Operations from schema/operations, as `{ hash, document }` (widgets/vite/persisted-operation-plugin.ts). */
declare module '*.graphql?persisted' {
  const operation: { hash: string; document: string };
  export default operation;
}
