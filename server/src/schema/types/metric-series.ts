import type { Metric as MetricRow } from '@pantau/prisma/client';
import { SeriesAnswer } from '../../analytics/series-answer.ts';
import { windowRows } from '../../analytics/series-order.ts';
import { type Granularity as GranularityValue, type SeriesRow } from '../../analytics/series.ts';
import type { SuppressionRule } from '../../analytics/suppression.ts';
import { builder } from '../builder.ts';
import { requireRestricted } from '../restricted.ts';
import { metricFor } from '../filters.ts';
import { DerivedValue, PeriodChange, Suppression, TargetProgress } from './derived-value.ts';
import { Metric } from './metric.ts';
import { SeriesBucket } from './series-bucket.ts';
import { checkGroupBy, rowWindow, suppressionFor, windowArgs } from './series-request.ts';
import { SeriesFilter, seriesFilterFrom } from './series-filter.ts';
import { Source } from './source.ts';
import type { CellSuppression } from '../../visibility/small-cells.ts';
import { seriesColumns } from './series-columns.ts';

export const Granularity = builder.enumType('Granularity', {
  description: 'Width of the time buckets of a series.',
  values: {
    DAY: {},
    WEEK: { description: 'ISO 8601 weeks, Monday to Sunday, labelled `2025-W03`; always read from the observations (weeks cut across the month rollups).' },
    MONTH: {},
    QUARTER: {},
    YEAR: {},
  } as const,
});

interface SeriesRowShape extends SeriesRow {
  granularity: GranularityValue;
}

/** A row of an answer: where it sits in it, for the figures derived from the whole answer. */
export interface AnsweredRow extends SeriesRowShape {
  answer: SeriesAnswer;
  index: number;
}

export const AggregateValue = builder.objectRef<SeriesRowShape & { suppression?: CellSuppression | null }>('AggregateValue');

/** Fields shared by every aggregated number: its value, bound, provenance and synthetic flag. */
AggregateValue.implement({
  description: 'An aggregated number with its provenance.',
  fields: (t) => ({
    value: t.field({ type: 'Decimal', nullable: true, description: 'The aggregated value, exact; null when suppressed.', resolve: (row) => (row.suppression ? null : row.value) }),
    suppressed: t.boolean({
      description: 'True when a sensitive metric’s small count (or its complement) is hidden from callers without `read:restricted`.',
      resolve: (row) => Boolean(row.suppression),
    }),
    suppression: t.field({ type: Suppression, nullable: true, description: 'The rule that hid the number, when it is hidden.', resolve: (row) => row.suppression ?? null }),
    isLowerBound: t.exposeBoolean('isLowerBound', {
      description: 'True when a source gave a lower bound ("more than") for a value that went into this number: the true figure is at least this.',
    }),
    synthetic: t.exposeBoolean('synthetic', { description: 'True when any synthetic (generated) observation went into this number.' }),
    observationCount: t.exposeInt('observationCount', { description: 'How many observations went into this number.' }),
    sources: t.field({ type: [Source], description: 'The sources behind this number.', resolve: (row) => row.sourceIds }),
  }),
});

const hiddenOf = (row: AnsweredRow): SuppressionRule | null => row.answer.hidden[row.index] ?? null;
const suppressionOf = (rule: SuppressionRule | null, answer: SeriesAnswer) => (rule && answer.query.suppression ? { rule, threshold: answer.query.suppression.threshold } : null);

