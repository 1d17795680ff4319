import { ResizeController } from '@lit-labs/observers/resize-controller.js';
import type { ReactiveControllerHost } from 'lit';

/** Changes smaller than this many pixels keep the last width, so a scrollbar flicker does not redraw a chart. */
const threshold = 4;

/** The host's content width in whole pixels, followed through a ResizeObserver (0 until laid out). */
export class WidthController {
  #width = 0;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    new ResizeController(host, {
      callback: (entries) => {
        const width = Math.floor(entries[0]?.contentRect.width ?? host.getBoundingClientRect().width);
        if (width > 0 && Math.abs(width - this.#width) >= threshold) this.#width = width;
      },
    });
  }

  get value(): number {
    return this.#width;
  }
}
