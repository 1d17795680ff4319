import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, startBrowserSuite, suiteStartMs, type BrowserSuite } from '../support/browser.ts';

const lightCard = 'rgb(255, 255, 255)';
const darkCard = 'rgb(20, 27, 35)';

/**
 * `theme="auto"` (the default) follows the host page as well as the system: each signal a CMS theme
 * uses, live changes of them, and host colours set through `--pantau-*`, which redraw the chart.
 */
describe.skipIf(chromiumMissing)('widget themes follow the host page', () => {
  let suite: BrowserSuite;

  beforeAll(async () => {
    suite = await startBrowserSuite({ env: { PANTAU_SYNTHETIC: 'none' } });
  }, suiteStartMs + 60_000);
  afterAll(async () => {
    await suite?.stop();
  });

  /** Opens a ministry's CMS page embedding the chart, its `<html>` and `<body>` carrying `htmlAttributes` / `bodyAttributes`, and waits for the chart. */
  async function hostPage(
    htmlAttributes = '',
    bodyAttributes = '',
    widget = '<pantau-metric-chart metric="passports_issued" group-by="passport_type" granularity="YEAR" region="53"></pantau-metric-chart>',
  ): Promise<Page> {
    const { page } = await suite.openHostPage(
      `<!doctype html><html lang="id" ${htmlAttributes}><head><script type="module" src="${suite.server.url}/widgets/pantau-widgets.js"></script></head><body ${bodyAttributes}>${widget}</body></html>`,
    );
    await page.locator('pantau-metric-chart .chart svg .role-mark').first().waitFor({ state: 'attached', timeout: 45_000 });
    return page;
  }

  const card = (page: Page) => page.locator('pantau-metric-chart figure').evaluate((figure) => getComputedStyle(figure).backgroundColor);
  /** Fill colours of the chart's bars, as drawn. */
  const barFills = (page: Page) => page.locator('pantau-metric-chart .chart svg .role-mark path').evaluateAll((paths) => [...new Set(paths.map((p) => p.getAttribute('fill')))]);
  /** Runs `change` in the page and resolves once the widget has drawn its chart again. */
  const redrawAfter = (page: Page, change: string) =>
    page.evaluate((script) => {
      const widget = document.querySelector('pantau-metric-chart');
      const drawn = new Promise<void>((resolve) => widget?.addEventListener('pantau-render', () => resolve(), { once: true }));
      new Function(script)();
      return drawn;
    }, change);

  it('is light on a plain page and dark on a host that says so by class, data-theme, data-bs-theme or color-scheme', async () => {
    const cases: [string, string, string][] = [
      ['', '', lightCard],
      ['class="dark"', '', darkCard],
      ['', 'data-theme="dark"', darkCard],
      ['data-bs-theme="dark"', '', darkCard],
      ['style="color-scheme: dark"', '', darkCard],
      // The widget's own setting wins over the host's.
      ['class="dark"', '', lightCard],
    ];
    for (const [index, [htmlAttributes, bodyAttributes, expected]] of cases.entries()) {
      const explicitLight = index === cases.length - 1;
      const page = await hostPage(
        htmlAttributes,
        bodyAttributes,
        explicitLight ? '<pantau-metric-chart theme="light" metric="passports_issued" group-by="passport_type" granularity="YEAR" region="53"></pantau-metric-chart>' : undefined,
      );
      expect(await card(page), `${htmlAttributes} ${bodyAttributes}`).toBe(expected);
      await page.context().close();
    }
  });

  it('follows the system setting when the host says nothing', async () => {
    const page = await hostPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.locator('pantau-metric-chart[data-pantau-theme="dark"]').waitFor();
    expect(await card(page)).toBe(darkCard);
    await page.context().close();
  });

  it('switches live when the host toggles its dark class, and redraws the chart in the new colours', async () => {
    const page = await hostPage();
    expect(await barFills(page)).toContain('#0b5cab');
    await redrawAfter(page, "document.documentElement.classList.add('dark')");
    expect(await card(page)).toBe(darkCard);
    expect(await barFills(page)).toContain('#6cb4ff');
    await redrawAfter(page, "document.documentElement.classList.remove('dark')");
    expect(await card(page)).toBe(lightCard);
    expect(await barFills(page)).toContain('#0b5cab');
    await page.context().close();
  });

  it('redraws the chart when the host changes a --pantau-* colour', async () => {
    const page = await hostPage();
    await redrawAfter(page, "document.querySelector('pantau-metric-chart').style.setProperty('--pantau-accent', '#123456')");
    expect(await barFills(page)).toContain('#123456');
    await page.context().close();
  });
});
