import type { Observation as ObservationRow, Prisma } from '@pantau/prisma/client';
import { dimensionValueLabel } from '../../labels.ts';
import { builder } from '../builder.ts';
import { inKeyOrder, parseRowId, rowIds } from '../load-by-key.ts';
import { campaignFor, dateRange, metricFor, officeFor, programFor, regionCodeFilter } from '../filters.ts';
import { paginate, withTotalCount } from '../pagination.ts';
import { Lang } from '../scalars.ts';
import { visibilityAsked, visibilityById, visibleObservationsWhere } from '../../visibility/observations.ts';
import { observationSuppression, type CellSuppression } from '../../visibility/small-cells.ts';
import type { GraphQLContext } from '../../context.ts';
import { Suppression } from './derived-value.ts';
import { Campaign } from './campaign.ts';
import { Metric } from './metric.ts';
import { Office } from './office.ts';
import { Program } from './program.ts';
import { Region } from './region.ts';
import { Source } from './source.ts';
import { observationsListAsOf } from '../../revisions/observation-list-as-of.ts';

export const DimensionValue = builder.objectRef<{ key: string; value: string }>('DimensionValue').implement({
  description: 'One dimension of an observation, e.g. `passport_type` = `electronic`.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Dimension key, one of the metric’s `dimensions`.' }),
    value: t.exposeString('value', { description: 'Value, e.g. `electronic`.' }),
    label: t.string({
      description: 'The value as words in the requested language, e.g. `Paspor elektronik` / `Electronic passport`.',
      args: { lang: t.arg({ type: Lang, defaultValue: 'ID', description: 'Language: ID (Bahasa Indonesia, the default) or EN (English).' }) },
      resolve: (d, { lang }) => dimensionValueLabel(d.key, d.value, lang),
    }),
  }),
});

export function dimensionList(dimensions: unknown): { key: string; value: string }[] {
  if (!dimensions || typeof dimensions !== 'object') return [];
  return Object.entries(dimensions as Record<string, unknown>).map(([key, value]) => ({ key, value: String(value) }));
}

/** By id, an observation the caller may not see loads as null, exactly like one that does not exist. */
export const Observation = builder.loadableNodeRef<ObservationRow | null, number, number, number, ObservationRow>('Observation', {
  id: { resolve: (row) => row.id, parse: parseRowId },
  load: async (keys, context) =>
    inKeyOrder(
      keys,
      await context.database.prisma.observation.findMany({ where: { AND: [{ id: { in: rowIds(keys) } }, visibleObservationsWhere(visibilityById(context))] } }),
      (row) => row.id,
    ),
});

async function suppressionOf(o: ObservationRow, context: GraphQLContext): Promise<CellSuppression | null> {
  const metric = await Metric.getDataloader(context).load(o.metricId);
  return metric ? observationSuppression(context.scopes, metric, o.value.toString()) : null;
}

Observation.implement({
  description: 'One number: the value of a metric over a period, for an office, region, program or campaign, with its source.',
  fields: (t) => ({
    metric: t.field({ type: Metric, description: 'What was counted.', resolve: (o) => o.metricId }),
    value: t.field({
      type: 'Decimal',
      nullable: true,
      description: 'The exact value. When `isLowerBound` is true it is a minimum ("more than"). Null when suppressed (`suppressed`).',
      resolve: async (o, _args, context) => ((await suppressionOf(o, context)) ? null : o.value),
    }),
    suppressed: t.boolean({
      description: 'True when the metric is sensitive and the caller lacks `read:restricted`: single figures of such a metric are shown only inside suppressed tables.',
      resolve: async (o, _args, context) => Boolean(await suppressionOf(o, context)),
    }),
    suppression: t.field({
      type: Suppression,
      nullable: true,
      description: 'The rule that hid the value, when it is hidden.',
      resolve: (o, _args, context) => suppressionOf(o, context),
    }),
    isLowerBound: t.exposeBoolean('isLowerBound', { description: 'True when the source gives a lower bound ("lebih dari 500"), not an exact count.' }),
    periodStart: t.field({ type: 'Date', description: 'First day of the period.', resolve: (o) => o.periodStart }),
    periodEnd: t.field({ type: 'Date', description: 'Last day of the period (inclusive).', resolve: (o) => o.periodEnd }),
    office: t.field({ type: Office, nullable: true, description: 'Office that reported or carried out the activity.', resolve: (o) => o.officeId }),
    region: t.field({ type: Region, nullable: true, description: 'Region the figure is for.', resolve: (o) => o.regionCode }),
    program: t.field({ type: Program, nullable: true, description: 'Program the figure belongs to.', resolve: (o) => o.programId }),
    campaign: t.field({ type: Campaign, nullable: true, description: 'Campaign the figure belongs to.', resolve: (o) => o.campaignId }),
    dimensions: t.field({ type: [DimensionValue], description: 'Dimension values, e.g. passport type.', resolve: (o) => dimensionList(o.dimensions) }),
    published: t.exposeBoolean('published', {
      description: 'False for figures reported through the API or an import that an admin has not published yet (only `read:restricted` keys see them).',
    }),
    synthetic: t.exposeBoolean('synthetic', { description: 'True for generated demo data, never ministry data.' }),
    source: t.field({ type: Source, description: 'The source that states this figure.', resolve: (o) => o.sourceId }),
    sources: t.field({
      type: [Source],
      description: 'Every source that states this figure: its own source first, then corroborating ones.',
      resolve: async (o, _args, context) => [o.sourceId, ...(await context.loaders.corroborations.load(o.id))],
    }),
  }),
});

