import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, loadSynthetic, prepareDatabase, testDatabaseKinds, type TestDatabase } from '@pantau/prisma';
import { createPantauYoga } from './yoga.ts';
import { graphqlClient } from './testing/graphql-client.ts';

/** TPPO-prevention coverage on the seeded articles plus the flagged `small` synthetic set. */
describe.each(testDatabaseKinds)('tppoCoverage on %s', (kind) => {
  let database: TestDatabase;
  let yoga: ReturnType<typeof createPantauYoga>;
  const { query, ok } = graphqlClient(() => yoga);

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
    await loadSynthetic(database, 'small', 1);
    yoga = createPantauYoga(database);
  });
  afterAll(() => database.close());

  const coverage = `query($level: CoverageLevel, $province: String, $synthetic: Boolean) {
    tppoCoverage(level: $level, provinceCode: $province, includeSynthetic: $synthetic) {
      level province { code }
      regions { region { code level } villages partnerVillages partnerVillagesWithPimpasa coverageRatio pimpasaCoverageRatio
                pimpasaOfficers { value } tppoActivities { value } isPriority synthetic sources { key } }
      national { villages partnerVillages coverageRatio pimpasaOfficers { value } synthetic
                 reportedPartnerVillages { value sources { key publisher publishedOn } }
                 reportedPimpasaOfficers { value sources { key publisher publishedOn } }
                 priorityRegions { code } }
      definitions { coverageRatio pimpasaCoverageRatio }
      definitionsEn: definitions(lang: EN) { coverageRatio pimpasaCoverageRatio }
    }
  }`;

  it('gives the reported national figures (125 villages, 146 Pimpasa) with their article, and NTT as the priority', async () => {
    const { tppoCoverage } = await ok(coverage);
    expect(tppoCoverage.national.reportedPartnerVillages).toEqual({
      value: '125',
      sources: [{ key: 'antara-20241104-partner-villages', publisher: 'ANTARA', publishedOn: '2024-11-04' }],
    });
    expect(tppoCoverage.national.reportedPimpasaOfficers).toEqual({
      value: '146',
      sources: [{ key: 'antara-20241104-pimpasa-officers', publisher: 'ANTARA', publishedOn: '2024-11-04' }],
    });
    expect(tppoCoverage.national.priorityRegions).toEqual([{ code: '53' }]);
    // Without synthetic data the register of partner villages is empty: nothing is counted, nothing is flagged.
    expect(tppoCoverage.national).toMatchObject({ partnerVillages: 0, coverageRatio: '0', synthetic: false });
    expect(tppoCoverage.regions).toHaveLength(38);
    expect(tppoCoverage.regions.filter((r: any) => r.isPriority).map((r: any) => r.region.code)).toEqual(['53']);
    // Definitions in Bahasa Indonesia unless English is asked for, like every other label.
    expect(tppoCoverage.definitions.coverageRatio).toMatch(/^Cakupan desa: Desa Binaan Imigrasi ÷ desa yang ada/);
    expect(tppoCoverage.definitions.pimpasaCoverageRatio).toMatch(/^Cakupan Pimpasa: Desa Binaan yang memiliki sedikitnya satu Pimpasa/);
    expect(tppoCoverage.definitionsEn.coverageRatio).toMatch(/^Village coverage: partner villages ÷ villages that exist/);
    expect(tppoCoverage.definitionsEn.pimpasaCoverageRatio).toMatch(/^Pimpasa coverage: partner villages with at least one Pimpasa/);
  });

  it('computes each ratio from the counts it shows, and the national row from all provinces', async () => {
    const { tppoCoverage } = await ok(coverage, { synthetic: true });
    const rows = tppoCoverage.regions;
    const ratio = (numerator: number, denominator: number) => (denominator === 0 ? null : String(Number((numerator / denominator).toFixed(6))));
    for (const row of rows) {
      expect(row.coverageRatio === null ? null : String(Number(row.coverageRatio))).toBe(ratio(row.partnerVillages, row.villages));
      expect(row.pimpasaCoverageRatio === null ? null : String(Number(row.pimpasaCoverageRatio))).toBe(ratio(row.partnerVillagesWithPimpasa, row.partnerVillages));
    }
    const sum = (key: string) => rows.reduce((acc: number, row: any) => acc + row[key], 0);
    expect(tppoCoverage.national.partnerVillages).toBe(sum('partnerVillages'));
    expect(tppoCoverage.national.partnerVillages).toBe(await database.prisma.partnerVillage.count());
    expect(tppoCoverage.national.villages).toBe(sum('villages'));
    expect(tppoCoverage.national.synthetic).toBe(true);
    const pimpasa = rows.reduce((acc: bigint, row: any) => acc + BigInt(row.pimpasaOfficers.value), 0n);
    expect(tppoCoverage.national.pimpasaOfficers.value).toBe(pimpasa.toString());
    const withVillages = rows.find((r: any) => r.partnerVillages > 0);
    expect(withVillages.sources.map((s: any) => s.key)).toEqual(expect.arrayContaining(['idn-area-data-4.0.1', 'synthetic-small-1']));
  });

  it('lists the regencies of one province, each a priority when its province is', async () => {
    const { tppoCoverage } = await ok(coverage, { level: 'REGENCY', province: '53', synthetic: true });
    expect(tppoCoverage.level).toBe('REGENCY');
    expect(tppoCoverage.province).toEqual({ code: '53' });
    expect(tppoCoverage.regions).toHaveLength(await database.prisma.region.count({ where: { provinceCode: '53', level: 'REGENCY' } }));
    expect(tppoCoverage.regions.every((r: any) => r.region.level === 'REGENCY' && r.region.code.startsWith('53.') && r.isPriority)).toBe(true);
    const inNtt = await database.prisma.partnerVillage.count({ where: { region: { provinceCode: '53' } } });
    expect(tppoCoverage.regions.reduce((acc: number, r: any) => acc + r.partnerVillages, 0)).toBe(inNtt);
  });

  it('refuses an unknown or non-province code, naming the argument', async () => {
    for (const province of ['99', '53.71']) {
      const { errors } = await query(coverage, { province });
      expect(errors?.[0]?.extensions?.argument).toBe('provinceCode');
    }
  });
});
