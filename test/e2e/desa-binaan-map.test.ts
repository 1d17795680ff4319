import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, startBrowserSuite, suiteStartMs, type BrowserSuite } from '../support/browser.ts';

/**
 * The seeded data names no partner village (the articles list none), so a map pasted without
 * `include-synthetic` has no point to draw. It must still draw Indonesia, the priority province and
 * the figures the ministry reported, and say that no village is on record.
 */
describe.skipIf(chromiumMissing)('the Desa Binaan map on the seeded data, where no partner village is on record', () => {
  let suite: BrowserSuite;

  beforeAll(async () => {
    suite = await startBrowserSuite({ env: { PANTAU_SYNTHETIC: 'none' } });
  }, suiteStartMs + 60_000);
  afterAll(async () => {
    await suite?.stop();
  });

  it('draws the provinces and the reported national figures, in both languages', async () => {
    for (const [lang, villages, pimpasa, note] of [
      ['id', 'Desa Binaan · nasional, dilaporkan', 'Petugas Pimpasa · nasional, dilaporkan', 'Belum ada Desa Binaan dengan lokasi tercatat.'],
      ['en', 'Partner villages · national, reported', 'Pimpasa officers · national, reported', 'No partner villages with a recorded location yet.'],
    ] as const) {
      const { page, problems, close } = await suite.openHostPage(
        `<!doctype html><html lang="${lang}"><body><script type="module" src="${suite.server.url}/widgets/pantau-desa-binaan-map.js"></script><pantau-desa-binaan-map></pantau-desa-binaan-map></body></html>`,
      );
      const map = page.locator('pantau-desa-binaan-map');
      await map.locator('.chart svg .role-mark').first().waitFor({ state: 'attached', timeout: 45_000 });
      // 38 province shapes, NTT among them as the TPPO-prevention priority.
      await expect(map.locator('.chart svg path[role="graphics-symbol"], .chart svg .mark-shape path').count()).resolves.toBeGreaterThanOrEqual(38);
      const tiles = await map.locator('.kpi').allInnerTexts();
      expect(tiles.map((tile) => tile.replace(/\s+/g, ' ').trim())).toEqual([`125 ${villages}`, `146 ${pimpasa}`]);
      await expect(map.locator('.legend').innerText()).resolves.toContain('Nusa Tenggara Timur');
      await expect(map.locator('p[role="status"]').innerText()).resolves.toBe(note);
      expect(problems).toEqual([]);
      await close();
    }
  });

  it('shaded by partner villages with none on record, draws every province at zero, not as missing', async () => {
    const { page, problems, close } = await suite.openHostPage(
      `<!doctype html><html lang="id"><body><script type="module" src="${suite.server.url}/widgets/pantau-desa-binaan-map.js"></script><pantau-desa-binaan-map color-by="partner-villages"></pantau-desa-binaan-map></body></html>`,
    );
    await page.waitForFunction(() => document.querySelector('pantau-desa-binaan-map')?.shadowRoot?.querySelectorAll('.chart svg .regions_marks path').length === 38, undefined, {
      timeout: 45_000,
    });
    const legend = await page.locator('pantau-desa-binaan-map .legend').innerText();
    expect(legend).toContain('Desa Binaan per provinsi');
    // Only the zero class and "no data" exist; the figures above the map are still the reported ones.
    expect(legend.replace(/\s+/g, ' ')).toContain('0 Tidak ada data');
    const tiles = await page.locator('pantau-desa-binaan-map .kpi-value').allInnerTexts();
    expect(tiles).toEqual(['125', '146']);
    expect(problems).toEqual([]);
    await close();
  });

  it('zoomed to a province, draws its regencies, loaded on demand', async () => {
    const topologies: string[] = [];
    const { page, problems, close } = await suite.openHostPage(
      `<!doctype html><html lang="id"><body><script type="module" src="${suite.server.url}/widgets/pantau-desa-binaan-map.js"></script><pantau-desa-binaan-map province="53"></pantau-desa-binaan-map></body></html>`,
      {
        beforeNavigate: (opened) =>
          opened.on(
            'request',
            (request) =>
              void (
                /\.topo-[\w-]+\.js$/.test(request.url()) &&
                topologies.push(
                  request
                    .url()
                    .replace(/^.*\//, '')
                    .replace(/-[\w-]+\.js$/, ''),
                )
              ),
          ),
      },
    );
    // NTT: 21 regencies and Kota Kupang, in the first shape layer; the priority outline is the second.
    const shapeCount = () =>
      page.evaluate(() => document.querySelector('pantau-desa-binaan-map')?.shadowRoot?.querySelector('.chart svg .mark-shape')?.querySelectorAll('path').length ?? 0);
    await page.waitForFunction(
      () => (document.querySelector('pantau-desa-binaan-map')?.shadowRoot?.querySelector('.chart svg .mark-shape')?.querySelectorAll('path').length ?? 0) > 1,
      undefined,
      { timeout: 45_000 },
    );
    expect(await shapeCount()).toBe(22);
    expect(topologies).toEqual(['53.topo']);
    expect(problems).toEqual([]);
    await close();
  });
});
