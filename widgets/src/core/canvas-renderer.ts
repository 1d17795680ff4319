/**
 * The widgets draw with SVG, and their bundle leaves the Canvas renderer out
 * (widgets/vite/svg-scenegraph-plugin.ts): a PNG download draws the chart once more on a canvas, so
 * the renderer is fetched the first time one is asked for, from the widgets' own origin.
 */
export const loadCanvasRenderer = (): Promise<unknown> => import('./register-canvas-renderer.ts');
