import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, prepareDatabase, testDatabaseKinds, type TestDatabase } from '@pantau/prisma';
import { createApiKey } from '../auth/api-keys.ts';
import { defaultLimits } from '../protection/limits.ts';
import { listenForTest, type TestServer } from '../protection/test-server.ts';

/** The text of every `<text class="…">` of an SVG snapshot, one entry each, entities decoded. */
const textsOf = (svg: string, className: string) =>
  [...svg.matchAll(new RegExp(`<text class="${className}"[^>]*>(.*?)</text>`, 'g'))].map((m) =>
    (m[1] ?? '')
      .replace(/<tspan[^>]*>(.*?)<\/tspan>/g, '$1 ')
      .trim()
      .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))),
  );
/** The fill and opacity of each region the map draws (the first layer of shapes), in drawing order: provinces by code. */
const regionFills = (svg: string) =>
  [...(svg.match(/<g class="mark-shape role-mark regions_marks"[^>]*>((?:<path[^>]*\/>)*)<\/g>/)?.[1] ?? '').matchAll(/<path [^>]*\/>/g)].map((path) => {
    const attribute = (name: string) => new RegExp(`\\s${name}="([^"]+)"`).exec(path[0])?.[1] ?? null;
    return `${attribute('fill')} ${attribute('fill-opacity')}`;
  });
/** The class of each legend swatch: its fill and opacity. */
const swatches = (svg: string) => [...svg.matchAll(/<g class="legend-entry"><rect [^>]*fill="([^"]+)" fill-opacity="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);

const accent = '#0b5cab';
const muted = '#56616e';

/**
 * The map shaded by each `color-by` figure, drawn by the server as the element draws it. The seed
 * registers no partner village and reports Pimpasa officers only nationally (ANTARA, 4 November
 * 2024: 146, by the Directorate General, which counts for no province), so the test adds, through
 * the API, two partner villages in Banten and two offices' Pimpasa figures: 12 officers reported by
 * Kantor Imigrasi Tangerang (Kota Tangerang, 36.71) and 5 by Kantor Imigrasi Serang (Kota Serang, 36.73).
 */
