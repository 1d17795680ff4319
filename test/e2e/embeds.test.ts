import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, suiteStartMs } from '../support/browser.ts';
import { cspReportsIn, element, metricChart, query, startEmbedHost, textOf, widgetsDist, words, type EmbedHost } from '../support/embed-host.ts';
import { waitForRegions } from '../support/map-page.ts';

/** The fill and opacity of each region of a drawn map (its first layer of shapes), in drawing order. */
const regionFillsIn = (svg: string) =>
  [...(svg.match(/<g class="mark-shape role-mark regions_marks"[^>]*>((?:<path[^>]*\/>)*)<\/g>/)?.[1] ?? '').matchAll(/<path [^>]*\/>/g)].map(
    (path) => `${/\sfill="([^"]+)"/.exec(path[0])?.[1]} ${/\sfill-opacity="([^"]+)"/.exec(path[0])?.[1]}`,
  );
/** Each `<text class="…">` of a snapshot on its own (one line each), entities decoded. */
const textsOf = (svg: string, className: string) =>
  [...svg.matchAll(new RegExp(`<text class="${className}"[^>]*>(.*?)</text>`, 'g'))].map((m) =>
    (m[1] ?? '').replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))),
  );

/**
 * Widgets on sites that run none of our script: snapshot images, the iframe embed page with its
 * resizing snippet, and oEmbed. Pinned releases: embed-releases.test.ts; the first paint and the
 * metric tile: embed-first-paint.test.ts.
 */
