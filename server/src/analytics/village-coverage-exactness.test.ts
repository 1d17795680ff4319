import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, deleteSynthetic, loadSynthetic, prepareDatabase, testDatabaseKinds, type TestDatabase } from '@pantau/prisma';
import { queryVillageCoverage, type CoverageLevel } from './coverage.ts';

interface Covered {
  code: string;
  partnerVillages: number;
  withPimpasa: number;
  isPriority: boolean;
  synthetic: boolean;
  sourceIds: number[];
}

/**
 * The coverage worked out straight from every partner village, its region and the priorities: what
 * the answer read from `partner_village_area` must always be. Only regions with partner villages.
 */
async function expected(database: TestDatabase, level: CoverageLevel, provinceCode: string | null, includeSynthetic: boolean): Promise<Covered[]> {
  const villages = await database.prisma.$queryRawUnsafe<{ code: string; villages: number; pimpasa: number; synthetic: boolean; sources: number[] }[]>(
    `SELECT ${level === 'COUNTRY' ? `'ID'` : level === 'PROVINCE' ? 'v.province_code' : 'v.regency_code'} AS code, count(*)::int AS villages,
            (count(*) FILTER (WHERE p.pimpasa_count > 0))::int AS pimpasa, bool_or(p.synthetic) AS synthetic, array_agg(DISTINCT p.source_id) AS sources
     FROM partner_village p JOIN region v ON v.code = p.region_code
     WHERE ($1::boolean OR NOT p.synthetic) AND ($2::text IS NULL OR v.province_code = $2)
     GROUP BY 1 ORDER BY 1`,
    includeSynthetic,
    level === 'COUNTRY' ? null : provinceCode,
  );
  const priorities = await database.prisma.regionPriority.findMany({ where: { theme: 'TPPO_PREVENTION', ...(includeSynthetic ? {} : { synthetic: false }) } });
  return villages.map((row) => {
    // A region is a priority when it or its province is one.
    const own = priorities.filter((p) => p.regionCode === row.code || (level === 'REGENCY' && p.regionCode === row.code.slice(0, 2)));
    return {
      code: row.code,
      partnerVillages: row.villages,
      withPimpasa: row.pimpasa,
      isPriority: own.length > 0,
      synthetic: row.synthetic || own.some((p) => p.synthetic),
      sourceIds: [...new Set([...row.sources, ...own.map((p) => p.sourceId)])].sort((a, b) => a - b),
    };
  });
}

async function answered(database: TestDatabase, level: CoverageLevel, provinceCode: string | null, includeSynthetic: boolean): Promise<Covered[]> {
  const rows = await queryVillageCoverage(database, level, provinceCode, includeSynthetic);
  return rows
    .filter((row) => row.partnerVillages > 0)
    .map((row) => ({
      code: row.code,
      partnerVillages: row.partnerVillages,
      withPimpasa: row.partnerVillagesWithPimpasa,
      isPriority: row.isPriority,
      synthetic: row.synthetic,
      sourceIds: row.sourceIds,
    }));
}

/** `partner_village_area` against the villages themselves, after every kind of change to them. */
describe.each(testDatabaseKinds)('partner-village coverage counts on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
    await loadSynthetic(database, 'small', 1);
  });
  afterAll(() => database.close());

  const sql = (text: string, ...values: unknown[]) => database.prisma.$executeRawUnsafe(text, ...values);
  async function expectExact(step: string) {
    for (const level of ['PROVINCE', 'REGENCY', 'COUNTRY'] as const) {
      for (const provinceCode of level === 'COUNTRY' ? [null] : [null, '53', '31']) {
        for (const includeSynthetic of [true, false]) {
          const want = await expected(database, level, provinceCode, includeSynthetic);
          expect(await answered(database, level, provinceCode, includeSynthetic), `${step}: ${level} ${provinceCode} ${includeSynthetic}`).toEqual(want);
        }
      }
    }
  }

  it('agrees after loading, and after villages are added, changed, moved and removed', async () => {
    await expectExact('loaded');
    // Two villages of their own, one in NTT and one in Jakarta, for a partner village to be added and moved.
    for (const [code, province, regency] of [
      ['53.71.99.9001', '53', '53.71'],
      ['31.71.99.9001', '31', '31.71'],
    ]) {
      await sql(`INSERT INTO region (code, level, name, province_code, regency_code) VALUES ($1, 'VILLAGE', 'Desa Uji', $2, $3)`, code, province, regency);
    }
    const village = { code: '53.71.99.9001' };
    const other = { code: '31.71.99.9001' };
    await sql(
      `INSERT INTO partner_village (region_code, office_id, pimpasa_count, synthetic, source_id) SELECT $1, (SELECT min(id) FROM office), 2, false, (SELECT min(id) FROM source)`,
      village.code,
    );
    await expectExact('one village added');
    await sql(`UPDATE partner_village SET pimpasa_count = 0 WHERE region_code = $1`, village.code);
    await expectExact('its Pimpasa officers taken away');
    await sql(`UPDATE region SET regency_code = '53.01' WHERE code = $1`, village.code);
    await expectExact('its village placed in another regency');
    await sql(`UPDATE partner_village SET region_code = $1, source_id = (SELECT max(id) FROM source) WHERE region_code = $2`, other.code, village.code);
    await expectExact('moved to another province, with another source');
    await sql(`UPDATE partner_village SET synthetic = NOT synthetic WHERE id IN (SELECT id FROM partner_village ORDER BY id LIMIT 3)`);
    await expectExact('three villages flagged the other way');
    await sql(`UPDATE partner_village SET synthetic = NOT synthetic WHERE id IN (SELECT id FROM partner_village ORDER BY id LIMIT 3)`);
    await expectExact('and back');
    await sql(`DELETE FROM partner_village WHERE region_code = $1`, other.code);
    await expectExact('removed');
    await database.sql.run((connection) => deleteSynthetic(connection));
    await expectExact('synthetic data deleted');
  });
});
