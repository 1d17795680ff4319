import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, startBrowserSuite, suiteStartMs, type BrowserSuite } from '../support/browser.ts';
import { hostile, insertHostileData } from '../support/hostile-data.ts';
import { tableText, waitForWidgets } from '../support/widget-page.ts';

/** Where the test run writes screenshots of the demo page (named in the README). */
const screenshotDir = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
/** Every element the server's manifest lists, and those of them that draw a chart: the demo page shows each. */
let widgetTags: string[] = [];
let chartTags: string[] = [];

const waitForCharts = (page: Page, tags: readonly string[] = widgetTags) => waitForWidgets(page, tags, chartTags);

describe.skipIf(chromiumMissing)('widgets in Chromium, against the server as `pnpm start` runs it', () => {
  let suite: BrowserSuite;
  const openPage = (path: string, viewport?: { width: number; height: number }) => suite.open(path, viewport ? { viewport } : {});

  beforeAll(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    // The server runs persisted-only for anonymous callers: every widget must send operation ids.
    suite = await startBrowserSuite({ env: { PANTAU_PERSISTED_ONLY_ANONYMOUS: '1' }, prepare: insertHostileData });
    const elements = await suite.elements();
    widgetTags = elements.map((element) => element.tag);
    chartTags = elements.filter((element) => element.charts).map((element) => element.tag);
  }, suiteStartMs + 60_000);
  afterAll(async () => {
    await suite?.stop();
  });

  it('finds every element of the manifest on the demo page, the metric tile among them', async () => {
    expect(widgetTags).toEqual(['pantau-campaign-totals', 'pantau-desa-binaan-map', 'pantau-metric-chart', 'pantau-metric-tile', 'pantau-tppo-coverage']);
    expect(chartTags).not.toContain('pantau-metric-tile');
    const { page, close } = await openPage('/');
    for (const tag of widgetTags) await expect(page.locator(tag).count(), tag).resolves.toBeGreaterThan(0);
    await close();
  });

  it('draws every widget and shows the seeded figures in Bahasa Indonesia', async () => {
    const { page, close } = await openPage('/');
    await waitForCharts(page);
    const campaign = await tableText(page, 'pantau-campaign-totals', 'Tampilkan tabel');
    expect(campaign).toMatch(/Bibit kelapa diserahkan[^\n]*20\.000 bibit/);
    expect(campaign).toMatch(/Paket sembako disalurkan[^\n]*5\.000 paket/);
    expect(campaign).toMatch(/Pendonor darah[^\n]*lebih dari 500 orang/);
    const passports = await tableText(page, 'pantau-metric-chart', 'Tampilkan tabel');
    expect(passports).toMatch(/Paspor biasa\s+7\.150 dokumen perjalanan/);
    expect(passports).toMatch(/Paspor elektronik\s+14\.213 dokumen perjalanan/);
    expect(passports).toMatch(/Total\s+21\.363 dokumen perjalanan/);
    await expect(page.locator('pantau-tppo-coverage .kpi').allInnerTexts()).resolves.toEqual([expect.stringMatching(/^125\s/), expect.stringMatching(/^146\s/)]);
    await expect(page.locator('pantau-campaign-totals figcaption').innerText()).resolves.toMatch(/^Sumber: ANTARA, 20 Jan 2026/);
    for (const tag of ['pantau-tppo-coverage', 'pantau-desa-binaan-map']) {
      await expect(page.locator(`${tag} .badge`).innerText()).resolves.toBe('Data sintetis');
    }
    await expect(page.locator('pantau-campaign-totals .badge').count()).resolves.toBe(0);
    await close();
  });

  it('switches to English, with English number formats, when the page language changes', async () => {
    const { page, close } = await openPage('/?lang=en');
    await waitForCharts(page);
    const campaign = await tableText(page, 'pantau-campaign-totals', 'Show table');
    expect(campaign).toMatch(/Coconut seedlings handed over[^\n]*20,000 seedlings/);
    expect(campaign).toMatch(/Staple food packages distributed[^\n]*5,000 packages/);
    expect(campaign).toMatch(/Blood donors[^\n]*more than 500 people/);
    const passports = await tableText(page, 'pantau-metric-chart', 'Show table');
    expect(passports).toMatch(/Total\s+21,363 travel documents/);
    // Axis labels follow the language too: thousands with a comma in English...
    await page.locator('pantau-metric-chart').getByRole('button', { name: 'Show chart' }).click();
    await waitForCharts(page, ['pantau-metric-chart']);
    await expect(page.locator('pantau-metric-chart .role-axis-label text').allTextContents()).resolves.toContain('10,000');
    // ...and with a full stop after switching back to Bahasa Indonesia, without reloading.
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await expect.poll(() => page.locator('pantau-metric-chart .role-axis-label text').allTextContents()).toContain('10.000');
    await close();
  });

  it('renders every widget under script-src and style-src self with no CSP violation', async () => {
    const { page, problems, response, violations, close } = await openPage('/');
    const policy = response?.headers()['content-security-policy'] ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("style-src 'self'");
    expect(policy).not.toMatch(/unsafe-(eval|inline)/);
    await waitForCharts(page);
    // Points overlap; whichever is on top under the pointer shows its tooltip.
    await page.locator('pantau-desa-binaan-map .mark-symbol path').first().hover({ force: true });
    await page.locator('pantau-desa-binaan-map .tooltip').waitFor({ state: 'visible' });
    await expect(violations()).resolves.toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });

  it('shows an error state with a retry button when the API refuses the request, and recovers', async () => {
    const { page, close } = await openPage('/');
    await waitForCharts(page, ['pantau-campaign-totals']);
    const widget = page.locator('pantau-campaign-totals');
    await widget.evaluate((element) => element.setAttribute('campaign', 'no-such-campaign'));
    await expect(widget.getByRole('alert').innerText()).resolves.toMatch(/Data tidak dapat dimuat\.[\s\S]*Unknown campaign "no-such-campaign"/);
    await expect(widget.locator('.chart').count()).resolves.toBe(0);
    await widget.evaluate((element) => element.setAttribute('campaign', 'hbi-76-2026'));
    await waitForCharts(page, ['pantau-campaign-totals']);
    await widget.evaluate((element) => element.setAttribute('endpoint', `${location.origin}/no-graphql-here`));
    await widget.getByRole('button', { name: 'Coba lagi' }).waitFor();
    await expect(widget.getByRole('alert').innerText()).resolves.toMatch(/HTTP 404/);
    await close();
  });

  it('shows hostile names and links as inert text in charts, tooltips and tables, and leaks no globals', async () => {
    const { page, problems, close } = await openPage('/');
    await waitForCharts(page);
    const widget = page.locator('pantau-campaign-totals');
    await widget.evaluate((element) => element.setAttribute('campaign', 'hostile-campaign'));
    await expect.poll(async () => (await widget.locator('.chart svg .role-axis-label text').allTextContents()).some((label) => label.startsWith('Kanim <img src=x'))).toBe(true);
    await widget.locator('.mark-rect path').first().hover({ force: true });
    await expect(widget.locator('.tooltip').innerText()).resolves.toContain(hostile);
    const subtitle = await widget.locator('.subtitle').first().innerText();
    expect(subtitle).toContain(hostile);
    const table = await tableText(page, 'pantau-campaign-totals', 'Tampilkan tabel');
    expect(table).toContain(`Kanim ${hostile}`);
    const sourceLink = widget.locator('figcaption a');
    await expect(sourceLink.innerText()).resolves.toContain(hostile);
    await expect(sourceLink.getAttribute('href')).resolves.toBe(`${suite.server.url}/sources/hostile-source`);

    const sourcePage = await page.context().newPage();
    await sourcePage.goto(`${suite.server.url}/sources/hostile-source`);
    await expect(sourcePage.locator('h1').innerText()).resolves.toBe(`Title ${hostile}`);
    await expect(sourcePage.locator('a[href^="javascript:"]').count()).resolves.toBe(0);
    await expect(sourcePage.locator('main img').count()).resolves.toBe(0);

    const leaks = await page.evaluate(() => ({
      xss: (window as unknown as { __pantauXss?: number }).__pantauXss ?? null,
      images: [...document.querySelectorAll('*')].reduce((count, element) => count + (element.shadowRoot?.querySelectorAll('img').length ?? 0), 0),
      globals: Object.keys(window).filter((key) => /vega|^view$|^vl$|pantau/i.test(key) && key !== '__pantauXss'),
    }));
    expect(leaks).toEqual({ xss: null, images: 0, globals: [] });
    expect(problems).toEqual([]);
    await close();
  });

  it('fits a 320 px wide page without horizontal overflow', async () => {
    const { page, close } = await openPage('/', { width: 320, height: 800 });
    await waitForCharts(page);
    const overflow = await page.evaluate(
      (tags) => ({
        page: document.documentElement.scrollWidth,
        widgets: tags.map((tag) => {
          const element = document.querySelector(tag) as HTMLElement;
          return element.getBoundingClientRect().right;
        }),
      }),
      [...widgetTags],
    );
    expect(overflow.page).toBeLessThanOrEqual(320);
    for (const right of overflow.widgets) expect(right).toBeLessThanOrEqual(320);
    await page.screenshot({ path: join(screenshotDir, 'demo-320px.png'), fullPage: true });
    await close();
  });
});
