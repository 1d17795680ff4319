// What the rollup exactness tests share: the query shapes compared, the comparison of every rollup
// that claims a shape with the observations, and the check that rollups kept by the write triggers
// hold exactly what a rebuild from the observations holds.
import { expect } from 'vitest';
import type { TestDatabase } from '@pantau/prisma';
import type { Metric } from '@pantau/prisma/client';
import { rollupsAnswering, type RollupName } from './rollup-planner.ts';
import { querySeries, type Granularity, type SeriesQuery } from './series.ts';

type Shape = Pick<SeriesQuery, 'granularity' | 'groupBy' | 'filter'>;

export const rollupNames: readonly RollupName[] = [
  'rollup_province_total',
  'rollup_national_month',
  'rollup_province_month',
  'rollup_regency_month',
  'rollup_campaign_month',
  'rollup_series_month',
  'rollup_series_total',
];

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const everyGrouping = (metric: Metric): string[][] => [
  [],
  ['province'],
  ['regency'],
  ['region'],
  ['office'],
  ['program'],
  ['campaign'],
  ...metric.dimensions.map((d) => [d]),
  ['province', ...metric.dimensions.slice(0, 1)],
];
const everyBucket: Granularity[] = ['MONTH', 'QUARTER', 'YEAR', 'ALL'];
// Month-aligned ranges: both ends, `from` alone (observations spanning into April 2025 are added from
// the observations), `to` alone; and one that is not aligned, which only the observations answer.
const ranges = [{ from: day('2024-01-01'), to: day('2025-06-30') }, { from: day('2025-04-01') }, { to: day('2024-12-31') }, { from: day('2025-04-15'), to: day('2025-05-31') }];

/**
 * The query shapes compared for one metric: every grouping with every bucket; every range with every
 * bucket a range can take; every filter a rollup has a column for, with and without a range. Ranges
 * and filters alternate their grouping instead of taking every one: the groupings are covered above.
 */
export function shapesOf(metric: Metric, campaignId: number, officeId: number): Shape[] {
  const shapes: Shape[] = [];
  for (const groupBy of everyGrouping(metric)) for (const granularity of everyBucket) shapes.push({ groupBy, granularity, filter: {} });
  ranges.forEach((filter, i) => (['MONTH', 'YEAR', 'ALL'] as const).forEach((granularity, j) => shapes.push({ groupBy: (i + j) % 2 ? ['province'] : [], granularity, filter })));
  const filters: Shape['filter'][] = [
    { regionCode: '53' },
    { regionCode: '53.71' },
    { regionCode: '53.71.01' },
    { excludeOfficeTypes: ['MINISTRY', 'DIRECTORATE_GENERAL'] },
    { officeTypes: ['MINISTRY', 'DIRECTORATE_GENERAL'] },
    { campaignId },
    { officeId },
    // Lists keep observations matching any item; regions of mixed levels need the finer column.
    { regionCodes: ['53', '31'] },
    { regionCodes: ['53.71', '31'] },
    { officeIds: [officeId, officeId + 1] },
    ...metric.dimensions.map((key) => ({ dimensions: [{ key, values: key === 'passport_type' ? ['electronic', 'ordinary'] : ['genjah_hibrida', 'none'] }] })),
    ...metric.dimensions.map((key) => ({ dimensions: [{ key, value: key === 'passport_type' ? 'electronic' : 'genjah_hibrida' }] })),
  ];
  filters.forEach((filter, i) => {
    const groupBy = i % 2 ? ['regency'] : [];
    shapes.push({ groupBy, granularity: 'YEAR', filter: { ...filter, from: day('2025-04-01') } }, { groupBy, granularity: 'ALL', filter });
  });
  return shapes;
}

/** Compares each rollup that claims a shape with the observations; returns the rows compared per rollup. */
export async function expectRollupsExact(database: TestDatabase, options: Pick<SeriesQuery, 'includeSynthetic' | 'includeUnpublished'>): Promise<Map<RollupName, number>> {
  const metrics = await database.prisma.metric.findMany({ orderBy: { key: 'asc' } });
  const campaign = await database.prisma.campaign.findUniqueOrThrow({ where: { slug: 'hbi-76-2026' } });
  const office = await database.prisma.office.findUniqueOrThrow({ where: { code: 'kanwil-ditjenim-ntt' } });
  const compared = new Map<RollupName, number>();
  for (const metric of metrics) {
    for (const shape of shapesOf(metric, campaign.id, office.id)) {
      const candidates = rollupsAnswering(metric, shape);
      if (candidates.length === 0) continue;
      const query: SeriesQuery = { metric, ...shape, ...options };
      const [raw, ...answers] = await Promise.all([
        querySeries(database, { ...query, source: 'observations' }),
        ...candidates.map((rollup) => querySeries(database, { ...query, source: rollup })),
      ]);
      candidates.forEach((rollup, i) => {
        expect(answers[i], `${metric.key} from ${rollup}: ${JSON.stringify(shape)}`).toEqual(raw);
        compared.set(rollup, (compared.get(rollup) ?? 0) + (raw?.length ?? 0));
      });
    }
  }
  return compared;
}

/**
 * Rebuilds every rollup from the observations (`refresh_all_rollups`) and expects what the write
 * triggers had kept to be exactly that, row for row, in one statement per rollup. `after` names the
 * writes, for the failure message. Since the rebuild answers like the observations (the full
 * comparison after the load), rollups equal to it do too.
 */
export async function expectRollupsMatchRebuild(database: TestDatabase, after: string): Promise<void> {
  await database.sql.transaction(async (sql) => {
    for (const rollup of rollupNames) await sql.exec(`CREATE TEMPORARY TABLE kept_${rollup} ON COMMIT DROP AS SELECT * FROM ${rollup}`);
    await sql.exec('SELECT refresh_all_rollups()');
    for (const rollup of rollupNames) {
      const [difference] = await sql.query<{ kept_only: number; rebuilt_only: number; rows: number }>(
        `SELECT (SELECT count(*)::int FROM (SELECT * FROM kept_${rollup} EXCEPT ALL SELECT * FROM ${rollup}) d) AS kept_only,
                (SELECT count(*)::int FROM (SELECT * FROM ${rollup} EXCEPT ALL SELECT * FROM kept_${rollup}) d) AS rebuilt_only,
                (SELECT count(*)::int FROM ${rollup}) AS rows`,
      );
      expect(difference, `${rollup} after ${after}: rows kept by the triggers vs rebuilt`).toMatchObject({ kept_only: 0, rebuilt_only: 0 });
      expect(difference?.rows, `${rollup} after ${after}`).toBeGreaterThan(0);
    }
  });
}
