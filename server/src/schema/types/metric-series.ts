import type { Metric as MetricRow } from '@pantau/prisma/client';
import { builtInGroups, periodLabel, querySeries, type Granularity as GranularityValue, type SeriesRow } from '../../analytics/series.ts';
import { builder } from '../builder.ts';
import { badArgument } from '../errors.ts';
import { requireRestricted } from '../restricted.ts';
import { campaignFor, dateRange, metricFor, officeFor, programFor, regionCodeFilter } from '../filters.ts';
import { Campaign } from './campaign.ts';
import { Metric } from './metric.ts';
import { DimensionValue } from './observation.ts';
import { Office, OfficeType } from './office.ts';
import { Program } from './program.ts';
import { Region } from './region.ts';
import { Source } from './source.ts';

export const Granularity = builder.enumType('Granularity', {
  description: 'Width of the time buckets of a series.',
  values: { DAY: {}, MONTH: {}, QUARTER: {}, YEAR: {} } as const,
});

interface SeriesRowShape extends SeriesRow {
  granularity: GranularityValue;
}

export const AggregateValue = builder.objectRef<SeriesRowShape>('AggregateValue');

/** Fields shared by every aggregated number: its value, bound, provenance and synthetic flag. */
AggregateValue.implement({
  description: 'An aggregated number with its provenance.',
  fields: (t) => ({
    value: t.field({ type: 'Decimal', description: 'The aggregated value, exact.', resolve: (row) => row.value }),
    isLowerBound: t.exposeBoolean('isLowerBound', { description: 'True when a source gave a lower bound ("more than") for a value that went into this number: the true figure is at least this.' }),
    synthetic: t.exposeBoolean('synthetic', { description: 'True when any synthetic (generated) observation went into this number.' }),
    observationCount: t.exposeInt('observationCount', { description: 'How many observations went into this number.' }),
    sources: t.field({ type: [Source], description: 'The sources behind this number.', resolve: (row) => row.sourceIds }),
  }),
});

export const SeriesRowRef = builder.objectRef<SeriesRowShape>('MetricSeriesRow').implement({
  description: 'One row of a series: a period bucket and the chosen groups, with the aggregated value.',
  interfaces: [],
  fields: (t) => ({
    period: t.string({ description: 'The bucket as text: `2025`, `2025-Q1`, `2025-03` or `2025-03-01`.', resolve: (row) => (row.periodStart ? periodLabel(row.periodStart, row.granularity) : 'all') }),
    periodStart: t.field({ type: 'Date', description: 'First day of the bucket.', resolve: (row) => row.periodStart ?? new Date(0) }),
    periodEnd: t.field({ type: 'Date', description: 'Last day of the bucket.', resolve: (row) => row.periodEnd ?? new Date(0) }),
    province: t.field({ type: Region, nullable: true, description: 'Province, when grouped by `province`.', resolve: (row) => row.groups.province ?? null }),
    regency: t.field({ type: Region, nullable: true, description: 'Regency or city, when grouped by `regency`.', resolve: (row) => row.groups.regency ?? null }),
    region: t.field({ type: Region, nullable: true, description: 'Exact region of the observations, when grouped by `region`.', resolve: (row) => row.groups.region ?? null }),
    office: t.field({ type: Office, nullable: true, description: 'Office, when grouped by `office`.', resolve: (row) => (row.groups.office ? Number(row.groups.office) : null) }),
    program: t.field({ type: Program, nullable: true, description: 'Program, when grouped by `program`.', resolve: (row) => (row.groups.program ? Number(row.groups.program) : null) }),
    campaign: t.field({ type: Campaign, nullable: true, description: 'Campaign, when grouped by `campaign`.', resolve: (row) => (row.groups.campaign ? Number(row.groups.campaign) : null) }),
    dimensions: t.field({
      type: [DimensionValue],
      description: 'Dimension values, when grouped by dimension keys such as `passport_type`.',
      resolve: (row) =>
        Object.entries(row.groups)
          .filter(([key, value]) => !(builtInGroups as readonly string[]).includes(key) && value !== null)
          .map(([key, value]) => ({ key, value: value as string })),
    }),
    value: t.field({ type: 'Decimal', description: 'Aggregated value, exact.', resolve: (row) => row.value }),
    isLowerBound: t.exposeBoolean('isLowerBound', { description: 'True when the value is a lower bound.' }),
    synthetic: t.exposeBoolean('synthetic', { description: 'True when synthetic data went into this row.' }),
    sources: t.field({ type: [Source], description: 'Sources behind this row.', resolve: (row) => row.sourceIds }),
  }),
});