describe.each(testDatabaseKinds)('the Desa Binaan map snapshot shaded by color-by on %s', (kind) => {
  let database: TestDatabase;
  let server: TestServer;

  const svgOf = async (query: string) => {
    const answer = await fetch(`${server.url}/snapshot/desa-binaan-map.svg?${query}`);
    expect(answer.status, query).toBe(200);
    return answer.text();
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
    const admin = (await createApiKey(database, { name: 'ministry-admin', scopes: ['ADMIN'] })).secret;
    server = await listenForTest(database, { limits: { ...defaultLimits, rateLimitBurst: 100_000 } });
    const write = async (query: string, input: Record<string, unknown>) => {
      const answer = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
        body: JSON.stringify({ query, variables: { input } }),
      });
      expect(((await answer.json()) as { errors?: unknown }).errors).toBeUndefined();
    };
    await write('mutation($input: SourceInput!) { createSource(input: $input) { source { key } } }', {
      key: 'kanim-banten-report-2026',
      kind: 'DATASET',
      publisher: 'Kantor Imigrasi Banten',
      title: 'Laporan Desa Binaan dan Pimpasa 2026',
      claimId: 'Laporan tahunan',
      claimEn: 'Yearly report',
    });
    // The seed holds provinces and regencies only; villages come in with the register, as the synthetic loader adds them.
    await database.prisma.region.create({ data: { code: '36.71.01', level: 'DISTRICT', name: 'Tangerang', parentCode: '36.71', provinceCode: '36', regencyCode: '36.71' } });
    for (const [code, name] of [
      ['36.71.01.1001', 'Sukarasa'],
      ['36.71.01.1002', 'Sukaasih'],
    ] as const) {
      await database.prisma.region.create({ data: { code, level: 'VILLAGE', name, parentCode: '36.71.01', provinceCode: '36', regencyCode: '36.71' } });
      await write('mutation($input: PartnerVillageInput!) { createPartnerVillage(input: $input) { partnerVillage { id } } }', {
        villageCode: code,
        officeCode: 'kanim-tangerang',
        source: 'kanim-banten-report-2026',
      });
    }
    for (const [officeCode, regionCode, value] of [
      ['kanim-tangerang', '36.71', '12'],
      ['kanim-serang', '36.73', '5'],
    ] as const) {
      await write('mutation($input: ObservationInput!) { createObservation(input: $input) { observation { id } } }', {
        metric: 'pimpasa_officers',
        value,
        periodStart: '2026-01-31',
        officeCode,
        regionCode,
        source: 'kanim-banten-report-2026',
        published: true,
      });
    }
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('shades the provinces by village coverage, with the legend, its classes and the figure named in the filters, in Bahasa Indonesia and English', async () => {
    // idn-area-data counts 1,552 villages in Banten, and some in every province (none is "no data").
    const villages = await database.prisma.region.findMany({ where: { level: 'PROVINCE' }, select: { code: true, villageCount: true }, orderBy: { code: 'asc' } });
    expect(villages.find((province) => province.code === '36')?.villageCount).toBe(1552);
    expect(villages.every((province) => (province.villageCount ?? 0) > 0)).toBe(true);
    // Banten 2 ÷ 1,552 = 0.13 %, every other province 0: a quarter of the largest is 0.032 %, the next
    // round step 0.05 %, so three classes up to 0.15 %, Banten in the last (90 % of the accent colour).
    const svg = await svgOf('color-by=coverage-ratio');
    expect(textsOf(svg, 'legend-title')).toEqual(['Cakupan desa (Desa Binaan ÷ jumlah desa) per provinsi']);
    expect(textsOf(svg, 'legend-label')).toEqual(['0%', '> 0%–0,05%', '0,05%–0,1%', '0,1%–0,15%', 'Tidak ada data']);
    expect(swatches(svg)).toEqual([`${accent} 0.05`, `${accent} 0.35`, `${accent} 0.6`, `${accent} 0.9`, `${muted} 0.25`]);
    expect(textsOf(svg, 'filters')).toEqual(['Seluruh Indonesia · Diwarnai menurut: Cakupan desa (Desa Binaan ÷ jumlah desa) · 2 desa binaan']);
    const shaded = regionFills(svg);
    expect(shaded).toHaveLength(38);
    expect(shaded[villages.findIndex((province) => province.code === '36')]).toBe(`${accent} 0.9`);
    expect(shaded.filter((fill) => fill === `${accent} 0.05`)).toHaveLength(37);
    // Unshaded, the provinces are pale and NTT, the priority, stronger: a shaded map is drawn otherwise.
    const plain = regionFills(await svgOf(''));
    expect(new Set(plain)).toEqual(new Set([`${accent} 0.1`, `${accent} 0.42`]));
    expect(plain.filter((fill, i) => fill !== shaded[i])).toHaveLength(38);
    expect(await svgOf('')).not.toContain('class="legend');

    const english = await svgOf('color-by=coverage-ratio&lang=en');
    expect(textsOf(english, 'legend-title')).toEqual(['Village coverage (partner villages ÷ villages) by province']);
    expect(textsOf(english, 'legend-label')).toEqual(['0%', '> 0%–0.05%', '0.05%–0.1%', '0.1%–0.15%', 'No data']);
    expect(textsOf(english, 'filters')).toEqual(['All of Indonesia · Shaded by: Village coverage (partner villages ÷ villages) · 2 partner villages']);
    expect(regionFills(english)).toEqual(shaded);
  });

  it('shades by Pimpasa officers, provinces without a report drawn muted as "no data", nationally and zoomed to the regencies of Banten', async () => {
    // Banten 12 + 5 = 17; no other province has a report. A quarter of 17 is 4.25, the round step 5: four classes up to 20.
    const svg = await svgOf('color-by=pimpasa-officers&lang=en');
    expect(textsOf(svg, 'legend-title')).toEqual(['Pimpasa officers by province']);
    expect(textsOf(svg, 'legend-label')).toEqual(['0', '1–5', '6–10', '11–15', '16–20', 'No data']);
    expect(textsOf(svg, 'filters')).toEqual(['All of Indonesia · Shaded by: Pimpasa officers · 2 partner villages']);
    const fills = regionFills(svg);
    const codes = (await database.prisma.region.findMany({ where: { level: 'PROVINCE' }, select: { code: true }, orderBy: { code: 'asc' } })).map((r) => r.code);
    expect(fills[codes.indexOf('36')]).toBe(`${accent} 0.9`);
    expect(fills.filter((fill) => fill === `${muted} 0.25`)).toHaveLength(37);

    // Zoomed to Banten, its regencies: Kota Tangerang 12 and Kota Serang 5 of a largest 12, so a step of 5 and three classes.
    const banten = await svgOf('color-by=pimpasa-officers&province=36');
    expect(textsOf(banten, 'legend-title')).toEqual(['Petugas Pimpasa per kabupaten/kota']);
    expect(textsOf(banten, 'legend-label')).toEqual(['0', '1–5', '6–10', '11–15', 'Tidak ada data']);
    expect(textsOf(banten, 'filters')).toEqual(['Provinsi: Banten · Diwarnai menurut: Petugas Pimpasa · 2 desa binaan']);
    const regencies = (await database.prisma.region.findMany({ where: { level: 'REGENCY', provinceCode: '36' }, select: { code: true }, orderBy: { code: 'asc' } })).map(
      (r) => r.code,
    );
    const regencyFills = regionFills(banten);
    expect(regencyFills).toHaveLength(regencies.length);
    expect(regencies.map((code, i) => [code, regencyFills[i]]).filter(([, fill]) => fill !== `${muted} 0.25`)).toEqual([
      ['36.71', `${accent} 0.9`],
      ['36.73', `${accent} 0.35`],
    ]);

    // With `level=regency`, all 514 regencies nationally, classed as the regencies of Banten were.
    const national = await svgOf('color-by=pimpasa-officers&level=regency&lang=en');
    expect(textsOf(national, 'legend-title')).toEqual(['Pimpasa officers by regency/city']);
    expect(textsOf(national, 'legend-label')).toEqual(['0', '1–5', '6–10', '11–15', 'No data']);
    const allFills = regionFills(national);
    expect(allFills).toHaveLength(514);
    expect(allFills.filter((fill) => fill !== `${muted} 0.25`).sort()).toEqual([`${accent} 0.35`, `${accent} 0.9`]);
  });

  it('draws every color-by value in both languages, and answers 400 naming `color-by` (or `level`) and its values for any other', async () => {
    for (const colorBy of ['partner-villages', 'coverage-ratio', 'pimpasa-officers', 'tppo-activities']) {
      for (const lang of ['id', 'en']) {
        for (const format of ['svg', 'png']) {
          const answer = await fetch(`${server.url}/snapshot/desa-binaan-map.${format}?color-by=${colorBy}&lang=${lang}`);
          expect(answer.status, `${colorBy} ${lang} ${format}`).toBe(200);
          if (format === 'svg') expect(textsOf(await answer.text(), 'legend-label').at(-1)).toBe(lang === 'id' ? 'Tidak ada data' : 'No data');
          else await answer.arrayBuffer();
        }
      }
    }
    // Banten 2 villages, every other province 0: zero, then 1 and 2 (a step of 1); no TPPO activity is reported anywhere.
    expect(textsOf(await svgOf('color-by=partner-villages'), 'legend-label')).toEqual(['0', '1', '2', 'Tidak ada data']);
    expect(textsOf(await svgOf('color-by=tppo-activities&lang=en'), 'legend-label')).toEqual(['0', 'No data']);
    const level = await fetch(`${server.url}/snapshot/desa-binaan-map.svg?level=village`);
    expect(level.status).toBe(400);
    expect(((await level.json()) as { problems: string[] }).problems).toEqual(['Attribute `level` must be `province`, `regency`, not "village"']);
    const problem = 'Attribute `color-by` must be `partner-villages`, `coverage-ratio`, `pimpasa-officers`, `tppo-activities`, not "bogus"';
    for (const path of ['/snapshot/desa-binaan-map.svg', '/snapshot/desa-binaan-map.png', '/embed/desa-binaan-map']) {
      const answer = await fetch(`${server.url}${path}?color-by=bogus`);
      expect(answer.status, path).toBe(400);
      expect(((await answer.json()) as { problems: string[] }).problems).toEqual([problem]);
    }
  });

  it('serves the embed page with the element given its color-by and, inside it, the shaded snapshot', async () => {
    const page = await fetch(`${server.url}/embed/desa-binaan-map?color-by=coverage-ratio&province=36`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(
      `<pantau-desa-binaan-map color-by="coverage-ratio" province="36"><img slot="snapshot" src="${server.url}/snapshot/desa-binaan-map.svg?color-by=coverage-ratio&amp;province=36"`,
    );
  });
});
