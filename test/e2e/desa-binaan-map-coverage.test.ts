import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, startBrowserSuite, suiteStartMs, type BrowserSuite } from '../support/browser.ts';
import { focusedTarget, readMap, waitForRegions } from '../support/map-page.ts';

const screenshotDir = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

async function seriousFindings(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const results = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Villages per place as the API gives their points, counted here: the marks the map must draw. */
async function villagesPerPlace(suite: BrowserSuite, province: string | null): Promise<number[]> {
  const response = await fetch(`${suite.server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `{ partnerVillageMap(provinceCode: ${province ? `"${province}"` : 'null'}, includeSynthetic: true) { points { latitude longitude } } }` }),
  });
  const { data } = (await response.json()) as { data: { partnerVillageMap: { points: { latitude: string; longitude: string }[] } } };
  const places = new Map<string, number>();
  for (const p of data.partnerVillageMap.points) places.set(`${p.latitude}|${p.longitude}`, (places.get(`${p.latitude}|${p.longitude}`) ?? 0) + 1);
  return [...places.values()].sort((a, b) => b - a);
}

describe.skipIf(chromiumMissing)('the Desa Binaan map, shaded by coverage, with synthetic villages', () => {
  let suite: BrowserSuite;

  beforeAll(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    suite = await startBrowserSuite({ env: { PANTAU_SYNTHETIC: 'small' } });
  }, suiteStartMs + 60_000);
  afterAll(async () => {
    await suite?.stop();
  });

  const open = (lang: 'id' | 'en', attributes: string, { width = 1280, dark = false } = {}) =>
    suite.openHostPage(
      `<!doctype html><html lang="${lang}" ${dark ? 'class="dark" style="background: #0e141a"' : ''}><head><title>Peta</title></head><body style="margin: 0"><script type="module" src="${suite.server.url}/widgets/pantau-desa-binaan-map.js"></script><pantau-desa-binaan-map include-synthetic ${attributes}></pantau-desa-binaan-map></body></html>`,
      { viewport: { width, height: 900 }, colorScheme: dark ? 'dark' : 'light' },
    );

  it('draws 38 shaded provinces with the legend in its language, every mark inside the view, at 320 and 1280 px, light and dark, and passes axe', async () => {
    const [legendId, legendEn] = ['Desa Binaan per provinsi', 'Partner villages by province'];
    for (const width of [320, 1280]) {
      for (const dark of [false, true]) {
        for (const lang of ['id', 'en'] as const) {
          const { page, problems, violations, close } = await open(lang, 'color-by="partner-villages"', { width, dark });
          await waitForRegions(page, 38);
          const map = await readMap(page);
          expect(map.regions).toBe(38);
          expect(map.outside).toEqual([]);
          expect(map.overflow).toBeLessThanOrEqual(0);
          // The national view keeps its aspect (0.42 of the chart's width) at every width.
          expect(map.svg.height / map.svg.width).toBeGreaterThan(0.38);
          expect(map.svg.height / map.svg.width).toBeLessThan(0.44);
          const legend = await page.locator('pantau-desa-binaan-map .legend').innerText();
          expect(legend).toContain(lang === 'id' ? legendId : legendEn);
          expect(legend).toContain(lang === 'id' ? 'Tidak ada data' : 'No data');
          expect(legend).toContain('Nusa Tenggara Timur');
          const card = await page.locator('pantau-desa-binaan-map figure').evaluate((figure) => getComputedStyle(figure).backgroundColor);
          expect(card === 'rgb(255, 255, 255)').toBe(!dark);
          await expect(seriousFindings(page)).resolves.toEqual([]);
          await page.locator('pantau-desa-binaan-map').screenshot({ path: join(screenshotDir, `desa-binaan-map-${dark ? 'dark' : 'light'}-${lang}-${width}.png`) });
          expect(problems).toEqual([]);
          await expect(violations()).resolves.toEqual([]);
          await close();
        }
      }
    }
  }, 300_000);

  it('draws one mark per place, each shared place labelled with its villages, so the marks add up to every village', async () => {
    for (const province of [null, '53']) {
      const expected = await villagesPerPlace(suite, province);
      const { page, close } = await open('en', province ? `province="${province}"` : '');
      await waitForRegions(page, province ? 22 : 38);
      const map = await readMap(page);
      expect(map.places).toBe(expected.length);
      const shared = expected.filter((count) => count > 1);
      expect(map.counts.map((text) => Number(text.replace(/,/g, ''))).sort((a, b) => b - a)).toEqual(shared);
      expect(map.places - map.counts.length + shared.reduce((sum, n) => sum + n, 0)).toBe(expected.reduce((sum, n) => sum + n, 0));
      expect(map.outside).toEqual([]);
      await close();
    }
  });

  it('zooms to NTT by a click, draws its 22 regencies shaded, and goes back to the national map', async () => {
    const { page, problems, close } = await open('id', 'color-by="coverage-ratio"', { width: 1280 });
    await waitForRegions(page, 38);
    await page.evaluate(() => {
      (window as unknown as { zooms: unknown[] }).zooms = [];
      document.addEventListener('pantau-zoom', (event) => (window as unknown as { zooms: unknown[] }).zooms.push(event.detail.province));
    });
    // Provinces are drawn in code order: NTT (53) is the 19th of the 38.
    await page.locator('pantau-desa-binaan-map .regions_marks path').nth(18).dispatchEvent('click');
    await waitForRegions(page, 22);
    await expect(page.locator('pantau-desa-binaan-map .legend').innerText()).resolves.toContain('Cakupan desa (Desa Binaan ÷ jumlah desa) per kabupaten/kota');
    expect((await readMap(page)).outside).toEqual([]);
    await page.getByRole('button', { name: 'Kembali ke peta nasional' }).click();
    await waitForRegions(page, 38);
    expect(await page.evaluate(() => (window as unknown as { zooms: unknown[] }).zooms)).toEqual(['53', null]);
    expect(problems).toEqual([]);
    await close();
  });

  it('draws all 514 regencies nationally with level="regency", shaded, the file loaded on demand', async () => {
    const { page, problems, close } = await open('en', 'level="regency" color-by="pimpasa-officers"', { width: 1280 });
    await waitForRegions(page, 514);
    await expect(page.locator('pantau-desa-binaan-map .legend').innerText()).resolves.toContain('Pimpasa officers by regency/city');
    await expect(page.locator('pantau-desa-binaan-map .map-credit').innerText()).resolves.toBe('Boundaries: wilayah_boundaries by Cahya DSN (MIT License)');
    expect((await readMap(page)).outside).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });

  it('reaches regions and places by keyboard, each focus showing its tooltip and name, Enter zooming in, Escape back, and passes axe while focused', async () => {
    for (const lang of ['id', 'en'] as const) {
      const { page, close } = await open(lang, 'color-by="tppo-activities"', { width: 320 });
      await waitForRegions(page, 38);
      for (let i = 0; i < 12 && !(await focusedTarget(page)).label; i++) await page.keyboard.press('Tab');
      const first = await focusedTarget(page);
      // Aceh (11) comes first; the tooltip shows the same lines as the name, one per line.
      expect(first.label).toMatch(lang === 'id' ? /^Provinsi: Aceh; Kegiatan pencegahan TPPO: / : /^Province: Aceh; TPPO prevention activities: /);
      expect(first.tooltip?.split('\n').join('; ')).toBe(first.label);
      await expect(seriousFindings(page)).resolves.toEqual([]);
      await page.keyboard.press('End');
      expect((await focusedTarget(page)).label).toMatch(/Papua Barat Daya/);
      await page.keyboard.press('Home');
      for (let i = 0; i < 18; i++) await page.keyboard.press('ArrowRight');
      expect((await focusedTarget(page)).label).toMatch(/Nusa Tenggara Timur/);
      await page.keyboard.press('Enter');
      await waitForRegions(page, 22);
      // Zoomed in, the focus is on the back button; Tab goes on into the regencies, then into the places.
      const backName = lang === 'id' ? 'Kembali ke peta nasional' : 'Back to the national map';
      await page.waitForFunction((name) => document.querySelector('pantau-desa-binaan-map')?.shadowRoot?.activeElement?.textContent?.trim() === name, backName);
      for (let i = 0; i < 12 && !(await focusedTarget(page)).label; i++) await page.keyboard.press('Tab');
      const regency = await focusedTarget(page);
      expect(regency.label).toMatch(lang === 'id' ? /^Kabupaten\/kota: .+; Provinsi: Nusa Tenggara Timur/ : /^Regency\/city: .+; Province: Nusa Tenggara Timur/);
      expect(regency.tooltip?.split('\n').join('; ')).toBe(regency.label);
      await page.keyboard.press('Tab');
      const place = await focusedTarget(page);
      expect(place.label).toMatch(lang === 'id' ? /^(Desa Binaan: \d+; Lokasi|Desa): / : /^(Partner villages: \d+; Place|Village): /);
      expect(place.tooltip?.split('\n').join('; ')).toBe(place.label);
      await expect(seriousFindings(page)).resolves.toEqual([]);
      await page.keyboard.press('Escape');
      await waitForRegions(page, 38);
      // Back out, the focus is on the national map's first region again.
      await page.waitForFunction(() => /Aceh/.test(document.querySelector('pantau-desa-binaan-map')?.shadowRoot?.activeElement?.getAttribute('aria-label') ?? ''));
      await close();
    }
  }, 120_000);
});