export const SeriesRowRef = builder.objectRef<AnsweredRow>('MetricSeriesRow').implement({
  description: 'One row of a series: a period bucket and the chosen groups, with the aggregated value and the figures derived from it.',
  interfaces: [SeriesBucket],
  fields: (t) => ({
    metric: t.field({ type: Metric, description: 'The metric.', resolve: (row) => row.metricId }),
    value: t.field({
      type: 'Decimal',
      nullable: true,
      description: 'Aggregated value, exact; null when the cell is suppressed (`suppressed`).',
      resolve: (row) => (hiddenOf(row) ? null : row.value),
    }),
    isLowerBound: t.exposeBoolean('isLowerBound', { description: 'True when the value is a lower bound.' }),
    synthetic: t.exposeBoolean('synthetic', { description: 'True when synthetic data went into this row.' }),
    observationCount: t.exposeInt('observationCount', { description: 'How many observations went into this row.' }),
    sources: t.field({ type: [Source], description: 'Sources behind this row.', resolve: (row) => row.sourceIds }),
    suppressed: t.boolean({
      description: 'True when the metric is sensitive and this cell is hidden from callers without `read:restricted` (its value and the figures derived from it are null).',
      resolve: (row) => Boolean(hiddenOf(row)),
    }),
    suppression: t.field({
      type: Suppression,
      nullable: true,
      description: 'The rule that hid the cell, when it is hidden.',
      resolve: (row) => suppressionOf(hiddenOf(row), row.answer),
    }),
    shareOfTotal: t.field({
      type: DerivedValue,
      description: 'The row’s share of its period’s total across the groups, a fraction rounded to six places (metrics that add up across places).',
      resolve: (row) => row.answer.shareOfTotal(row.index),
    }),
    change: t.field({
      type: PeriodChange,
      description: 'Against the same group in the previous period, absolute and in percent; null with a reason when that period has no figure.',
      resolve: (row) => row.answer.change(row.index),
    }),
    runningTotal: t.field({
      type: DerivedValue,
      description: 'The group’s total from the first period of the answer up to this one (metrics summed over time).',
      resolve: (row) => row.answer.runningTotal(row.index),
    }),
    progress: t.field({
      type: TargetProgress,
      description: 'Progress against the target set for this metric, period and place (`targets`).',
      resolve: (row) => row.answer.progress(row.index),
    }),
  }),
});

interface TotalShape extends SeriesRowShape {
  hidden: SuppressionRule | null;
  threshold: number;
}

const SeriesTotal = builder.objectRef<TotalShape>('SeriesTotal').implement({
  description: 'The whole filtered range of a series as one number, with its provenance.',
  fields: (t) => ({
    value: t.field({ type: 'Decimal', nullable: true, description: 'The aggregated value, exact; null when suppressed.', resolve: (row) => (row.hidden ? null : row.value) }),
    isLowerBound: t.exposeBoolean('isLowerBound', { description: 'True when a lower bound went into this number: the true figure is at least this.' }),
    synthetic: t.exposeBoolean('synthetic', { description: 'True when any synthetic (generated) observation went into this number.' }),
    observationCount: t.exposeInt('observationCount', { description: 'How many observations went into this number.' }),
    sources: t.field({ type: [Source], description: 'The sources behind this number.', resolve: (row) => row.sourceIds }),
    suppressed: t.boolean({ description: 'True when the total is itself a small count of a sensitive metric.', resolve: (row) => Boolean(row.hidden) }),
    suppression: t.field({
      type: Suppression,
      nullable: true,
      description: 'The rule that hid the total, when it is hidden.',
      resolve: (row) => (row.hidden ? { rule: row.hidden, threshold: row.threshold } : null),
    }),
  }),
});

interface SeriesShape {
  metric: MetricRow;
  granularity: GranularityValue;
  groupBy: string[];
  /** Made on first use: a chart that reads `columns` never pays for thousands of row objects. */
  rows: () => AnsweredRow[];
  rowCount: number;
  total: TotalShape | null;
  /** Built once per answer, whichever of `columns` and `sources` asks first. */
  columns: () => ReturnType<typeof seriesColumns>;
}

