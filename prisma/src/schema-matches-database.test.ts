import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '../generated/client.ts';
import { migrate } from './migrator.ts';
import { roundTrips } from './testing/model-round-trips.ts';
import { scalarFields } from './testing/model-scalar-fields.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from './testing/test-database.ts';

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe.each(testDatabaseKinds)('migrated %s database matches schema.prisma', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await migrate(database.sql);
  });
  afterAll(() => database.close());

  it('covers every model of the schema', () => {
    expect(Object.keys(roundTrips).sort()).toEqual(Object.values(Prisma.ModelName).sort());
  });

  it('writes and reads every model with all of its fields', async () => {
    // Insertion order follows the foreign keys.
    for (const model of Object.keys(roundTrips) as Prisma.ModelName[]) {
      const written = await roundTrips[model](database.prisma);
      expect(Object.keys(written).sort(), model).toEqual(Object.keys(scalarFields[model]).sort());
      const delegate = (database.prisma as unknown as Record<string, { findMany(): Promise<Record<string, unknown>[]> }>)[model.charAt(0).toLowerCase() + model.slice(1)];
      if (!delegate) throw new Error(`No client delegate for ${model}`);
      const read = await delegate.findMany();
      expect(read, model).toContainEqual(written);
    }
  });

  it('keeps decimals exact and dates as calendar days', async () => {
    const observation = await database.prisma.observation.findFirstOrThrow();
    expect(observation.value.toString()).toBe('14213');
    expect(observation.periodEnd.toISOString()).toBe('2025-12-31T00:00:00.000Z');
  });

  it('enforces the rules Prisma cannot express', async () => {
    await expect(
      database.prisma.observation.create({
        data: { metricId: 1, value: '1', periodStart: date('2025-02-01'), periodEnd: date('2025-01-01'), sourceId: 1 },
      }),
    ).rejects.toThrow(/observation_period_order_check/);
    await expect(database.prisma.campaignParticipant.create({ data: { campaignId: 1 } })).rejects.toThrow(/campaign_participant_target_check/);
    await expect(database.prisma.auditEntry.updateMany({ data: { actor: 'someone else' } })).rejects.toThrow(/audit_log is append-only: UPDATE/);
    await expect(database.prisma.auditEntry.deleteMany()).rejects.toThrow(/audit_log is append-only: DELETE/);
    expect(await database.prisma.auditEntry.count()).toBe(1);
    await expect(database.prisma.metric.updateMany({ data: { suppressionThreshold: 0 } })).rejects.toThrow(/metric_suppression_threshold_check/);
    await expect(database.prisma.target.create({ data: { metricId: 1, periodStart: date('2025-02-01'), periodEnd: date('2025-01-01'), value: '1', sourceId: 1 } })).rejects.toThrow(
      /target_period_check/,
    );
    // One figure per natural key: a second copy of the observation is refused, whatever its value.
    const stored = await database.prisma.observation.findFirstOrThrow();
    const { metricId, periodStart, periodEnd, officeId, regionCode, programId, campaignId, sourceId, dimensions } = stored;
    const copy = { metricId, periodStart, periodEnd, officeId, regionCode, programId, campaignId, sourceId, dimensions: dimensions as Record<string, string> };
    await expect(database.prisma.observation.create({ data: { ...copy, value: '1' } })).rejects.toThrow(/Unique constraint|observation_natural_key/);
    // A figure without office, place, program or campaign is one key too (NULLS NOT DISTINCT).
    const bare = { metricId: 1, value: '2', periodStart: date('2024-03-01'), periodEnd: date('2024-03-31'), sourceId: 1 };
    await database.prisma.observation.create({ data: bare });
    await expect(database.prisma.observation.create({ data: bare })).rejects.toThrow(/Unique constraint|observation_natural_key/);
    // Two national targets (no region) for one metric and period are one too many.
    const national = { metricId: 1, periodStart: date('2024-01-01'), periodEnd: date('2024-12-31'), value: '1', sourceId: 1 };
    await database.prisma.target.create({ data: national });
    await expect(database.prisma.target.create({ data: national })).rejects.toThrow(/Unique constraint|target_metric_id_period_start_period_end_region_code_key/);
  });
});
