import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../migrator.ts';
import { seedReferenceData } from '../seed/seed-reference.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../testing/test-database.ts';
import { generateSynthetic, type SyntheticInputs } from './generator.ts';
import { loadSynthetic, loadSyntheticInputs } from './load.ts';
import { scales } from './scales.ts';

function digest(inputs: SyntheticInputs, seed: number): string {
  const dataset = generateSynthetic(inputs, scales.small, seed);
  const hash = createHash('sha256').update(JSON.stringify([dataset.offices, dataset.partnerVillages]));
  for (const batch of dataset.observationBatches(5_000)) hash.update(JSON.stringify(batch));
  return hash.digest('hex');
}

describe('synthetic generator', () => {
  let inputs: SyntheticInputs;
  beforeAll(async () => {
    inputs = await loadSyntheticInputs();
  });

  it('gives the same rows for the same seed and different rows for another', () => {
    expect(digest(inputs, 7)).toBe(digest(inputs, 7));
    expect(digest(inputs, 7)).not.toBe(digest(inputs, 8));
  });

  it('covers every province and, at large scale, every regency, every office type and over a million observations', () => {
    const large = generateSynthetic(inputs, scales.large, 1);
    const regions = new Set(large.offices.map((office) => office.regionCode));
    expect(inputs.regencies.every((regency) => regions.has(regency.code))).toBe(true);
    expect(new Set(large.offices.map((office) => office.type))).toEqual(
      new Set([
        'REGIONAL_OFFICE_IMMIGRATION',
        'REGIONAL_OFFICE_CORRECTIONS',
        'IMMIGRATION_OFFICE',
        'IMMIGRATION_DETENTION_CENTER',
        'PRISON',
        'DETENTION_HOUSE',
        'PAROLE_OFFICE',
        'JUVENILE_CORRECTIONAL_INSTITUTION',
      ]),
    );
    expect(large.partnerVillages.length).toBeGreaterThanOrEqual(1_000);
    let observations = 0;
    for (const batch of large.observationBatches(50_000)) observations += batch.length;
    expect(observations).toBeGreaterThanOrEqual(1_000_000);
  });
});

describe.each(testDatabaseKinds)('synthetic data on %s', (kind) => {
  let database: TestDatabase;
  let realObservations: number;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await migrate(database.sql);
    await seedReferenceData(database.prisma);
    realObservations = await database.prisma.observation.count();
  });
  afterAll(() => database.close());

  it('flags every row it writes and cites one synthetic source', async () => {
    const summary = await loadSynthetic(database, 'small', 3);
    const { prisma } = database;
    expect(await prisma.observation.count({ where: { synthetic: true } })).toBe(summary.observations);
    expect(await prisma.office.count({ where: { synthetic: true } })).toBe(summary.offices);
    expect(await prisma.partnerVillage.count({ where: { synthetic: true } })).toBe(summary.partnerVillages);
    expect(await prisma.partnerVillage.count({ where: { synthetic: false } })).toBe(0);
    const sources = await prisma.observation.groupBy({ by: ['sourceId'], where: { synthetic: true } });
    expect(sources).toHaveLength(1);
    const source = await prisma.source.findUniqueOrThrow({ where: { id: sources[0]?.sourceId } });
    expect([source.kind, source.key]).toEqual(['SYNTHETIC', 'synthetic-small-3']);
    expect(await prisma.observation.count({ where: { synthetic: false } })).toBe(realObservations);
    expect(await prisma.observation.count({ where: { synthetic: false, source: { kind: 'SYNTHETIC' } } })).toBe(0);
  });

  it('replaces earlier synthetic data instead of adding to it, and leaves real data alone', async () => {
    const first = await loadSynthetic(database, 'small', 3);
    const second = await loadSynthetic(database, 'small', 3);
    expect(second).toEqual(first);
    expect(await database.prisma.observation.count()).toBe(realObservations + second.observations);
    expect(await database.prisma.source.count({ where: { kind: 'SYNTHETIC' } })).toBe(1);
  });
});
