import type { Campaign as CampaignRow, Metric as MetricRow } from '@pantau/prisma/client';
import { queryMetricsSeries, type SeriesRow } from '../../analytics/series.ts';
import { unitLabel } from '../../labels.ts';
import { builder } from '../builder.ts';
import { campaignFor } from '../filters.ts';
import { Lang } from '../scalars.ts';
import { suppressAnswers, type Suppressed } from '../../visibility/small-cells.ts';
import { Campaign } from './campaign.ts';
import { Suppression } from './derived-value.ts';
import { Metric, Unit } from './metric.ts';
import { Office } from './office.ts';
import { Region } from './region.ts';
import { Source } from './source.ts';

type Row = Suppressed<SeriesRow>;

const suppressedDescription =
  'True when the metric is sensitive and this number is hidden from callers without `read:restricted` (a small count, or one that would give a small count away).';

const Breakdown = builder.objectRef<Row>('CampaignBreakdown').implement({
  description: 'Part of a campaign total: one office or one region.',
  fields: (t) => ({
    office: t.field({
      type: Office,
      nullable: true,
      description: 'The office, in a breakdown by office.',
      resolve: (row) => (row.groups.office ? Number(row.groups.office) : null),
    }),
    region: t.field({ type: Region, nullable: true, description: 'The region, in a breakdown by region.', resolve: (row) => row.groups.region ?? null }),
    value: t.field({ type: 'Decimal', nullable: true, description: 'Exact value; null when suppressed.', resolve: (row) => (row.suppression ? null : row.value) }),
    suppressed: t.boolean({ description: suppressedDescription, resolve: (row) => Boolean(row.suppression) }),
    suppression: t.field({ type: Suppression, nullable: true, description: 'The rule that hid the value, when it is hidden.', resolve: (row) => row.suppression }),
    isLowerBound: t.exposeBoolean('isLowerBound', { description: 'True when the value is a lower bound ("more than").' }),
    synthetic: t.exposeBoolean('synthetic', { description: 'True when synthetic data went into it.' }),
  }),
});

const MetricTotal = builder.objectRef<{ metric: MetricRow; total: Row; byOffice: Row[]; byRegion: Row[] }>('CampaignMetricTotal').implement({
  description: 'A campaign’s total for one metric, with its unit, provenance and breakdowns.',
  fields: (t) => ({
    metric: t.field({ type: Metric, description: 'The metric.', resolve: (m) => m.metric }),
    unit: t.field({ type: Unit, description: 'Unit of the value.', resolve: (m) => m.metric.unit }),
    unitLabel: t.string({
      description: 'Unit as a word, e.g. `bibit` / `seedlings`.',
      args: { lang: t.arg({ type: Lang, defaultValue: 'ID', description: 'Language: ID (Bahasa Indonesia, the default) or EN (English).' }) },
      resolve: (m, { lang }) => unitLabel(m.metric.unit, lang),
    }),
    value: t.field({
      type: 'Decimal',
      nullable: true,
      description: 'Exact total over the campaign; null when suppressed.',
      resolve: (m) => (m.total.suppression ? null : m.total.value),
    }),
    suppressed: t.boolean({ description: suppressedDescription, resolve: (m) => Boolean(m.total.suppression) }),
    suppression: t.field({ type: Suppression, nullable: true, description: 'The rule that hid the total, when it is hidden.', resolve: (m) => m.total.suppression }),
    isLowerBound: t.boolean({ description: 'True when the total is a lower bound, e.g. "more than 500 donors".', resolve: (m) => m.total.isLowerBound }),
    synthetic: t.boolean({ description: 'True when synthetic data went into the total.', resolve: (m) => m.total.synthetic }),
    sources: t.field({ type: [Source], description: 'Sources behind the total.', resolve: (m) => m.total.sourceIds }),
    byOffice: t.field({ type: [Breakdown], description: 'The total split by reporting office.', resolve: (m) => m.byOffice }),
    byRegion: t.field({ type: [Breakdown], description: 'The total split by the region the figures are for.', resolve: (m) => m.byRegion }),
  }),
});

const CampaignTotals = builder.objectRef<{ campaign: CampaignRow; metrics: { metric: MetricRow; total: Row; byOffice: Row[]; byRegion: Row[] }[] }>('CampaignTotals').implement({
  description: 'Headline figures of a campaign.',
  fields: (t) => ({
    campaign: t.field({ type: Campaign, description: 'The campaign.', resolve: (c) => c.campaign }),
    metrics: t.field({ type: [MetricTotal], description: 'One total per metric the campaign reported, ordered by metric key.', resolve: (c) => c.metrics }),
  }),
});

builder.queryField('campaignTotals', (t) =>
  t.field({
    type: CampaignTotals,
    description: 'For a campaign: each metric’s total with unit, lower-bound flag and sources, and breakdowns by office and by region.',
    args: {
      slug: t.arg.string({ required: true, description: 'Campaign slug, e.g. `hbi-76-2026`.' }),
      includeSynthetic: t.arg.boolean({ defaultValue: false, description: 'Include synthetic (generated) observations.' }),
    },
    resolve: async (_root, args, context) => {
      const campaign = await campaignFor(context, args.slug);
      const includeSynthetic = args.includeSynthetic ?? false;
      // Every metric in one statement per breakdown, so the statements per request stay the same
      // however many metrics a campaign reports; metrics it did not report give no rows.
      const metrics = await context.database.prisma.metric.findMany({ orderBy: { key: 'asc' } });
      const query = { granularity: 'ALL' as const, filter: { campaignId: campaign.id }, includeSynthetic };
      // Each breakdown is suppressed as the same question asked of metricSeries would be.
      const [totals, byOffice, byRegion] = await Promise.all(
        [[], ['office'], ['region']].map(async (groupBy) => {
          const rows = await queryMetricsSeries(context.database, { ...query, groupBy, metrics });
          return suppressAnswers(context.database, rows, metrics, context.scopes, { ...query, groupBy });
        }),
      );
      const rowsOf = (rows: Suppressed<SeriesRow>[] | undefined, metric: MetricRow) => (rows ?? []).filter((row) => row.metricId === metric.id);
      return {
        campaign,
        metrics: metrics.flatMap((metric) => {
          const [total] = rowsOf(totals, metric);
          return total ? [{ metric, total, byOffice: rowsOf(byOffice, metric), byRegion: rowsOf(byRegion, metric) }] : [];
        }),
      };
    },
  }),
);
