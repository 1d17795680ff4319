import type { Page } from 'playwright-core';

/** What a drawn `<pantau-desa-binaan-map>` shows, read from its shadow DOM. */
export interface DrawnMap {
  regions: number;
  /** Village places drawn (a shared place is one mark). */
  places: number;
  /** The counts written on shared places, as drawn. */
  counts: string[];
  svg: { width: number; height: number };
  /** Marks whose bounding box leaves the chart's SVG, by more than half a pixel. */
  outside: string[];
  /** The chart's right edge minus the page's width (positive: it overflows). */
  overflow: number;
}

export function readMap(page: Page, selector = 'pantau-desa-binaan-map'): Promise<DrawnMap> {
  return page.evaluate((selector) => {
    const root = document.querySelector(selector)?.shadowRoot;
    const svg = root?.querySelector('.chart svg');
    if (!root || !svg) throw new Error('no map drawn');
    const box = svg.getBoundingClientRect();
    const marks = [...svg.querySelectorAll('.regions_marks path, .priority_marks path, .places_marks path, .counts_marks text')];
    const outside = marks.flatMap((mark) => {
      const r = mark.getBoundingClientRect();
      const out = r.left < box.left - 0.5 || r.top < box.top - 0.5 || r.right > box.right + 0.5 || r.bottom > box.bottom + 0.5;
      return out ? [`${mark.closest('g[class]')?.getAttribute('class') ?? ''} ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}`] : [];
    });
    return {
      regions: svg.querySelectorAll('.regions_marks path').length,
      places: svg.querySelectorAll('.places_marks path').length,
      counts: [...svg.querySelectorAll('.counts_marks text')].map((text) => text.textContent ?? ''),
      svg: { width: box.width, height: box.height },
      outside,
      overflow: box.right - document.documentElement.clientWidth,
    };
  }, selector);
}

/** Waits until the map's first shape layer has `count` shapes. */
export async function waitForRegions(page: Page, count: number, selector = 'pantau-desa-binaan-map'): Promise<void> {
  await page.waitForFunction(
    ({ selector, count }) => document.querySelector(selector)?.shadowRoot?.querySelectorAll('.chart svg .regions_marks path').length === count,
    { selector, count },
    { timeout: 45_000 },
  );
}

/** The element focused inside the map's shadow root: its accessible name, and the tooltip's text then shown. */
export function focusedTarget(page: Page, selector = 'pantau-desa-binaan-map'): Promise<{ label: string | null; tooltip: string | null }> {
  return page.evaluate((selector) => {
    const root = document.querySelector(selector)?.shadowRoot;
    const focused = root?.activeElement;
    const tooltip = root?.querySelector<HTMLElement>('.tooltip');
    return { label: focused?.classList.contains('map-target') ? focused.getAttribute('aria-label') : null, tooltip: tooltip && !tooltip.hidden ? tooltip.innerText : null };
  }, selector);
}