const MetricSeries = builder.objectRef<{ metric: MetricRow; granularity: GranularityValue; groupBy: string[]; rows: SeriesRowShape[]; total: SeriesRowShape | null }>('MetricSeries').implement({
  description: 'A metric aggregated by period and the chosen groups, honouring the metric’s aggregation rules.',
  fields: (t) => ({
    metric: t.field({ type: Metric, description: 'The metric.', resolve: (s) => s.metric }),
    granularity: t.field({ type: Granularity, description: 'Bucket width.', resolve: (s) => s.granularity as 'YEAR' }),
    groupBy: t.stringList({ description: 'The groupings used.', resolve: (s) => s.groupBy }),
    rows: t.field({ type: [SeriesRowRef], description: 'Rows ordered by period, then groups.', resolve: (s) => s.rows }),
    total: t.field({ type: AggregateValue, nullable: true, description: 'The whole filtered range as one number (time rule per series, then space rule); null when nothing matched.', resolve: (s) => s.total }),
  }),
});

const DimensionFilter = builder.inputType('DimensionFilter', {
  description: 'Keeps only observations whose dimension `key` has `value`.',
  fields: (t) => ({
    key: t.string({ required: true, description: 'Dimension key, e.g. `passport_type`.' }),
    value: t.string({ required: true, description: 'Value to keep, e.g. `electronic`.' }),
  }),
});

const SeriesFilter = builder.inputType('SeriesFilter', {
  description: 'Narrows the observations of a series.',
  fields: (t) => ({
    regionCode: t.string({ description: 'Region code; matches the region and everything in it (offices count by their own region).' }),
    officeCode: t.string({ description: 'Office code.' }),
    officeTypes: t.field({ type: [OfficeType], description: 'Only figures reported by offices of these types, e.g. `[IMMIGRATION_OFFICE]`.' }),
    program: t.string({ description: 'Program key.' }),
    campaign: t.string({ description: 'Campaign slug.' }),
    from: t.field({ type: 'Date', description: 'Only periods ending on or after this day.' }),
    to: t.field({ type: 'Date', description: 'Only periods starting on or before this day.' }),
    dimensions: t.field({ type: [DimensionFilter], description: 'Dimension values to keep, e.g. passport_type = electronic.' }),
  }),
});

builder.queryField('metricSeries', (t) =>
  t.field({
    type: MetricSeries,
    description:
      'A metric over time, grouped by any of `province`, `regency`, `region`, `office`, `program`, `campaign` and the metric’s dimension keys. ' +
      'Values combine first over time within each bucket with the metric’s time rule, then across places and offices with its space rule.',
    args: {
      metric: t.arg.string({ required: true, description: 'Metric key, e.g. `passports_issued`.' }),
      groupBy: t.arg.stringList({ defaultValue: [], description: 'Groupings, e.g. `["province"]` or `["passport_type"]`.' }),
      granularity: t.arg({ type: Granularity, defaultValue: 'YEAR', description: 'Bucket width.' }),
      filter: t.arg({ type: SeriesFilter, description: 'Conditions the observations must meet.' }),
      includeSynthetic: t.arg.boolean({ defaultValue: false, description: 'Include synthetic (generated) observations.' }),
      includeUnpublished: t.arg.boolean({ defaultValue: false, description: 'Include figures not yet published (API keys with `read:restricted` only).' }),
    },
    resolve: async (_root, args, context) => {
      const includeUnpublished = requireRestricted(context, args.includeUnpublished, 'includeUnpublished');
      const metric = await metricFor(context, args.metric);
      const groupBy = args.groupBy ?? [];
      const valid = [...builtInGroups, ...metric.dimensions];
      for (const key of groupBy) {
        if (!valid.includes(key)) throw badArgument('groupBy', `Cannot group \`${metric.key}\` by "${key}". Valid values: ${valid.join(', ')}`, { validValues: valid });
      }
      const f = args.filter;
      const range = dateRange(f?.from, f?.to, 'filter');
      if (f?.regionCode) await regionCodeFilter(context, f.regionCode, 'filter.regionCode', 'code');
      const filter = {
        regionCode: f?.regionCode ?? undefined,
        officeId: f?.officeCode ? (await officeFor(context, f.officeCode, 'filter.officeCode')).id : undefined,
        programId: f?.program ? (await programFor(context, f.program, 'filter.program')).id : undefined,
        campaignId: f?.campaign ? (await campaignFor(context, f.campaign, 'filter.campaign')).id : undefined,
        officeTypes: f?.officeTypes ?? undefined,
        ...range,
        dimensions: f?.dimensions ?? [],
      };
      const granularity = args.granularity ?? 'YEAR';
      const includeSynthetic = args.includeSynthetic ?? false;
      const [rows, totals] = await Promise.all([
        querySeries(context.database, { metric, granularity, groupBy, filter, includeSynthetic, includeUnpublished }),
        querySeries(context.database, { metric, granularity: 'ALL', groupBy: [], filter, includeSynthetic, includeUnpublished }),
      ]);
      const withGranularity = (row: SeriesRow) => ({ ...row, granularity });
      return { metric, granularity, groupBy, rows: rows.map(withGranularity), total: totals[0] ? withGranularity(totals[0]) : null };
    },
  }),
);
