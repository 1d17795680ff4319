import type { ReactiveController, ReactiveControllerHost } from 'lit';

const events = ['pantau-load', 'pantau-render', 'pantau-error'];

/**
 * A server-drawn picture given as a child `<img slot="snapshot">` (the snapshot of the same
 * attributes, see the docs pages) stands in for the element until its figures are on screen: the
 * page shows it before our script arrives, the element keeps showing it while the data loads and the
 * chart is drawn underneath, out of sight, in the same box; then the card takes its place, no smaller
 * than the picture was until the reader acts on it, so nothing below moves up. An element is ready at `pantau-load`, unless a
 * chart is still to be drawn (then at `pantau-render`), and at `pantau-error`.
 */
export class SnapshotController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #waitsForChart: (rows: number) => boolean;
  readonly #swap = (event: Event) => {
    const rows = (event as CustomEvent<{ rows?: readonly unknown[] } | null>).detail?.rows?.length ?? 0;
    if (event.type === 'pantau-load' && this.#waitsForChart(rows)) return;
    this.#showCard();
  };

  /** `waitsForChart(rows)`: whether, with that many rows loaded, a `pantau-render` is still to come. */
  constructor(host: ReactiveControllerHost & HTMLElement, waitsForChart: (rows: number) => boolean) {
    this.#host = host;
    this.#waitsForChart = waitsForChart;
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.#host.querySelector(':scope > [slot="snapshot"]')) return;
    this.#host.dataset.snapshot = '';
    for (const name of events) this.#host.addEventListener(name, this.#swap);
  }

  hostDisconnected(): void {
    for (const name of events) this.#host.removeEventListener(name, this.#swap);
  }

  #showCard(): void {
    if (!('snapshot' in this.#host.dataset)) return;
    // Set through the CSSOM, which a strict `style-src` allows; kept until the reader acts on the
    // element (toggling the table may then shrink it: a shift the reader asked for).
    const host = this.#host;
    host.style.minHeight = `${host.getBoundingClientRect().height}px`;
    const release = () => host.style.removeProperty('min-height');
    for (const name of ['pointerdown', 'keydown']) host.addEventListener(name, release, { once: true, capture: true });
    delete host.dataset.snapshot;
    this.hostDisconnected();
  }
}
