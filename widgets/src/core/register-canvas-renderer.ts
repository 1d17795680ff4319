// Imported by `canvas-renderer.ts` when a PNG is asked for; `view.toCanvas` draws with what this registers.
import { renderModule } from 'vega-scenegraph';
import CanvasRenderer from 'vega-scenegraph/src/CanvasRenderer.js';

renderModule('canvas', { renderer: CanvasRenderer, headless: CanvasRenderer } as Parameters<typeof renderModule>[1]);
