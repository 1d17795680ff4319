import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { View } from 'vega';
import { loadCanvasRenderer } from './canvas-renderer.ts';
import type { Language } from './i18n.ts';
import { createTooltip } from './tooltip.ts';
import { renderChart, type ChartColors } from './vega-view.ts';
import type { ChartRequest } from './widget-data.ts';

export interface DrawOptions {
  container: HTMLElement;
  /** Where the tooltip goes: over the chart, inside the card. */
  layer: HTMLElement;
  request: ChartRequest;
  width: number;
  language: Language;
  colors: ChartColors;
}

/**
 * Owns a widget's Vega view, as vega-embed's result does: `draw()` finalizes the previous view
 * before drawing a new one, and the view is finalized when the host disconnects. A draw that a
 * newer one overtook is finalized as soon as it finishes.
 */
export class VegaController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #view: View | null = null;
  #tooltip: ReturnType<typeof createTooltip> | null = null;
  #drawing = 0;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  /** The view on screen, if any (downloads render from it). */
  get view(): View | null {
    return this.#view;
  }

  hostDisconnected(): void {
    this.finalize();
  }

  /** Draws `request` into `container`; resolves with whether this draw is the one on screen. */
  async draw({ container, layer, request, width, language, colors }: DrawOptions): Promise<boolean> {
    const drawing = ++this.#drawing;
    this.finalize();
    this.#tooltip = createTooltip(this.#host, layer);
    const view = await renderChart(container, { ...request, width, language, colors, tooltip: this.#tooltip.handler });
    if (drawing !== this.#drawing) {
      view.finalize();
      return false;
    }
    this.#view = view;
    // The chart's text alternative is the container's label and the data table, not the SVG's innards.
    const svg = container.querySelector('svg');
    svg?.setAttribute('aria-hidden', 'true');
    svg?.setAttribute('focusable', 'false');
    return true;
  }

  /** Releases the view: its listeners, timers and tooltip. */
  finalize(): void {
    this.#view?.finalize();
    this.#view = null;
    this.#tooltip?.remove();
    this.#tooltip = null;
  }

  /** The chart as a PNG (twice the pixels) or SVG data URL, on `background` instead of transparent. */
  async imageUrl(type: 'png' | 'svg', background: string): Promise<string | null> {
    const view = this.#view;
    if (!view) return null;
    if (type === 'png') await loadCanvasRenderer();
    const before = view.background();
    view.background(background || '#ffffff');
    try {
      return await view.toImageURL(type, type === 'png' ? 2 : 1);
    } finally {
      view.background(before);
    }
  }
}
