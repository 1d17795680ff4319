import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, prepareDatabase, testDatabaseKinds, type TestDatabase } from '@pantau/prisma';
import { createApiKey } from '../auth/api-keys.ts';
import { defaultLimits } from '../protection/limits.ts';
import { listenForTest, type TestServer } from '../protection/test-server.ts';

const chart = 'metric=passports_issued&group-by=passport_type&granularity=YEAR&region=53';
/** The text of every `<text class="…">` of an SVG snapshot, its lines joined by spaces. */
const textOf = (svg: string, className: string) =>
  [...svg.matchAll(new RegExp(`<text class="${className}"[^>]*>(.*?)</text>`, 'g'))]
    .map((m) => [...(m[1] ?? '').matchAll(/<tspan[^>]*>(.*?)<\/tspan>/g)].map((t) => t[1]).join(' '))
    .join(' ');

describe.each(testDatabaseKinds)('snapshots, embed pages and oEmbed on %s', (kind) => {
  let database: TestDatabase;
  let server: TestServer;
  let adminKey: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
    adminKey = (await createApiKey(database, { name: 'ministry-admin', scopes: ['ADMIN'] })).secret;
    server = await listenForTest(database, { limits: { ...defaultLimits, rateLimitBurst: 100_000 } });
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it("draws the metric chart with the element's title, total, filters in words, source and licence, in Bahasa Indonesia and English", async () => {
    const answer = await fetch(`${server.url}/snapshot/metric-chart.svg?${chart}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(answer.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=60');
    const svg = await answer.text();
    expect(textOf(svg, 'title')).toBe('Paspor diterbitkan');
    // 7,150 ordinary + 14,213 electronic passports (seed: ANTARA, 26 January 2026).
    expect(textOf(svg, 'subtitle')).toBe('Total: 21.363 dokumen perjalanan');
    expect(textOf(svg, 'filters')).toBe('Wilayah: Nusa Tenggara Timur · tahunan · Dirinci menurut: passport type');
    expect(textOf(svg, 'source')).toBe('Sumber: ANTARA, 26 Jan 2026');
    expect(textOf(svg, 'licence')).toMatch(/^Lisensi: /);
    expect(svg).not.toContain('class="badge"');
    // Two bars, one per passport type, in the first two colours of the widgets' palette.
    const bars = [...svg.matchAll(/<g class="mark-rect role-mark[^"]*"[^>]*>((?:<path[^>]*\/>)*)<\/g>/g)].flatMap((m) =>
      [...(m[1] ?? '').matchAll(/fill="([^"]+)"/g)].map((f) => f[1]),
    );
    expect(bars.sort()).toEqual(['#0b5cab', '#c2410c']);

    const english = await (await fetch(`${server.url}/snapshot/metric-chart.svg?${chart}&lang=en`)).text();
    expect(textOf(english, 'title')).toBe('Passports issued');
    expect(textOf(english, 'subtitle')).toBe('Total: 21,363 travel documents');
    expect(textOf(english, 'filters')).toBe('Region: Nusa Tenggara Timur · yearly · Split by: passport type');
    expect(textOf(english, 'source')).toBe('Source: ANTARA, 26 Jan 2026');
  });

  it('draws the map with the national figures the ministry reported, and the coverage with its priority provinces', async () => {
    const map = await (await fetch(`${server.url}/snapshot/desa-binaan-map.svg?lang=en`)).text();
    expect(textOf(map, 'title')).toBe('Map of immigration partner villages');
    // Seed: 125 partner villages and 146 Pimpasa officers nationally (ANTARA, 4 November 2024).
    expect(
      [...map.matchAll(/<g class="tile">.*?font-weight="bold"[^>]*>([^<]+)<\/text><text[^>]*>(.*?)<\/text><\/g>/g)].map(
        (m) => `${m[1]} ${(m[2] ?? '').replace(/<[^>]+>/g, ' ').trim()}`,
      ),
    ).toEqual(['125 Partner villages · national, reported', '146 Pimpasa officers · national, reported']);
    // 38 provinces drawn as shapes.
    expect(map.match(/<g class="mark-shape role-mark[^"]*"[^>]*>((?:<path[^>]*\/>)*)<\/g>/)?.[1]?.match(/<path /g)?.length).toBe(38);
    const coverage = await (await fetch(`${server.url}/snapshot/tppo-coverage.svg`)).text();
    expect(textOf(coverage, 'title')).toBe('Cakupan pencegahan TPPO');
    expect(textOf(coverage, 'filters')).toBe('Seluruh Indonesia · Cakupan desa (%)');
    const fills = [...coverage.matchAll(/<g class="mark-rect role-mark[^"]*"[^>]*>((?:<path[^>]*\/>)*)<\/g>/g)].flatMap((m) =>
      [...(m[1] ?? '').matchAll(/fill="([^"]+)"/g)].map((f) => f[1]),
    );
    // Priority provinces in the highlight colour, the others in the accent colour, as the element draws them.
    expect(fills).toContain('#c2410c');
    expect(fills.length).toBeGreaterThan(0);
  });

  it('rasterises the same picture as PNG at the width asked for', async () => {
    const answer = await fetch(`${server.url}/snapshot/metric-chart.png?${chart}&width=800`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await answer.arrayBuffer());
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    // IHDR: width then height, big-endian, from byte 16.
    expect(png.readUInt32BE(16)).toBe(800);
    expect(decodeURIComponent(answer.headers.get('x-pantau-title') ?? '')).toBe('Paspor diterbitkan');
  });

  it('draws text as text: a hostile heading is escaped', async () => {
    const svg = await (await fetch(`${server.url}/snapshot/campaign-totals.svg?campaign=hbi-76-2026&heading=${encodeURIComponent('<script>alert(1)</script>')}`)).text();
    expect(svg).not.toContain('<script');
    expect(textOf(svg, 'title')).toBe('&#60;script&#62;alert(1)&#60;/script&#62;');
  });

  it('answers 404 for an unknown widget and 400 naming each bad attribute, and never draws for them', async () => {
    const unknown = await fetch(`${server.url}/snapshot/pie-chart.svg`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: string }).error).toContain('metric-chart');
    const bad = await fetch(`${server.url}/snapshot/metric-chart.svg?granularity=WEEK&colour=red&width=99999`);
    expect(bad.status).toBe(400);
    const { problems } = (await bad.json()) as { problems: string[] };
    expect(problems).toEqual([
      'Attribute `granularity` must be `DAY`, `MONTH`, `QUARTER`, `YEAR`, not "WEEK"',
      expect.stringMatching(/^Unknown attribute `colour`; this widget takes `lang`, /),
      'Attribute `width` must be a whole number of pixels from 320 to 2000, not "99999"',
      'Attribute `metric` is required (a key of lower-case letters, digits and `_`)',
    ]);
    const unknownMetric = await fetch(`${server.url}/snapshot/metric-chart.png?metric=no_such_metric`);
    expect(unknownMetric.status).toBe(400);
    expect(((await unknownMetric.json()) as { error: string }).error).toMatch(/^pantau-metric-chart: Unknown metric "no_such_metric"/);
    expect((await fetch(`${server.url}/embed/metric-chart?metric=a&metric=b`)).status).toBe(400);
    expect((await fetch(`${server.url}/snapshot/metric-chart.svg?${chart}`, { method: 'POST' })).status).toBe(405);
  });

  it('answers again from its cache until a change is accepted, then draws the new figure', async () => {
    const url = `${server.url}/snapshot/metric-chart.svg?${chart}&heading=cache`;
    expect((await fetch(url)).headers.get('x-pantau-cache')).toBe('miss');
    const again = await fetch(url);
    expect(again.headers.get('x-pantau-cache')).toBe('hit');
    expect((await fetch(url, { headers: { 'if-none-match': again.headers.get('etag') ?? '' } })).status).toBe(304);
    const write = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminKey}` },
      body: JSON.stringify({
        query: 'mutation($input: ObservationInput!) { createObservation(input: $input) { observation { id } } }',
        variables: {
          input: {
            metric: 'passports_issued',
            value: '100',
            periodStart: '2025-12-31',
            officeCode: 'kanwil-ditjenim-ntt',
            regionCode: '53',
            source: 'antara-20260126-ntt-passports-2025',
            dimensions: [{ key: 'passport_type', value: 'ordinary' }],
            published: true,
          },
        },
      }),
    });
    expect(((await write.json()) as { errors?: unknown }).errors).toBeUndefined();
    // The change is announced through NOTIFY; the next request after it is drawn anew.
    await expect.poll(async () => (await fetch(url)).headers.get('x-pantau-cache'), { timeout: 10_000 }).toBe('miss');
    expect(textOf(await (await fetch(url)).text(), 'subtitle')).toBe('Total: 21.463 dokumen perjalanan');
  });

  it('serves an embed page that any site may frame, naming its oEmbed answer', async () => {
    const page = await fetch(`${server.url}/embed/tppo-coverage?province=53`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'; style-src 'self';.*frame-ancestors \*$/);
    const html = await page.text();
    // The snapshot inside the element is the first paint, and what readers without JavaScript see.
    expect(html).toContain(`<pantau-tppo-coverage province="53"><img slot="snapshot" src="${server.url}/snapshot/tppo-coverage.svg?province=53" alt="Cakupan pencegahan TPPO"`);
    expect(html).toContain(`<link rel="preload" as="image" href="${server.url}/snapshot/tppo-coverage.svg?province=53">`);
    // Every chunk the element imports is preloaded, and each one is served.
    const preloads = [...html.matchAll(/<link rel="modulepreload" href="(\/widgets\/chunks\/[\w.-]+\.js)">/g)].map((match) => match[1] ?? '');
    expect(preloads.length).toBeGreaterThan(0);
    for (const chunk of preloads) expect((await fetch(`${server.url}${chunk}`)).status).toBe(200);
    const discovery = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&') ?? '';
    expect(discovery).toBe(`${server.url}/oembed?url=${encodeURIComponent(`${server.url}/embed/tppo-coverage?province=53`)}&format=json`);
    const oembed = (await (await fetch(discovery)).json()) as Record<string, unknown>;
    expect(oembed).toMatchObject({ version: '1.0', type: 'rich', provider_name: 'Pantau', title: 'Cakupan pencegahan TPPO', width: 640 });
    expect(oembed.html).toBe(
      `<iframe src="${server.url}/embed/tppo-coverage?province=53" title="Cakupan pencegahan TPPO" width="640" height="${String(oembed.height)}" loading="lazy" referrerpolicy="no-referrer"></iframe><script async src="${server.url}/embed/host.js"></script>`,
    );
  });

  it('answers oEmbed as its specification says: 404 for addresses it has no embed for, 501 for XML, 400 for a bad request', async () => {
    const ask = (params: Record<string, string>) => fetch(`${server.url}/oembed?${new URLSearchParams(params).toString()}`);
    expect((await ask({ url: 'https://example.org/embed/metric-chart?metric=passports_issued' })).status).toBe(404);
    expect((await ask({ url: `${server.url}/graphql` })).status).toBe(404);
    expect((await ask({ url: `${server.url}/embed/metric-chart?colour=red` })).status).toBe(404);
    expect((await ask({ url: `${server.url}/embed/metric-chart?metric=passports_issued`, format: 'xml' })).status).toBe(501);
    expect((await ask({})).status).toBe(400);
    expect((await ask({ url: 'not a url' })).status).toBe(400);
    expect((await ask({ url: `${server.url}/embed/metric-chart?metric=passports_issued`, maxwidth: 'wide' })).status).toBe(400);
    const narrow = (await (await ask({ url: `${server.url}/snapshot/metric-chart.png?metric=passports_issued`, maxwidth: '400', maxheight: '200' })).json()) as {
      width: number;
      height: number;
    };
    expect([narrow.width, narrow.height]).toEqual([400, 200]);
  });
});
