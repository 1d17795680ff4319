import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, startBrowserSuite, suiteStartMs, type BrowserSuite } from '../support/browser.ts';
import { waitForWidgets } from '../support/widget-page.ts';

/** Where the screenshots go; `pnpm docs:screenshots` copies them into the docs pages. */
const screenshotDir = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
const charts = ['pantau-campaign-totals', 'pantau-metric-chart', 'pantau-tppo-coverage', 'pantau-desa-binaan-map'];
const tags = [...charts, 'pantau-metric-tile'];
const widgets = `<pantau-campaign-totals campaign="hbi-76-2026"></pantau-campaign-totals>
<pantau-metric-chart metric="passports_issued" group-by="passport_type" granularity="YEAR" region="53"></pantau-metric-chart>
<pantau-tppo-coverage include-synthetic></pantau-tppo-coverage>
<pantau-desa-binaan-map include-synthetic></pantau-desa-binaan-map>
<pantau-metric-tile metric="passports_issued" region="53"></pantau-metric-tile>`;

interface Mode {
  name: string;
  lang: 'id' | 'en';
  width: number;
  theme: 'light' | 'dark';
  html?: string;
  body?: string;
  /** prefers-color-scheme, emulated. */
  system?: 'dark';
}

/** Light and dark, each host signal once, both languages and both widths. */
const modes: Mode[] = [
  { name: 'light-id-1280', lang: 'id', width: 1280, theme: 'light' },
  { name: 'light-en-320', lang: 'en', width: 320, theme: 'light' },
  { name: 'dark-id-1280', lang: 'id', width: 1280, theme: 'dark', html: 'class="dark"' },
  { name: 'dark-en-320', lang: 'en', width: 320, theme: 'dark', body: 'data-theme="dark"' },
  { name: 'dark-scheme-id-320', lang: 'id', width: 320, theme: 'dark', html: 'style="color-scheme: dark"' },
  { name: 'dark-system-en-1280', lang: 'en', width: 1280, theme: 'dark', system: 'dark' },
];

