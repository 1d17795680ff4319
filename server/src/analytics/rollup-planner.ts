import type { Aggregation } from '@pantau/prisma/client';

export type Granularity = 'DAY' | 'WEEK' | 'MONTH' | 'QUARTER' | 'YEAR' | 'ALL';

/** What a query needs a source to hold, apart from the metric, the period and the visibility flags. */
export type Column = 'province' | 'regency' | 'location' | 'office' | 'officeType' | 'program' | 'campaign' | 'dimensions';

export type RollupName =
  'rollup_province_total' | 'rollup_national_month' | 'rollup_province_month' | 'rollup_regency_month' | 'rollup_campaign_month' | 'rollup_series_month' | 'rollup_series_total';
export type SeriesSource = 'observations' | RollupName;

export interface MetricRules {
  id: number;
  key: string;
  timeAggregation: Aggregation;
  spaceAggregation: Aggregation;
}

/** The parts of a series query that decide where it can be read. */
export interface PlanInput {
  granularity: Granularity;
  groupBy: readonly string[];
  filter: {
    regionCode?: string | undefined;
    /** Any of these regions (and everything in them). */
    regionCodes?: readonly string[] | undefined;
    officeId?: number | undefined;
    officeIds?: readonly number[] | undefined;
    programId?: number | undefined;
    programIds?: readonly number[] | undefined;
    campaignId?: number | undefined;
    from?: Date | undefined;
    to?: Date | undefined;
    dimensions?: readonly unknown[] | undefined;
    officeTypes?: readonly unknown[] | undefined;
    excludeOfficeTypes?: readonly unknown[] | undefined;
  };
}

interface Rollup {
  name: RollupName;
  /** Holds sums and counts, so it answers only metrics whose rules are both SUM; else it holds every statistic, for the other metrics only. */
  additive: boolean;
  /** Buckets of a month; otherwise one row per series over all time. */
  monthly: boolean;
  columns: readonly Column[];
  /** Holds only observations of a campaign, so it answers only queries for one campaign. */
  campaignOnly?: boolean;
}

const everything: readonly Column[] = ['province', 'regency', 'location', 'office', 'officeType', 'program', 'campaign', 'dimensions'];

/** Smallest first: the planner takes the first that answers exactly. */
const rollups: readonly Rollup[] = [
  { name: 'rollup_province_total', additive: true, monthly: false, columns: ['province', 'officeType', 'program', 'dimensions'] },
  { name: 'rollup_series_total', additive: false, monthly: false, columns: everything },
  { name: 'rollup_national_month', additive: true, monthly: true, columns: ['officeType', 'program', 'dimensions'] },
  { name: 'rollup_campaign_month', additive: true, monthly: true, columns: everything, campaignOnly: true },
  { name: 'rollup_province_month', additive: true, monthly: true, columns: ['province', 'officeType', 'program', 'dimensions'] },
  { name: 'rollup_regency_month', additive: true, monthly: true, columns: ['province', 'regency', 'officeType', 'program', 'dimensions'] },
  { name: 'rollup_series_month', additive: false, monthly: true, columns: everything },
];

const groupColumns: Record<string, Column> = { province: 'province', regency: 'regency', region: 'location', office: 'office', program: 'program', campaign: 'campaign' };

/** The level a region filter needs: province and regency codes have their own columns; anything finer needs the place itself. */
export function regionFilterColumn(code: string): Column {
  if (/^\d{2}$/.test(code)) return 'province';
  if (/^\d{2}\.\d{2}$/.test(code)) return 'regency';
  return 'location';
}

function neededColumns(query: PlanInput): Set<Column> {
  const needed = new Set<Column>();
  for (const key of query.groupBy) needed.add(groupColumns[key] ?? 'dimensions');
  const f = query.filter;
  for (const code of [...(f.regionCode ? [f.regionCode] : []), ...(f.regionCodes ?? [])]) needed.add(regionFilterColumn(code));
  if (f.officeId !== undefined || f.officeIds?.length) needed.add('office');
  if (f.programId !== undefined || f.programIds?.length) needed.add('program');
  if (f.campaignId !== undefined) needed.add('campaign');
  if (f.dimensions?.length) needed.add('dimensions');
  if (f.officeTypes?.length || f.excludeOfficeTypes?.length) needed.add('officeType');
  return needed;
}

const isFirstOfMonth = (day: Date) => day.getUTCDate() === 1;
const isLastOfMonth = (day: Date) => new Date(day.getTime() + 86_400_000).getUTCDate() === 1;

export function isAdditive(metric: Pick<MetricRules, 'timeAggregation' | 'spaceAggregation'>): boolean {
  return metric.timeAggregation === 'SUM' && metric.spaceAggregation === 'SUM';
}

/**
 * Whether `rollup` gives exactly the answer the observations would. Monthly rollups need buckets of a
 * month or longer and a range of whole months: `to` on a month's last day, `from` on a month's first
 * (the observations that start earlier and reach into the range are added from the observations).
 * The all-time rollup answers only one bucket over all time.
 */
export function rollupAnswers(rollup: RollupName, metric: MetricRules, query: PlanInput): boolean {
  const definition = rollups.find((r) => r.name === rollup);
  if (!definition || definition.additive !== isAdditive(metric)) return false;
  const { from, to } = query.filter;
  if (definition.monthly) {
    if (query.granularity === 'DAY' || query.granularity === 'WEEK' || (from && !isFirstOfMonth(from)) || (to && !isLastOfMonth(to))) return false;
  } else if (query.granularity !== 'ALL' || from || to) {
    return false;
  }
  if (definition.campaignOnly && query.filter.campaignId === undefined) return false;
  return [...neededColumns(query)].every((column) => definition.columns.includes(column));
}

/** Every rollup that answers `query` for `metric` exactly, smallest first. */
export function rollupsAnswering(metric: MetricRules, query: PlanInput): RollupName[] {
  return rollups.filter((r) => rollupAnswers(r.name, metric, query)).map((r) => r.name);
}

/** The smallest source that answers exactly: a rollup when one does, else the observations. */
export function planSource(metric: MetricRules, query: PlanInput): SeriesSource {
  return rollupsAnswering(metric, query)[0] ?? 'observations';
}

/** Why no rollup answers `query` (for the trace), when none does; undefined when one does. */
export function whyObservations(metric: MetricRules, query: PlanInput): string | undefined {
  if (rollupsAnswering(metric, query).length > 0) return undefined;
  if (query.granularity === 'WEEK') return 'WEEK buckets (ISO weeks) cut across months: the month rollups cannot answer them';
  if (query.granularity === 'DAY') return 'DAY buckets are finer than the month rollups';
  const { from, to } = query.filter;
  if ((from && !isFirstOfMonth(from)) || (to && !isLastOfMonth(to))) return 'the range does not start and end on whole months';
  return 'no rollup holds every column the grouping and filters need';
}

export function isMonthly(source: SeriesSource): boolean {
  return rollups.find((r) => r.name === source)?.monthly ?? false;
}