describe.skipIf(chromiumMissing)('embeds in Chromium, on a host page of another origin under a strict CSP', () => {
  let env: EmbedHost;
  beforeAll(async () => {
    env = await startEmbedHost();
  }, suiteStartMs + 60_000);
  afterAll(async () => {
    await env?.stop();
  });

  it("draws snapshot images with the element's title and source line, in both languages, loadable by <img>", async () => {
    for (const language of ['id', 'en'] as const) {
      const attributes = { ...metricChart, lang: language };
      const svg = await (await fetch(`${env.server.url}/snapshot/metric-chart.svg?${query(attributes)}`)).text();
      const { page, problems, violations, close } = await env.hostPage(
        `${element('pantau-metric-chart', attributes)}<img id="svg" alt="" src="${env.server.url}/snapshot/metric-chart.svg?${query(attributes)}"><img id="png" alt="" src="${env.server.url}/snapshot/metric-chart.png?${query({ ...attributes, width: '1200' })}">`,
        `<script type="module" src="${env.server.url}/widgets/pantau-metric-chart.js"></script>`,
      );
      const widget = page.locator('pantau-metric-chart');
      await widget.locator('.chart svg .role-mark').first().waitFor({ state: 'attached', timeout: 45_000 });
      expect(textOf(svg, 'title')).toBe(words(await widget.locator('h2').innerText()));
      expect(textOf(svg, 'title')).toBe(language === 'id' ? 'Paspor diterbitkan' : 'Passports issued');
      expect(textOf(svg, 'source')).toBe(words(await widget.locator('figcaption').innerText()));
      expect(textOf(svg, 'source')).toBe(language === 'id' ? 'Sumber: ANTARA, 26 Jan 2026' : 'Source: ANTARA, 26 Jan 2026');
      expect(textOf(svg, 'subtitle')).toBe(words(await widget.locator('header .subtitle:not(.filters)').innerText()));
      const sizes = await page.evaluate(() =>
        Promise.all(
          ['svg', 'png'].map(async (id) => {
            const image = document.getElementById(id) as HTMLImageElement;
            await image.decode();
            return image.naturalWidth;
          }),
        ),
      );
      expect(sizes).toEqual([640, 1200]);
      expect(problems).toEqual([]);
      await expect(violations()).resolves.toEqual([]);
      await close();
    }
  });

  it('resizes the iframe of the oEmbed snippet to its page when the data table is toggled, with no CSP violation on either side', async () => {
    const pageUrl = `${env.server.url}/embed/metric-chart?${query(metricChart)}`;
    const answer = await fetch(`${env.server.url}/oembed?${query({ url: pageUrl, format: 'json' })}`);
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const oembed = (await answer.json()) as { type: string; version: string; html: string; width: number; height: number };
    expect([oembed.type, oembed.version, oembed.width]).toEqual(['rich', '1.0', 640]);
    expect(oembed.height).toBeGreaterThan(100);
    const { page, problems, violations, close } = await env.hostPage(`<h1>Berita</h1>${oembed.html}<p>Teks berikutnya.</p>`);
    const frame = page.frameLocator('iframe');
    await frame.locator('pantau-metric-chart .chart svg .role-mark').first().waitFor({ state: 'attached', timeout: 45_000 });
    const inner = page.frames().find((f) => f.url().startsWith(`${env.server.url}/embed/`));
    if (!inner) throw new Error('The embed page did not load in the iframe');
    /** The iframe's height attribute and the height of the page inside it. */
    const heights = async () => [Number(await page.locator('iframe').getAttribute('height')), await inner.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height))];
    await expect
      .poll(
        async () => {
          const [frameHeight, content] = await heights();
          return frameHeight === content;
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    const [withChart] = await heights();
    await frame.getByRole('button', { name: 'Tampilkan tabel' }).click();
    await frame.locator('pantau-metric-chart table').waitFor();
    await expect
      .poll(
        async () => {
          const [frameHeight, content] = await heights();
          return frameHeight !== withChart && frameHeight === content;
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    const [withTable] = await heights();
    await frame.getByRole('button', { name: 'Tampilkan grafik' }).click();
    // Back to the chart: the card's own height (the snapshot's, kept until the first click, is let go).
    await expect
      .poll(
        async () => {
          const [frameHeight, content] = await heights();
          return frameHeight !== withTable && frameHeight === content;
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    // The embed page names its oEmbed answer for CMSes that discover it.
    const discovery = await inner.locator('link[rel="alternate"][type="application/json+oembed"]').getAttribute('href');
    expect(await (await fetch(discovery ?? '')).json()).toEqual(oembed);
    expect(problems).toEqual([]);
    await expect(violations()).resolves.toEqual([]);
    await expect(cspReportsIn(inner)).resolves.toEqual([]);
    await close();
  });

  it('answers oEmbed with 404 for an address that is not one of its widgets', async () => {
    for (const url of ['https://example.org/embed/metric-chart', `${env.server.url}/widgets/`, `${env.server.url}/embed/pie-chart`]) {
      const answer = await fetch(`${env.server.url}/oembed?${query({ url, format: 'json' })}`);
      expect(answer.status, url).toBe(404);
    }
  });

  it('draws every element of the manifest: its docs page gives an image and an iframe that the server answers', async () => {
    const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', `file://${widgetsDist}`), 'utf8')) as { modules: { declarations?: { tagName?: string }[] }[] };
    const tags = manifest.modules.flatMap((m) => m.declarations ?? []).flatMap((d) => (d.tagName ? [d.tagName] : []));
    expect(tags).toContain('pantau-metric-tile');
    for (const tag of tags) {
      // The snippets as a reader copies them from the page's code blocks.
      const docs = (await (await fetch(`${env.server.url}/widgets/${tag}.html`)).text())
        .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
        .replaceAll('&amp;', '&');
      const image = /<img src="([^"]+\/snapshot\/[a-z-]+\.svg[^"]*)"/.exec(docs)?.[1] ?? '';
      const frame = /<iframe src="([^"]+\/embed\/[a-z-]+[^"]*)"/.exec(docs)?.[1] ?? '';
      expect([image, frame].map((url) => new URL(url).pathname)).toEqual([`/snapshot/${tag.slice(7)}.svg`, `/embed/${tag.slice(7)}`]);
      for (const url of [image, frame]) expect((await fetch(url)).status, url).toBe(200);
    }
  });

  it('draws a map shaded by color-by as its snapshot does: the same legend title and classes, the figure in the filters, the same fill for each region', async () => {
    const maps: Record<string, string>[] = [{ 'color-by': 'coverage-ratio' }, { 'color-by': 'pimpasa-officers', province: '53', lang: 'en' }];
    for (const attributes of maps) {
      const svg = await (await fetch(`${env.server.url}/snapshot/desa-binaan-map.svg?${query(attributes)}`)).text();
      const { page, problems, violations, close } = await env.hostPage(
        element('pantau-desa-binaan-map', attributes),
        `<script type="module" src="${env.server.url}/widgets/pantau-desa-binaan-map.js"></script>`,
      );
      // Zoomed to NTT, its 22 regencies once their file has loaded; nationally the 38 provinces.
      await waitForRegions(page, attributes.province ? 22 : 38);
      const widget = page.locator('pantau-desa-binaan-map');
      expect(textOf(svg, 'legend-title')).toBe(words(await widget.locator('.legend .legend-title').innerText()));
      expect(textOf(svg, 'legend-title')).toBe(attributes.province ? 'Pimpasa officers by regency/city' : 'Cakupan desa (Desa Binaan ÷ jumlah desa) per provinsi');
      expect(textsOf(svg, 'legend-label')).toEqual((await widget.locator('.legend .shades li').allInnerTexts()).map(words));
      // The snapshot's filters add the count of villages drawn to the element's.
      const filters = words(await widget.locator('header .filters').innerText());
      expect(filters).toContain(attributes.province ? 'Shaded by: Pimpasa officers' : 'Diwarnai menurut: Cakupan desa');
      expect(textOf(svg, 'filters').startsWith(filters)).toBe(true);
      const drawn = await widget.evaluate((map) =>
        [...(map.shadowRoot?.querySelectorAll('.chart svg .regions_marks path') ?? [])].map((path) => `${path.getAttribute('fill')} ${path.getAttribute('fill-opacity')}`),
      );
      expect(regionFillsIn(svg)).toHaveLength(attributes.province ? 22 : 38);
      expect(regionFillsIn(svg)).toEqual(drawn);
      expect(problems).toEqual([]);
      await expect(violations()).resolves.toEqual([]);
      await close();
    }
  });

  it('gives the metric tile a snapshot, an embed page and an oEmbed answer with the figure the element shows', async () => {
    const tile = { metric: 'passports_issued', region: '53' };
    const svg = await (await fetch(`${env.server.url}/snapshot/metric-tile.svg?${query(tile)}`)).text();
    const { page, problems, violations, close } = await env.hostPage(
      element('pantau-metric-tile', tile),
      `<script type="module" src="${env.server.url}/widgets/pantau-metric-tile.js"></script>`,
    );
    const widget = page.locator('pantau-metric-tile');
    await widget.locator('.tile-value').waitFor({ timeout: 45_000 });
    expect(textOf(svg, 'title')).toBe(words(await widget.locator('h2').innerText()));
    expect(words(svg.match(/<g class="tile">.*?font-weight="bold"[^>]*>([^<]*)</)?.[1] ?? '')).toBe(words(await widget.locator('.tile-value').innerText()));
    expect(textOf(svg, 'source')).toBe(words(await widget.locator('figcaption').innerText()));
    const embed = await fetch(`${env.server.url}/embed/metric-tile?${query(tile)}`);
    expect(embed.status).toBe(200);
    expect(await embed.text()).toContain('<pantau-metric-tile metric="passports_issued" region="53"><img slot="snapshot"');
    const oembed = (await (await fetch(`${env.server.url}/oembed?${query({ url: `${env.server.url}/embed/metric-tile?${query(tile)}`, format: 'json' })}`)).json()) as Record<
      string,
      unknown
    >;
    expect(oembed).toMatchObject({ type: 'rich', version: '1.0', title: textOf(svg, 'title') });
    expect(problems).toEqual([]);
    await expect(violations()).resolves.toEqual([]);
    await close();
  });
});
