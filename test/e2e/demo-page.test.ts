import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, startBrowserSuite, suiteStartMs, type BrowserSuite } from '../support/browser.ts';
import { waitForWidgets } from '../support/widget-page.ts';

/** Where the test run writes screenshots of the demo page (named in the README). */
const screenshotDir = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

describe.skipIf(chromiumMissing)('the demo page in Chromium: themes, screenshots, accessibility', () => {
  let suite: BrowserSuite;
  let widgetTags: string[] = [];
  let chartTags: string[] = [];
  const openPage = (path: string) => suite.open(path, {});
  const waitForCharts = (page: Page) => waitForWidgets(page, widgetTags, chartTags);

  beforeAll(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    suite = await startBrowserSuite({});
    const elements = await suite.elements();
    widgetTags = elements.map((element) => element.tag);
    chartTags = elements.filter((element) => element.charts).map((element) => element.tag);
  }, suiteStartMs + 60_000);
  afterAll(async () => {
    await suite?.stop();
  });

  it('writes screenshots of the demo page in light and dark themes', async () => {
    for (const theme of ['light', 'dark']) {
      const { page, close } = await openPage(`/?theme=${theme}`);
      await waitForCharts(page);
      await page.screenshot({ path: join(screenshotDir, `demo-${theme}.png`), fullPage: true });
      const background = await page.locator('pantau-tppo-coverage figure').evaluate((figure) => getComputedStyle(figure).backgroundColor);
      expect(background).toBe(theme === 'dark' ? 'rgb(20, 27, 35)' : 'rgb(255, 255, 255)');
      await close();
    }
  });

  it('follows the operating system’s dark setting until the reader picks a theme, and its toggle names the next one', async () => {
    const { page, close } = await openPage('/');
    await waitForCharts(page);
    const state = () =>
      page.evaluate(() => ({
        page: document.documentElement.dataset.theme,
        widget: document.querySelector('pantau-tppo-coverage')?.getAttribute('theme'),
        toggle: document.getElementById('theme-toggle')?.querySelector('.i18n-id')?.textContent,
      }));
    /** Switches the system setting and resolves after the page has heard of it (listeners run in the order they were added). */
    const setSystem = async (colorScheme: 'light' | 'dark') => {
      await page.evaluate(() => {
        const query = matchMedia('(prefers-color-scheme: dark)');
        (window as unknown as { __systemChanged: Promise<void> }).__systemChanged = new Promise((resolve) => query.addEventListener('change', () => resolve(), { once: true }));
      });
      await page.emulateMedia({ colorScheme });
      await page.evaluate(() => (window as unknown as { __systemChanged: Promise<void> }).__systemChanged);
    };
    expect(await state()).toEqual({ page: 'light', widget: 'light', toggle: 'Mode gelap' });
    await setSystem('dark');
    expect(await state()).toEqual({ page: 'dark', widget: 'dark', toggle: 'Mode terang' });
    await setSystem('light');
    expect(await state()).toEqual({ page: 'light', widget: 'light', toggle: 'Mode gelap' });
    await page.locator('#theme-toggle').click();
    expect(await state()).toEqual({ page: 'dark', widget: 'dark', toggle: 'Mode terang' });
    await page.locator('#theme-toggle').click();
    // The reader's choice (light) now holds against the system setting.
    await setSystem('dark');
    expect(await state()).toEqual({ page: 'light', widget: 'light', toggle: 'Mode gelap' });
    await close();
  });

  it('passes an axe-core scan of the demo page with no serious or critical violations', async () => {
    const { page, close } = await openPage('/');
    await waitForCharts(page);
    // axe is injected through the DevTools protocol, which the page's CSP does not govern.
    await page.evaluate(axe.source);
    const results = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }));
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
    await close();
  });
});
