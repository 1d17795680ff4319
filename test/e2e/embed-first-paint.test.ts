import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, suiteStartMs } from '../support/browser.ts';
import { element, metricChart, query, startEmbedHost, type EmbedHost } from '../support/embed-host.ts';

/** The layout shifts Chromium has recorded on the page so far (its Cumulative Layout Shift and each shift). */
const layoutShifts = `new Promise((resolve) => {
  const shifts = [];
  new PerformanceObserver((list) => shifts.push(...list.getEntries().map((e) => e.value))).observe({ type: 'layout-shift', buffered: true });
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve(shifts), 0)));
})`;

/**
 * The first paint: the element holding its server-drawn snapshot shows the picture before its
 * script has arrived, then puts the live card in the same box without moving what follows.
 */
describe.skipIf(chromiumMissing)('the first paint in Chromium, on a host page under a strict CSP', () => {
  let env: EmbedHost;
  beforeAll(async () => {
    env = await startEmbedHost();
  }, suiteStartMs + 60_000);
  afterAll(async () => {
    await env?.stop();
  });

  it('shows the snapshot before the script runs and swaps in the drawn chart with no layout shift', async () => {
    // The host page's body is 884 pixels wide (900 less the default margins): the snapshot is drawn at that width.
    const snapshot = `${env.server.url}/snapshot/metric-chart.svg?${query({ ...metricChart, width: '884' })}`;
    const height = Number(/^<svg[^>]*\sheight="(\d+)"/.exec(await (await fetch(snapshot)).text())?.[1]);
    expect(height).toBeGreaterThan(200);
    const script = `${env.server.url}/widgets/pantau-metric-chart.js`;
    const { page, problems, violations, close } = await env.hostPage(
      `<p>Berita</p>${element('pantau-metric-chart', metricChart, `<img slot="snapshot" src="${snapshot}" alt="" width="884" height="${height}">`)}<p id="after">Teks berikutnya.</p>`,
      `<link rel="preload" as="image" href="${snapshot}"><script type="module" src="${script}"></script>`,
    );
    const widget = page.locator('pantau-metric-chart');
    await widget.locator('.chart svg .role-mark').first().waitFor({ state: 'attached', timeout: 45_000 });
    await page.waitForFunction(() => !document.querySelector('pantau-metric-chart')?.hasAttribute('data-snapshot'), null, { timeout: 15_000 });
    const shifts = (await page.evaluate(layoutShifts)) as number[];
    expect(shifts.reduce((sum, value) => sum + value, 0)).toBeLessThan(0.01);
    // The card took the box the snapshot had (or grew), and the paragraph after it never moved up.
    const box = await widget.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(height);
    expect(await widget.locator('img[slot="snapshot"]').isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await expect(violations()).resolves.toEqual([]);
    await close();
  });

  it('paints the snapshot while the widget script is still on its way', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const context = await env.browser.newContext();
    const page = await context.newPage();
    // The widget script is held back until the picture has been decoded and laid out.
    await page.route('**/widgets/pantau-metric-chart.js', async (route) => {
      await held;
      await route.continue();
    });
    const pageUrl = `${env.server.url}/embed/metric-chart?${query(metricChart)}`;
    await page.goto(pageUrl, { waitUntil: 'commit' });
    await page.waitForFunction(() => {
      const image = document.querySelector<HTMLImageElement>('img[slot="snapshot"]');
      return Boolean(image?.complete && image.naturalWidth > 0 && image.getBoundingClientRect().height > 100);
    });
    expect(await page.evaluate(() => Boolean(customElements.get('pantau-metric-chart')))).toBe(false);
    expect(await page.locator('img[slot="snapshot"]').getAttribute('src')).toMatch(/\/snapshot\/metric-chart\.svg\?/);
    release();
    await page.locator('pantau-metric-chart .chart svg .role-mark').first().waitFor({ state: 'attached', timeout: 45_000 });
    await context.close();
  });
});
