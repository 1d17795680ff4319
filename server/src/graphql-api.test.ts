import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, loadSynthetic, prepareDatabase, testDatabaseKinds, type TestDatabase } from '@pantau/prisma';
import { createPantauYoga } from './yoga.ts';

describe.each(testDatabaseKinds)('GraphQL API on %s', (kind) => {
  let database: TestDatabase;
  let yoga: ReturnType<typeof createPantauYoga>;

  async function query(document: string, variables: Record<string, unknown> = {}) {
    const response = await yoga.fetch('http://pantau.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: document, variables }),
    });
    return (await response.json()) as { data?: Record<string, any>; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
    yoga = createPantauYoga(database, { log: { error: () => undefined } });
  });
  afterAll(() => database.close());

  it('returns the Hari Bakti Imigrasi ke-76 totals with units, the lower bound and sources', async () => {
    const { data } = await query(
      `{ campaignTotals(slug: "hbi-76-2026") { metrics { metric { key } value unitLabel isLowerBound sources { publisher publishedOn documentRef } } } }`,
    );
    const byKey = Object.fromEntries(data?.campaignTotals.metrics.map((m: any) => [m.metric.key, m]));
    expect(byKey.coconut_seedlings).toMatchObject({ value: '20000', unitLabel: 'bibit', isLowerBound: false });
    expect(byKey.sembako_packages).toMatchObject({ value: '5000', unitLabel: 'paket', isLowerBound: false });
    expect(byKey.blood_donors).toMatchObject({ value: '500', unitLabel: 'orang', isLowerBound: true });
    expect(byKey.blood_donors.sources).toEqual([{ publisher: 'ANTARA', publishedOn: '2026-01-20', documentRef: 'shared/seeds/000_9677cf70c2378be1.txt' }]);
  });

  it('splits NTT’s 2025 passports by type and totals them, citing the article', async () => {
    const { data } = await query(`{
      metricSeries(metric: "passports_issued", groupBy: ["passport_type"], granularity: YEAR, filter: { regionCode: "53", from: "2025-01-01", to: "2025-12-31" }) {
        rows { period dimensions { key value label(lang: EN) } value }
        total { value isLowerBound synthetic sources { key } }
      }
    }`);
    expect(data?.metricSeries.rows).toEqual([
      { period: '2025', dimensions: [{ key: 'passport_type', value: 'electronic', label: 'Electronic passport' }], value: '14213' },
      { period: '2025', dimensions: [{ key: 'passport_type', value: 'ordinary', label: 'Ordinary passport' }], value: '7150' },
    ]);
    expect(data?.metricSeries.total).toEqual({ value: '21363', isLowerBound: false, synthetic: false, sources: [{ key: 'antara-20260126-ntt-passports-2025' }] });
  });

  it('returns 146 Pimpasa officers and 125 partner villages nationally, each with its source', async () => {
    const { data } = await query(`{
      pimpasa: metricSeries(metric: "pimpasa_officers") { total { value sources { publisher publishedOn } } }
      villages: metricSeries(metric: "partner_villages") { total { value sources { publisher publishedOn } } }
    }`);
    expect(data?.pimpasa.total).toEqual({ value: '146', sources: [{ publisher: 'ANTARA', publishedOn: '2024-11-04' }] });
    expect(data?.villages.total).toEqual({ value: '125', sources: [{ publisher: 'ANTARA', publishedOn: '2024-11-04' }] });
  });

  it('answers labels in Bahasa Indonesia by default and in English on request', async () => {
    const { data } = await query(`{ metrics(first: 50) { edges { node { key id: name en: name(lang: EN) unitLabel(lang: EN) } } } }`);
    const passports = data?.metrics.edges.find((e: any) => e.node.key === 'passports_issued').node;
    expect(passports).toEqual({ key: 'passports_issued', id: 'Paspor diterbitkan', en: 'Passports issued', unitLabel: 'travel documents' });
  });

  it('pages offices with stable cursors, totalCount, first: 0 and past the end', async () => {
    const first = await query(`{ offices(first: 4) { totalCount edges { cursor node { code } } pageInfo { hasNextPage endCursor } } }`);
    const page = first.data?.offices;
    expect(page.totalCount).toBe(10);
    expect(page.edges).toHaveLength(4);
    const next = await query(`query($after: String) { offices(first: 100, after: $after) { edges { node { code } } pageInfo { hasNextPage } } }`, {
      after: page.pageInfo.endCursor,
    });
    expect(next.data?.offices.edges).toHaveLength(6);
    expect(next.data?.offices.pageInfo.hasNextPage).toBe(false);
    const codes = [...page.edges, ...(next.data?.offices.edges ?? [])].map((e: any) => e.node.code);
    expect(codes).toEqual([...codes].sort());
    const none = await query(`{ offices(first: 0) { totalCount edges { cursor } pageInfo { hasNextPage } } }`);
    expect(none.data?.offices).toEqual({ totalCount: 10, edges: [], pageInfo: { hasNextPage: true } });
  });

  it('filters offices by region prefix and type', async () => {
    const { data } = await query(`{ offices(filter: { regionCode: "36", type: [IMMIGRATION_OFFICE] }) { edges { node { code region { province { code } } } } } }`);
    expect(data?.offices.edges.map((e: any) => e.node.code)).toEqual(['kanim-cilegon', 'kanim-serang', 'kanim-soekarno-hatta', 'kanim-tangerang']);
  });

  it('refuses bad arguments with errors that name the argument and the valid values', async () => {
    const cases: [string, RegExp, string][] = [
      ['{ metricSeries(metric: "visas") { total { value } } }', /Unknown metric "visas" in argument `metric`. Valid values: .*passports_issued/, 'metric'],
      ['{ campaignTotals(slug: "hbi-99") { metrics { value } } }', /Unknown campaign "hbi-99" in argument `slug`. Valid values: .*hbi-76-2026/, 'slug'],
      ['{ offices(filter: { regionCode: "99" }) { totalCount } }', /Unknown region code "99" in argument `filter.regionCode`/, 'filter.regionCode'],
      ['{ observations(filter: { from: "2025-12-01", to: "2025-01-01" }) { totalCount } }', /`to` \(2025-01-01\) is before `from` \(2025-12-01\)/, 'filter.to'],
      [
        '{ metricSeries(metric: "passports_issued", groupBy: ["colour"]) { total { value } } }',
        /Cannot group `passports_issued` by "colour". Valid values: .*passport_type/,
        'groupBy',
      ],
      ['{ offices(first: 2, after: "not-a-cursor") { totalCount } }', /Argument `after` is not a cursor/, 'after'],
      ['{ offices(first: 501) { totalCount } }', /Argument `first` must be between 0 and 500 \(got 501\)/, 'first'],
    ];
    for (const [document, message, argument] of cases) {
      const { errors, data } = await query(document);
      expect(errors?.[0]?.message, document).toMatch(message);
      expect(errors?.[0]?.extensions?.argument, document).toBe(argument);
      expect(data ?? null).toBeNull();
    }
    const invalidDate = await query('{ observations(filter: { from: "2025-02-30" }) { totalCount } }');
    expect(invalidDate.errors?.[0]?.message).toMatch(/2025-02-30 does not exist/);
  });

  it('lists an observation’s own source first, then the articles that corroborate it', async () => {
    const { data } = await query(`{ observations(filter: { metric: "coconut_seedlings" }) { edges { node { value sources { key } } } } }`);
    expect(data?.observations.edges).toEqual([
      { node: { value: '20000', sources: [{ key: 'antara-20260120-hbi76-coconut-seedlings' }, { key: 'pastime-20260120-hbi76-ditjenpas' }] } },
    ]);
  });

  it('resolves global IDs through node()', async () => {
    const { data } = await query(`{ campaign(slug: "hbi-76-2026") { id } }`);
    const node = await query(`query($id: ID!) { node(id: $id) { ... on Campaign { slug name(lang: EN) } } }`, { id: data?.campaign.id });
    expect(node.data?.node).toEqual({ slug: 'hbi-76-2026', name: '76th Immigration Service Day' });
  });

  it('maps partner villages with the precision of each point, and none without synthetic data', async () => {
    const real = await query(`{ partnerVillageMap { points { latitude } synthetic priorities { region { code } theme source { key } } } }`);
    expect(real.data?.partnerVillageMap).toEqual({
      points: [],
      synthetic: false,
      priorities: [{ region: { code: '53' }, theme: 'TPPO_PREVENTION', source: { key: 'antara-20241104-ntt-tppo-priority' } }],
    });
    await loadSynthetic(database, 'small', 1);
    const { data } = await query(
      `{ partnerVillageMap(provinceCode: "53", includeSynthetic: true) { synthetic points { village { level } province { code } precision latitude longitude office { type } } } }`,
    );
    const points = data?.partnerVillageMap.points ?? [];
    expect(points.length).toBeGreaterThan(0);
    expect(data?.partnerVillageMap.synthetic).toBe(true);
    for (const point of points) {
      expect(point).toMatchObject({ village: { level: 'VILLAGE' }, province: { code: '53' }, office: { type: 'IMMIGRATION_OFFICE' } });
      expect(['VILLAGE', 'REGENCY', 'PROVINCE']).toContain(point.precision);
      expect(Number(point.latitude)).toBeLessThan(0);
    }
    const bad = await query(`{ partnerVillageMap(provinceCode: "99") { synthetic } }`);
    expect(bad.errors?.[0]?.extensions?.argument).toBe('provinceCode');
  });
});
