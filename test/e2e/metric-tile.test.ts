import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, prepareDatabase } from '@pantau/prisma';
import { chromiumMissing, startBrowserSuite, suiteStartMs, type BrowserSuite } from '../support/browser.ts';

const screenshotDir = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

/**
 * The seeded NTT passports of 2025 (7,150 ordinary + 14,213 electronic = 21,363, ANTARA of 26 Jan
 * 2026) and, added here, 18,000 for 2024 from a source of its own: the tile shows 21,363 and
 * +3,363 against 2024, which is 3,363 / 18,000 = 18.68 %, shown as 18.7 %.
 */
async function addPassports2024(dataDir: string): Promise<void> {
  const database = await openDatabase({ dataDir });
  try {
    await prepareDatabase(database);
    const prisma = database.prisma;
    const source = await prisma.source.create({
      data: {
        key: 'kanwil-ntt-passports-2024',
        kind: 'NEWS_ARTICLE',
        publisher: 'Kanwil NTT',
        title: 'Paspor NTT 2024',
        publishedOn: new Date('2025-01-15'),
        claimId: '18.000 paspor pada 2024',
        claimEn: '18,000 passports in 2024',
      },
    });
    const metric = await prisma.metric.findUniqueOrThrow({ where: { key: 'passports_issued' } });
    await prisma.observation.create({
      data: { metricId: metric.id, value: '18000', periodStart: new Date('2024-01-01'), periodEnd: new Date('2024-12-31'), regionCode: '53', sourceId: source.id },
    });
  } finally {
    await database.close();
  }
}

describe.skipIf(chromiumMissing)('<pantau-metric-tile> in Chromium, on a ministry page of another origin', () => {
  let suite: BrowserSuite;

  beforeAll(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    suite = await startBrowserSuite({ env: { PANTAU_SYNTHETIC: 'none' }, prepare: addPassports2024 });
  }, suiteStartMs + 60_000);
  afterAll(async () => {
    await suite?.stop();
  });

  /** A host page with `tiles` and the tile script; resolves once every tile has shown its answer. */
  async function tilePage(lang: 'id' | 'en', tiles: string, options: { htmlAttributes?: string; width?: number } = {}) {
    const opened = await suite.openHostPage(
      `<!doctype html><html lang="${lang}" ${options.htmlAttributes ?? ''}><head><title>Tile</title><script type="module" src="${suite.server.url}/widgets/pantau-metric-tile.js"></script></head><body><main>${tiles}</main></body></html>`,
      { viewport: { width: options.width ?? 1280, height: 800 } },
    );
    await opened.page.waitForFunction(
      () => [...document.querySelectorAll('pantau-metric-tile')].every((tile) => tile.shadowRoot?.querySelector('figure[aria-busy="false"]')),
      undefined,
      { timeout: 45_000 },
    );
    return opened;
  }

  const text = (page: Page, selector: string) =>
    page
      .locator(selector)
      .innerText()
      .then((t) => t.replace(/\s+/g, ' ').trim());

  it('shows NTT’s 2025 passports with the change against 2024 and both sources, in Bahasa Indonesia and English', async () => {
    for (const [lang, title, value, period, change, source] of [
      ['id', 'Paspor diterbitkan', '21.363 dokumen perjalanan', 'Periode: 2025', '+3.363 (+18,7%) dibanding 2024', 'Sumber: ANTARA, 26 Jan 2026; Kanwil NTT, 15 Jan 2025'],
      ['en', 'Passports issued', '21,363 travel documents', 'Period: 2025', '+3,363 (+18.7%) compared with 2024', 'Sources: ANTARA, 26 Jan 2026; Kanwil NTT, 15 Jan 2025'],
    ] as const) {
      const { page, problems, close } = await tilePage(lang, '<pantau-metric-tile metric="passports_issued" region="53"></pantau-metric-tile>');
      const tile = 'pantau-metric-tile';
      await expect(text(page, `${tile} h2`)).resolves.toBe(title);
      await expect(text(page, `${tile} .tile-value`)).resolves.toBe(value);
      await expect(text(page, `${tile} .tile-period`)).resolves.toBe(period);
      await expect(text(page, `${tile} .tile-change`)).resolves.toBe(change);
      await expect(text(page, `${tile} figcaption`)).resolves.toBe(source);
      await expect(page.locator(`${tile} .badge`).count()).resolves.toBe(0);
      expect(problems).toEqual([]);
      await close();
    }
  });

  it('words a lower bound as “lebih dari” / “more than”, with no change when the period before is missing', async () => {
    for (const [lang, value] of [
      ['id', 'lebih dari 500 orang'],
      ['en', 'more than 500 people'],
    ] as const) {
      const { page, close } = await tilePage(lang, '<pantau-metric-tile metric="blood_donors"></pantau-metric-tile>');
      await expect(text(page, 'pantau-metric-tile .tile-value')).resolves.toBe(value);
      await expect(text(page, 'pantau-metric-tile .tile-period')).resolves.toMatch(/: 2026$/);
      await expect(page.locator('pantau-metric-tile .tile-change').count()).resolves.toBe(0);
      await close();
    }
  });

  it('says when there is nothing to show, and offers a retry when the API refuses', async () => {
    const { page, close } = await tilePage(
      'id',
      '<pantau-metric-tile id="empty" metric="passports_issued" region="11"></pantau-metric-tile><pantau-metric-tile id="unknown" metric="no_such_metric"></pantau-metric-tile>',
    );
    await expect(text(page, '#empty [role="status"]')).resolves.toBe('Belum ada data untuk ditampilkan.');
    await expect(text(page, '#unknown [role="alert"]')).resolves.toMatch(/^Data tidak dapat dimuat\. .*no_such_metric.* Coba lagi$/);
    await close();
  });

  it('is dark on a dark host page, fits 320 px, passes axe, and is photographed in each mode', async () => {
    for (const theme of ['light', 'dark'] as const) {
      for (const lang of ['id', 'en'] as const) {
        const { page, close } = await tilePage(lang, '<pantau-metric-tile metric="passports_issued" region="53"></pantau-metric-tile>', {
          htmlAttributes: theme === 'dark' ? 'class="dark" style="background: #0e141a"' : '',
          width: 320,
        });
        const card = await page.locator('pantau-metric-tile figure').evaluate((figure) => getComputedStyle(figure).backgroundColor);
        expect(card).toBe(theme === 'dark' ? 'rgb(20, 27, 35)' : 'rgb(255, 255, 255)');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
        await page.evaluate(axe.source);
        const results = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }));
        expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
        await page.locator('pantau-metric-tile').screenshot({ path: join(screenshotDir, `metric-tile-${theme}-${lang}.png`) });
        await close();
      }
    }
  });

  it('has a docs page made from its manifest entry, with the live tile, its attributes and parts', async () => {
    const { page, problems, violations, close } = await suite.open('/widgets/pantau-metric-tile.html');
    await page.locator('pantau-metric-tile figure[aria-busy="false"]').waitFor({ timeout: 45_000 });
    // The docs pages are in English, and the tile follows the page's language.
    await expect(text(page, 'pantau-metric-tile .tile-value')).resolves.toBe('21,363 travel documents');
    const tables = await page.locator('main table').allInnerTexts();
    expect(tables[0]).toMatch(/period\s+string \| null\s+null\s+The period to show/);
    expect(tables[0]).toMatch(/include-synthetic\s+boolean\s+false/);
    expect(tables.join('\n')).toContain('::part(change)');
    await page.screenshot({ path: join(screenshotDir, 'docs-metric-tile.png'), fullPage: true });
    await expect(violations()).resolves.toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });
});
