import { html, nothing } from 'lit';
import type { View } from 'vega';
import type { Language } from '../core/i18n.ts';
import { mapT } from './map-labels.ts';
import type { MapTarget } from './map-targets.ts';

export interface KeyboardHandlers {
  /** The view on screen, whose tooltip a focus shows as hovering does. */
  view: () => View | null;
  /** Zooms to a province; resolves once it is rendered. */
  zoom: (province: string) => Promise<void>;
  /** Escape: back to the national map. */
  back: () => Promise<void>;
}

type TooltipHandler = (handler: unknown, event: unknown, item: unknown, value: unknown) => void;

const nextKeys: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowDown: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  ArrowUp: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_i, n) => n - 1,
};

/**
 * The map's keyboard path: one Tab stop for the regions and one for the villages' places; the arrow
 * keys move within each (roving tabindex), Enter or Space on a province zooms to it, Escape goes back.
 * The targets lie over the drawn shapes (invisible but for the focus ring) and let the pointer through.
 */
export class MapKeyboard {
  #active: Record<MapTarget['kind'], number> = { region: 0, place: 0 };

  constructor(readonly handlers: KeyboardHandlers) {}

  #tooltip(): TooltipHandler | undefined {
    return (this.handlers.view() as unknown as { tooltip(): TooltipHandler | undefined } | null)?.tooltip();
  }

  #show(target: MapTarget, element: HTMLElement): void {
    const rect = element.getBoundingClientRect();
    this.#tooltip()?.(null, { clientX: rect.left + rect.width / 2, clientY: rect.top + rect.height / 2 }, null, target.tip);
  }

  readonly #hide = () => this.#tooltip()?.(null, undefined, null, null);

  /** Zoomed in, focus moves to the back button; back out, to the first region: never lost to the page. */
  async #go(step: Promise<void>, root: Node, selector: string): Promise<void> {
    await step;
    (root as ShadowRoot).querySelector<HTMLElement>(selector)?.focus();
  }

  #onKey(event: KeyboardEvent, targets: readonly MapTarget[], index: number) {
    const target = targets[index];
    const root = (event.currentTarget as HTMLElement).getRootNode();
    if ((event.key === 'Enter' || event.key === ' ') && target?.zoomTo) {
      event.preventDefault();
      void this.#go(this.handlers.zoom(target.zoomTo), root, 'button.back');
      return;
    }
    if (event.key === 'Escape') {
      this.#hide();
      void this.#go(this.handlers.back(), root, '.map-target[tabindex="0"]');
      return;
    }
    const move = nextKeys[event.key];
    if (!move || !target) return;
    event.preventDefault();
    const next = move(index, targets.length);
    this.#active[target.kind] = next;
    const group = (event.currentTarget as HTMLElement).parentElement;
    const element = group?.children[next] as HTMLElement | undefined;
    group?.querySelectorAll('[data-target]').forEach((child, i) => child.setAttribute('tabindex', i === next ? '0' : '-1'));
    element?.focus();
  }

  #group(targets: readonly MapTarget[], kind: MapTarget['kind'], label: string) {
    if (targets.length === 0) return nothing;
    const active = Math.min(this.#active[kind], targets.length - 1);
    return html`<div class="map-targets" role="group" aria-label=${label}>
      ${targets.map((target, index) => {
        const common = { tabindex: index === active ? '0' : '-1' };
        const focus = (event: FocusEvent) => this.#show(target, event.currentTarget as HTMLElement);
        const key = (event: KeyboardEvent) => this.#onKey(event, targets, index);
        return target.zoomTo
          ? html`<button type="button" class="map-target" data-target tabindex=${common.tabindex} aria-label=${target.label}
              @focus=${focus} @blur=${this.#hide} @keydown=${key} @click=${() => target.zoomTo && void this.handlers.zoom(target.zoomTo)}></button>`
          : html`<span class="map-target" data-target role="img" tabindex=${common.tabindex} aria-label=${target.label}
              @focus=${focus} @blur=${this.#hide} @keydown=${key}></span>`;
      })}
    </div>`;
  }

  render(targets: readonly MapTarget[], language: Language, zoomed: boolean) {
    const regions = targets.filter((target) => target.kind === 'region');
    const places = targets.filter((target) => target.kind === 'place');
    return html`${this.#group(regions, 'region', mapT(zoomed ? 'regencyGroup' : 'regionsGroup', language))}${this.#group(places, 'place', mapT('pointsGroup', language))}`;
  }

  /**
   * Puts each rendered target over its shape. CSSOM writes, not style attributes (which a strict
   * `style-src` refuses); call after every render.
   */
  place(root: ParentNode, targets: readonly MapTarget[]): void {
    const kinds: MapTarget['kind'][] = ['region', 'place'];
    const elements = [...root.querySelectorAll<HTMLElement>('.map-target')];
    const ordered = kinds.flatMap((kind) => targets.filter((target) => target.kind === kind));
    elements.forEach((element, i) => {
      const box = ordered[i]?.box;
      if (!box) return;
      element.style.left = `${box.left}px`;
      element.style.top = `${box.top}px`;
      element.style.width = `${box.width}px`;
      element.style.height = `${box.height}px`;
    });
  }

  /** New targets (another view, zoom or width): start each group at its first target again. */
  reset(): void {
    this.#active = { region: 0, place: 0 };
  }
}
