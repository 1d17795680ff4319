import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PantauDesaBinaanMapDocument, persistedDocument } from '@pantau/schema';
import { createTestDatabase, loadSynthetic, prepareDatabase, testDatabaseKinds, type TestDatabase } from '@pantau/prisma';
import { createPantauYoga } from './yoga.ts';
import { graphqlClient } from './testing/graphql-client.ts';

/** The map widget's persisted operation: its points, and the coverage figures it shades by only when asked (`color-by`). */
describe.each(testDatabaseKinds)('the map widget’s operation on %s', (kind) => {
  let database: TestDatabase;
  let yoga: ReturnType<typeof createPantauYoga>;
  const { ok } = graphqlClient(() => yoga);
  const { document } = persistedDocument(PantauDesaBinaanMapDocument);

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
    await loadSynthetic(database, 'small', 1);
    yoga = createPantauYoga(database);
  });
  afterAll(() => database.close());

  it('asks for no coverage unless the map is shaded', async () => {
    const answer = await ok(document, { includeSynthetic: true });
    expect(answer).not.toHaveProperty('coverage');
    expect(answer.partnerVillageMap.columns.count).toBeGreaterThan(0);
  });

  it('gives each of the 38 provinces its partner villages, as many as the map’s points in it', async () => {
    const answer = await ok(document, { includeSynthetic: true, withCoverage: true });
    const regions = answer.coverage.regions as { region: { code: string }; partnerVillages: number }[];
    expect(regions).toHaveLength(38);
    // Count the points per province from the columns: point → regency → province.
    const { columns } = answer.partnerVillageMap;
    const perProvince = new Map<string, number>();
    for (const regency of columns.regency as number[]) {
      const code = columns.provinces.codes[columns.regencies.province[regency]] as string;
      perProvince.set(code, (perProvince.get(code) ?? 0) + 1);
    }
    for (const row of regions) expect([row.region.code, row.partnerVillages]).toEqual([row.region.code, perProvince.get(row.region.code) ?? 0]);
  });

  it('zoomed to NTT, gives its 22 regencies', async () => {
    const answer = await ok(document, { province: '53', includeSynthetic: true, level: 'REGENCY', withCoverage: true });
    const codes = (answer.coverage.regions as { region: { code: string } }[]).map((row) => row.region.code);
    expect(codes).toHaveLength(22);
    expect(codes.every((code) => code.startsWith('53.'))).toBe(true);
  });
});