const MetricSeries = builder.objectRef<SeriesShape>('MetricSeries').implement({
  description: 'A metric aggregated by period and the chosen groups, honouring the metric’s aggregation rules.',
  fields: (t) => ({
    metric: t.field({ type: Metric, description: 'The metric.', resolve: (s) => s.metric }),
    granularity: t.field({ type: Granularity, description: 'Bucket width.', resolve: (s) => s.granularity as 'YEAR' }),
    groupBy: t.stringList({ description: 'The groupings used.', resolve: (s) => s.groupBy }),
    rows: t.field({
      type: [SeriesRowRef],
      description: 'Rows in the order asked (by period, then groups, unless `orderBy` says otherwise), cut by `topPerPeriod`, `offset` and `limit`.',
      resolve: (s) => s.rows(),
    }),
    columns: t.field({
      type: 'MetricSeriesColumns',
      description: 'The same rows as `rows`, one array per field (see the scalar): for charts and tables of many rows, several times smaller and faster than `rows`.',
      resolve: (s) => s.columns().columns,
    }),
    sources: t.field({
      type: [Source],
      description: 'The sources of the rows, in the order `columns.sourceSets` refers to them.',
      resolve: (s) => s.columns().sourceIds,
    }),
    rowCount: t.exposeInt('rowCount', { description: 'Rows before `offset` and `limit`, for paging.' }),
    total: t.field({
      type: SeriesTotal,
      nullable: true,
      description: 'The whole filtered range as one number (time rule per series, then space rule); null when nothing matched.',
      resolve: (s) => s.total,
    }),
  }),
});

builder.queryField('metricSeries', (t) =>
  t.field({
    type: MetricSeries,
    description:
      'A metric over time, grouped by any of `province`, `regency`, `region`, `office`, `program`, `campaign` and the metric’s dimension keys. ' +
      'Values combine first over time within each bucket with the metric’s time rule, then across places and offices with its space rule. ' +
      'Cells of a sensitive metric below its threshold are suppressed for callers without `read:restricted`.',
    args: {
      metric: t.arg.string({ required: true, description: 'Metric key, e.g. `passports_issued`.' }),
      groupBy: t.arg.stringList({ defaultValue: [], description: 'Groupings, e.g. `["province"]` or `["passport_type"]`.' }),
      granularity: t.arg({ type: Granularity, defaultValue: 'YEAR', description: 'Bucket width.' }),
      filter: t.arg({ type: SeriesFilter, description: 'Conditions the observations must meet.' }),
      includeSynthetic: t.arg.boolean({ defaultValue: false, description: 'Include synthetic (generated) observations.' }),
      includeUnpublished: t.arg.boolean({ defaultValue: false, description: 'Include figures not yet published (API keys with `read:restricted` only).' }),
      asOf: t.arg({ type: 'DateTime', description: 'Answer as the figures stood at this moment, computed from the observations and their revisions.' }),
      ...windowArgs(t),
    },
    resolve: async (_root, args, context) => {
      const includeUnpublished = requireRestricted(context, args.includeUnpublished, 'includeUnpublished');
      const window = rowWindow(args);
      const metric = await metricFor(context, args.metric);
      const groupBy = args.groupBy ?? [];
      checkGroupBy([metric], groupBy);
      const filter = await seriesFilterFrom(context, args.filter);
      const granularity = args.granularity ?? 'YEAR';
      const includeSynthetic = args.includeSynthetic ?? false;
      const [suppression, asOf] = [suppressionFor(context, metric), args.asOf ?? undefined];
      const query = { metric, granularity, groupBy, filter, includeSynthetic, includeUnpublished, suppression, asOf };
      const [answer, totals] = await Promise.all([SeriesAnswer.load(context.database, query), SeriesAnswer.load(context.database, { ...query, granularity: 'ALL', groupBy: [] })]);
      const page = windowRows(
        answer.rows.map((row, index) => ({ periodStart: row.periodStart, value: row.value, hidden: Boolean(answer.hidden[index]), index })),
        window,
      );
      const [found] = totals.rows;
      const total = found ? { ...found, granularity, hidden: totals.hidden[0] ?? null, threshold: metric.suppressionThreshold } : null;
      let rows: AnsweredRow[] | undefined;
      let columns: ReturnType<typeof seriesColumns> | undefined;
      const picked = () => page.rows.map(({ index }) => answer.rows[index] as SeriesRow);
      return {
        metric,
        granularity,
        groupBy,
        rows: () => (rows ??= page.rows.map(({ index }) => ({ ...(answer.rows[index] as SeriesRow), granularity, answer, index }))),
        columns: () => (columns ??= seriesColumns({ rows: picked(), hidden: page.rows.map((row) => row.hidden), granularity }, groupBy, context)),
        rowCount: page.rowCount,
        total,
      };
    },
  }),
);