export const ObservationFilter = builder.inputType('ObservationFilter', {
  description: 'Narrows a list of observations; all given conditions must hold.',
  fields: (t) => ({
    metric: t.string({ description: 'Metric key, e.g. `passports_issued`.' }),
    regionCode: t.string({ description: 'Region code; matches the region and everything inside it.' }),
    officeCode: t.string({ description: 'Office code, e.g. `kanwil-ditjenim-ntt`.' }),
    program: t.string({ description: 'Program key, e.g. `bakti_sosial`.' }),
    campaign: t.string({ description: 'Campaign slug, e.g. `hbi-76-2026`.' }),
    from: t.field({ type: 'Date', description: 'Only periods ending on or after this day.' }),
    to: t.field({ type: 'Date', description: 'Only periods starting on or before this day.' }),
    includeSynthetic: t.boolean({ defaultValue: false, description: 'Include synthetic (generated) observations.' }),
    includeUnpublished: t.boolean({ defaultValue: false, description: 'Include figures not yet published (API keys with `read:restricted` only).' }),
  }),
});

builder.queryField('observations', (t) =>
  t.connection(
    {
      type: Observation,
      description: 'Individual observations, ordered by period start then id; with `asOf`, as they stood at that moment.',
      args: {
        filter: t.arg({ type: ObservationFilter, description: 'Conditions the results must meet.' }),
        asOf: t.arg({ type: 'DateTime', description: 'Answer as the figures stood at this moment: each observation as its version then (see `revisions`).' }),
      },
      resolve: async (_root, args, context) => {
        const f = args.filter;
        const range = dateRange(f?.from, f?.to, 'filter');
        const visibility = visibilityAsked(context, f?.includeUnpublished, 'filter.includeUnpublished');
        const region = f?.regionCode ? await regionCodeFilter(context, f.regionCode, 'filter.regionCode', 'regionCode') : {};
        const ids = {
          metricId: f?.metric ? (await metricFor(context, f.metric, 'filter.metric')).id : undefined,
          officeId: f?.officeCode ? (await officeFor(context, f.officeCode, 'filter.officeCode')).id : undefined,
          programId: f?.program ? (await programFor(context, f.program, 'filter.program')).id : undefined,
          campaignId: f?.campaign ? (await campaignFor(context, f.campaign, 'filter.campaign')).id : undefined,
        };
        if (args.asOf) {
          const filter = { ...range, ...ids, regionCode: f?.regionCode ?? undefined, includeSynthetic: Boolean(f?.includeSynthetic), visibility };
          const list = observationsListAsOf(context.database, args.asOf, filter);
          return paginate(
            args,
            (page) => list.page(page),
            () => list.count(),
          );
        }
        const where: Prisma.ObservationWhereInput = {
          AND: [
            f?.includeSynthetic ? {} : { synthetic: false },
            visibleObservationsWhere(visibility),
            ids.metricId !== undefined ? { metricId: ids.metricId } : {},
            region,
            ids.officeId !== undefined ? { officeId: ids.officeId } : {},
            ids.programId !== undefined ? { programId: ids.programId } : {},
            ids.campaignId !== undefined ? { campaignId: ids.campaignId } : {},
            range.from ? { periodEnd: { gte: range.from } } : {},
            range.to ? { periodStart: { lte: range.to } } : {},
          ],
        };
        return paginate(
          args,
          (page) => context.database.prisma.observation.findMany({ where, orderBy: [{ periodStart: 'asc' }, { id: 'asc' }], ...page }),
          () => context.database.prisma.observation.count({ where }),
        );
      },
    },
    withTotalCount,
  ),
);
