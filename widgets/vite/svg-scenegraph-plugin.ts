import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import { marksKept } from './vega-cuts.ts';

/** The exports of vega-scenegraph's index that only a canvas draws with. */
const canvasOnly = /\b(CanvasRenderer|HybridRenderer|HybridHandler)\b/;
const renderModules = '\0pantau-svg-render-modules';

/**
 * vega-scenegraph as the widgets draw: SVG only. Its build registers the Canvas and Hybrid
 * renderers and handlers and all twelve marks; its source modules, with the index, the renderer
 * registry and the mark table rewritten, ship the SVG renderer, the SVG string renderer (`toSVG`)
 * and the marks of `marksKept`. The view's fallback handler (a headless view's, never one drawn in
 * a page) is the base handler. A PNG download registers the Canvas renderer, fetched when asked
 * for (`src/core/canvas-renderer.ts`); nothing the page loads at first imports it.
 */
export function svgScenegraph(): Plugin {
  let index: string | null = null;
  return {
    name: 'pantau-svg-scenegraph',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (source === 'vega-scenegraph') {
        const build = await this.resolve(source, importer, { skipSelf: true });
        if (!build) return null;
        index = join(dirname(build.id), '..', 'index.js');
        return index;
      }
      const isRegistry = (source === './src/modules.js' && importer === index) || (source === './modules.js' && importer?.includes('/vega-scenegraph/src/'));
      return isRegistry ? renderModules : null;
    },
    load(id) {
      if (!index) return null;
      const src = (file: string) => JSON.stringify(join(dirname(index ?? ''), 'src', file));
      if (id === index) {
        const lines = readFileSync(index, 'utf8').split('\n');
        return lines
          .filter((line) => !canvasOnly.test(line))
          .map((line) => line.replace('./src/CanvasHandler.js', './src/Handler.js'))
          .join('\n');
      }
      if (id === renderModules) {
        return `import SVGHandler from ${src('SVGHandler.js')};
import SVGRenderer from ${src('SVGRenderer.js')};
import SVGStringRenderer from ${src('SVGStringRenderer.js')};
export const RenderType = { Canvas: 'canvas', PNG: 'png', SVG: 'svg', Hybrid: 'hybrid', None: 'none' };
const modules = { svg: { renderer: SVGRenderer, headless: SVGStringRenderer, handler: SVGHandler }, none: {} };
export function renderModule(name, _) {
  name = String(name || '').toLowerCase();
  if (arguments.length > 1) {
    modules[name] = _;
    return this;
  }
  return modules[name];
}`;
      }
      if (id.endsWith('/vega-scenegraph/src/marks/index.js')) {
        return `${marksKept.map((mark) => `import ${mark} from './${mark}.js';`).join('\n')}\nexport default { ${marksKept.join(', ')} };`;
      }
      return null;
    },
  };
}