describe.skipIf(chromiumMissing)('widgets as a ministry publishes them: summaries, downloads, themes, accessibility', () => {
  let suite: BrowserSuite;

  beforeAll(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    suite = await startBrowserSuite();
  }, suiteStartMs + 60_000);
  afterAll(async () => {
    await suite?.stop();
  });

  async function hostPage(mode: Mode) {
    const background = mode.theme === 'dark' ? ' style="background: #0e141a; margin: 8px"' : ' style="margin: 8px"';
    const opened = await suite.openHostPage(
      `<!doctype html><html lang="${mode.lang}" ${mode.html ?? ''}><head><title>Kementerian: data</title><meta name="viewport" content="width=device-width"><script type="module" src="${suite.server.url}/widgets/pantau-widgets.js"></script></head><body ${mode.body ?? ''}${mode.body ? '' : background}>${widgets}</body></html>`,
      { viewport: { width: mode.width, height: 900 }, ...(mode.system ? { colorScheme: mode.system } : {}) },
    );
    await waitForWidgets(opened.page, tags, charts);
    return opened;
  }

  const summary = (page: Page, tag: string) => page.locator(`${tag} .summary`).innerText();

  // A guard against a hang, not a speed check: the machine running this may be shared and busy.
  it.for(modes)(
    'draws every widget in mode $name: the theme the host asks for, no overflow at 320 px, a summary as each chart’s description, no serious axe finding, a screenshot',
    { timeout: 180_000 },
    async (mode) => {
      const { page, problems, close } = await hostPage(mode);
      for (const tag of tags) {
        await expect(page.locator(`${tag}[data-pantau-theme="${mode.theme}"]`).count(), `${mode.name} ${tag}`).resolves.toBe(1);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth), mode.name).toBeLessThanOrEqual(mode.width);
      for (const tag of charts) {
        // The chart's description is the summary sentence shown under its title.
        const described = await page
          .locator(`${tag} .chart`)
          .evaluate(
            (chart) => chart.getRootNode() instanceof ShadowRoot && (chart.getRootNode() as ShadowRoot).getElementById(chart.getAttribute('aria-describedby') ?? '')?.textContent,
          );
        expect(described, `${mode.name} ${tag}`).toMatch(/\S.*\.$/);
      }
      await page.evaluate(axe.source);
      const results = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }));
      expect(
        results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        mode.name,
      ).toEqual([]);
      for (const tag of tags) await page.locator(tag).screenshot({ path: join(screenshotDir, `${tag.replace('pantau-', '')}-${mode.name}.png`) });
      expect(problems, mode.name).toEqual([]);
      await close();
    },
  );

  it('writes summaries that match the seeded figures, in Bahasa Indonesia and English', async () => {
    const id = await hostPage(modes[0] as Mode);
    await expect(summary(id.page, 'pantau-metric-chart')).resolves.toBe(
      'Paspor diterbitkan, 2025: total 21.363 dokumen perjalanan; tertinggi Paspor elektronik (14.213 dokumen perjalanan), terendah Paspor biasa (7.150 dokumen perjalanan).',
    );
    await expect(id.page.locator('pantau-metric-chart .filters').innerText()).resolves.toBe('Wilayah: Nusa Tenggara Timur · tahunan · dirinci menurut jenis paspor');
    await expect(summary(id.page, 'pantau-tppo-coverage')).resolves.toMatch(/; data sintetis\.$/);
    await expect(id.page.locator('pantau-tppo-coverage .filters').innerText()).resolves.toBe('Seluruh Indonesia · Cakupan desa (%) · termasuk data sintetis');
    await expect(summary(id.page, 'pantau-desa-binaan-map')).resolves.toMatch(/dilaporkan secara nasional: 125 Desa Binaan; data sintetis\.$/);
    // TPPO coverage: all 38 provinces, on a percent axis.
    await expect(id.page.locator('pantau-tppo-coverage .role-axis-title text').allTextContents()).resolves.toContain('Cakupan desa (%)');
    await id.close();
    const en = await hostPage(modes[1] as Mode);
    await expect(summary(en.page, 'pantau-metric-chart')).resolves.toBe(
      'Passports issued, 2025: 21,363 travel documents in total; highest Electronic passport (14,213 travel documents), lowest Ordinary passport (7,150 travel documents).',
    );
    await expect(summary(en.page, 'pantau-campaign-totals')).resolves.toMatch(/^[A-Z].*; \d+ more metrics? in the table\.$/);
    await en.close();
  });

  it('downloads CSV, SVG and PNG that carry title, filters, source, licence, date and the synthetic badge, named for what they hold', async () => {
    const { page, close } = await hostPage(modes[0] as Mode);
    const today = new Date().toISOString().slice(0, 10);
    const save = async (tag: string, button: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator(tag).getByRole('button', { name: button }).click()]);
      const path = await download.path();
      return { name: download.suggestedFilename(), bytes: readFileSync(path) };
    };
    const csv = await save('pantau-metric-chart', 'Unduh CSV');
    expect(csv.name).toBe(`pantau-metric-chart_passports_issued_passport_type_YEAR_53_${today}.csv`);
    const lines = csv.bytes.toString('utf8').split('\r\n');
    expect(lines[0]).toBe('Periode,Seri,Nilai,Satuan,Batas bawah (lebih dari),Sintetis,Sumber');
    expect(lines.slice(1).join('\n')).toMatch(/^2025,Paspor biasa,7150,dokumen perjalanan,false,false,"ANTARA, /m);
    const svg = await save('pantau-metric-chart', 'Unduh SVG');
    expect(svg.name).toBe(`pantau-metric-chart_passports_issued_passport_type_YEAR_53_${today}.svg`);
    const text = svg.bytes.toString('utf8');
    for (const part of ['>Paspor diterbitkan<', '>Wilayah: Nusa Tenggara Timur · tahunan · dirinci menurut jenis paspor<', '>Sumber: ANTARA', '>Lisensi: ', '>Digambar '])
      expect(text).toContain(part);
    expect(text).not.toContain('class="badge"');
    for (const tag of ['pantau-tppo-coverage', 'pantau-desa-binaan-map']) {
      const synthetic = await save(tag, 'Unduh SVG');
      expect(synthetic.name).toMatch(new RegExp(`^${tag}_.*${today}-sintetis\\.svg$`));
      expect(synthetic.bytes.toString('utf8')).toMatch(/class="badge".*>Data sintetis</);
      expect(synthetic.bytes.toString('utf8')).toContain('Sebagian angka berasal dari data sintetis');
      const table = await save(tag, 'Unduh CSV');
      expect(table.name).toMatch(/-sintetis\.csv$/);
      expect(table.bytes.toString('utf8').split('\r\n')[0]).toMatch(/,Satuan,Batas bawah \(lebih dari\),Sintetis,Sumber$/);
      const png = await save(tag, 'Unduh PNG');
      expect(png.name).toMatch(/-sintetis\.png$/);
      // A PNG, wider than the chart alone by the card's padding.
      expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.bytes.readUInt32BE(16)).toBeGreaterThan(640);
    }
    await close();
  });
});
