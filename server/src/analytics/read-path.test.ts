import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, loadSynthetic, prepareDatabase, testDatabaseKinds, type TestDatabase } from '@pantau/prisma';
import { createPantauYoga } from '../yoga.ts';

/**
 * Campaign totals and TPPO coverage send the same number of statements whatever they cover, and the
 * map's `columns` hold exactly the points `points` lists.
 */
describe.each(testDatabaseKinds)('read path on %s', (kind) => {
  let database: TestDatabase;
  let yoga: ReturnType<typeof createPantauYoga>;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
    await loadSynthetic(database, 'small', 3);
    yoga = createPantauYoga(database, { trace: true });
  }, 240_000);
  afterAll(() => database.close());

  async function query(document: string, variables: Record<string, unknown> = {}) {
    const response = await yoga.fetch('http://pantau.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: document, variables }),
    });
    const body = (await response.json()) as { data: any; errors?: unknown[]; extensions: { trace: { sqlStatements: number; rollups: { metric: string; source: string }[] } } };
    expect(body.errors).toBeUndefined();
    return body;
  }

  it('answers campaign totals in the same number of statements however many metrics a campaign reported, from the campaign rollup', async () => {
    const document = `query($slug: String!) { campaignTotals(slug: $slug, includeSynthetic: true) { metrics { metric { key } value byOffice { value } byRegion { value } } } }`;
    const campaigns = await database.prisma.campaign.findMany({ select: { slug: true } });
    // One after the other: Prisma batches look-ups of concurrent requests into one statement.
    const answers = [];
    for (const { slug } of campaigns) answers.push(await query(document, { slug }));
    const metricCounts = new Set(answers.map((a) => a.data.campaignTotals.metrics.length));
    expect(metricCounts.size).toBeGreaterThan(1);
    expect(new Set(answers.map((a) => a.extensions.trace.sqlStatements)).size).toBe(1);
    const hbi = answers[campaigns.findIndex((c) => c.slug === 'hbi-76-2026')];
    expect(hbi?.extensions.trace.rollups).toContainEqual({ metric: 'blood_donors', source: 'rollup_campaign_month' });
  });

  it('answers TPPO coverage by province and by regency in the same number of statements, from the rollups', async () => {
    const document = `query($level: CoverageLevel, $province: String) { tppoCoverage(level: $level, provinceCode: $province, includeSynthetic: true) { regions { region { code } tppoActivities { value } pimpasaOfficers { value } } } }`;
    const provinces = await query(document, { level: 'PROVINCE' });
    const ntt = await query(document, { level: 'REGENCY', province: '53' });
    const jakarta = await query(document, { level: 'REGENCY', province: '31' });
    expect(provinces.data.tppoCoverage.regions.length).toBe(38);
    expect(ntt.data.tppoCoverage.regions.length).toBeGreaterThan(jakarta.data.tppoCoverage.regions.length);
    expect(ntt.extensions.trace.sqlStatements).toBe(jakarta.extensions.trace.sqlStatements);
    // The same statements by province, plus the one that checks `provinceCode`.
    expect(ntt.extensions.trace.sqlStatements).toBe(provinces.extensions.trace.sqlStatements + 1);
    expect(provinces.extensions.trace.rollups).toEqual(
      expect.arrayContaining([
        { metric: 'tppo_prevention_activities', source: 'rollup_province_total' },
        { metric: 'pimpasa_officers', source: 'rollup_series_total' },
      ]),
    );
    expect(provinces.extensions.trace.rollups.some((r) => r.source === 'observations')).toBe(false);
  });

  it('gives the map points as columns, point for point the same as `points`, built in one statement once per catalogue change', async () => {
    const point = `village { code name } regency { name } province { code name } office { code nameId: name(lang: ID) nameEn: name(lang: EN) } designatedOn pimpasaCount latitude longitude precision synthetic partnerVillage { source { key } }`;
    const { data } = await query(`{ partnerVillageMap(provinceCode: "53", includeSynthetic: true) { points { ${point} } } }`);
    const columnsAnswer = await query(`{ partnerVillageMap(provinceCode: "53", includeSynthetic: true) { columns sources { key } } }`);
    const { columns: c, sources } = columnsAnswer.data.partnerVillageMap;
    // The province check, the catalogue version, the columns (built here first), the sources' rows.
    expect(columnsAnswer.extensions.trace.sqlStatements).toBe(4);
    // Asked again at the same catalogue version, the columns are not built again.
    const again = await query(`{ partnerVillageMap(provinceCode: "53", includeSynthetic: true) { columns sources { key } } }`);
    expect(again.extensions.trace.sqlStatements).toBe(3);
    expect(again.data).toEqual(columnsAnswer.data);
    const decoded = Array.from({ length: c.count }, (_, i) => {
      const regency = c.regency[i];
      const province = c.regencies.province[regency];
      const office = c.office[i];
      const place = c.place[i];
      return {
        village: { code: `${c.regencies.codes[regency]}.${c.villageCodes[i]}`, name: c.villageNames[i] },
        regency: { name: c.regencies.names[regency] },
        province: { code: c.provinces.codes[province], name: c.provinces.names[province] },
        office: { code: c.offices.codes[office], nameId: c.offices.namesId[office], nameEn: c.offices.namesEn[office] },
        designatedOn: c.designatedOn[i] === null ? null : c.dates[c.designatedOn[i]],
        pimpasaCount: c.pimpasaCounts[i],
        latitude: String(c.places.latitudes[place]),
        longitude: String(c.places.longitudes[place]),
        precision: c.places.precision[place],
        synthetic: c.synthetic[i] === 1,
        partnerVillage: { source: sources[c.source[i]] },
      };
    });
    expect(decoded.length).toBeGreaterThan(0);
    expect(decoded).toEqual(data.partnerVillageMap.points);
  });
});
