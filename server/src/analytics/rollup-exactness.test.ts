import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, loadSynthetic, prepareDatabase, testDatabaseKinds, type TestDatabase } from '@pantau/prisma';
import { createApiKey } from '../auth/api-keys.ts';
import { createPantauYoga } from '../yoga.ts';
import { expectRollupsExact, expectRollupsMatchRebuild, rollupNames } from './rollup-exactness-kit.ts';

/**
 * Every rollup must answer exactly as the observations do, for every metric and aggregation rule,
 * every grouping, bucket, month-aligned range and filter it claims to answer, with and without
 * synthetic figures. (rollup-writes-exactness.test.ts keeps them so through every kind of write.)
 */
describe.each(testDatabaseKinds)('rollups on %s', (kind) => {
  let database: TestDatabase;
  let yoga: ReturnType<typeof createPantauYoga>;
  let admin: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
    await loadSynthetic(database, 'small', 7);
    yoga = createPantauYoga(database, { trace: true, log: { error: (...args: unknown[]) => console.error(...args) } });
    admin = (await createApiKey(database, { name: 'rollup-admin', scopes: ['ADMIN'] })).secret;
  }, 240_000);
  afterAll(() => database.close());

  async function gql(query: string, variables: Record<string, unknown> = {}) {
    const response = await yoga.fetch('http://pantau.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: unknown[]; extensions?: any };
    expect(body.errors).toBeUndefined();
    return body;
  }

  it('answers like the observations after the synthetic load, from every rollup, for every metric, grouping, bucket, range and filter', async () => {
    const compared = await expectRollupsExact(database, { includeSynthetic: true });
    for (const rollup of rollupNames) expect(compared.get(rollup), rollup).toBeGreaterThan(0);
    await expectRollupsExact(database, { includeSynthetic: false });
  }, 600_000);

  it('rebuilds from the observations to exactly what it holds', async () => {
    await expectRollupsMatchRebuild(database, 'the synthetic load');
  });

  it('holds far fewer rows than the observations', async () => {
    const count = async (table: string) => Number((await database.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n);
    const observations = await count('observation');
    expect(await count('rollup_national_month')).toBeLessThan(observations / 10);
    expect(await count('rollup_series_total')).toBeLessThan(observations / 10);
  });

  it('says in the trace which rollup answered', async () => {
    const body = await gql(`{ metricSeries(metric: "passports_issued", groupBy: ["province"], granularity: MONTH, includeSynthetic: true) { rows { value } } }`);
    // The rows by province per month, and the total over everything from the all-time grain.
    expect(body.extensions.trace.rollups).toEqual([
      { metric: 'passports_issued', source: 'rollup_province_month' },
      { metric: 'passports_issued', source: 'rollup_province_total' },
    ]);
    const ranged = await gql(`{ metricSeries(metric: "passports_issued", filter: { from: "2025-01-01", to: "2025-12-31" }) { total { value } } }`);
    expect(ranged.extensions.trace.rollups).toContainEqual({ metric: 'passports_issued', source: 'rollup_national_month' });
    const daily = await gql(`{ metricSeries(metric: "pimpasa_officers", granularity: DAY) { rows { value } } }`);
    expect(daily.extensions.trace.rollups).toEqual([
      { metric: 'pimpasa_officers', source: 'observations', reason: 'DAY buckets are finer than the month rollups' },
      { metric: 'pimpasa_officers', source: 'rollup_series_total' },
    ]);
    const weekly = await gql(`{ metricSeries(metric: "passports_issued", granularity: WEEK, includeSynthetic: true) { rows { value } } }`);
    expect(weekly.extensions.trace.rollups[0]).toEqual({
      metric: 'passports_issued',
      source: 'observations',
      reason: 'WEEK buckets (ISO weeks) cut across months: the month rollups cannot answer them',
    });
  });
});
