import type { Metric as MetricRow } from '@pantau/prisma/client';
import { builder } from '../builder.ts';
import { inKeyOrder, parseRowId, rowIds } from '../load-by-key.ts';
import { paginate, withTotalCount } from '../pagination.ts';
import { Lang, pick } from '../scalars.ts';
import { unitLabel } from '../../labels.ts';

export const Unit = builder.enumType('Unit', {
  description: 'What a metric counts.',
  values: {
    PACKAGE: { description: 'paket / packages' },
    SEEDLING: { description: 'bibit / seedlings' },
    PERSON: { description: 'orang / people' },
    DOCUMENT: { description: 'dokumen / documents' },
    VILLAGE: { description: 'desa / villages' },
    OFFICER: { description: 'petugas / officers' },
    OFFICE: { description: 'kantor / offices' },
    ACTIVITY: { description: 'kegiatan / activities' },
    ITEM_KIND: { description: 'jenis barang / kinds of items' },
    PROGRAM: { description: 'program / programs' },
  } as const,
});

export const Aggregation = builder.enumType('Aggregation', {
  description: 'How values combine.',
  values: {
    SUM: { description: 'Added up.' },
    LATEST: { description: 'The most recent value counts (a stock, such as officers in post).' },
    MAX: { description: 'The largest value counts.' },
  } as const,
});

export const Metric = builder.loadableNodeRef<MetricRow | null, number, number, number, MetricRow>('Metric', {
  id: { resolve: (row) => row.id, parse: parseRowId },
  load: async (keys, context) => inKeyOrder(keys, await context.database.prisma.metric.findMany({ where: { id: { in: rowIds(keys) } } }), (row) => row.id),
});

Metric.implement({
  description: 'Something Pantau counts, with its unit and aggregation rules.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable key used by `metricSeries` and the widgets, e.g. `passports_issued`.' }),
    name: t.string({
      description: 'Name in the requested language.',
      args: { lang: t.arg({ type: Lang, defaultValue: 'ID', description: 'Language: ID (Bahasa Indonesia, the default) or EN (English).' }) },
      resolve: (m, { lang }) => pick(lang, m.nameId, m.nameEn),
    }),
    description: t.string({
      description: 'Definition in the requested language.',
      args: { lang: t.arg({ type: Lang, defaultValue: 'ID', description: 'Language: ID (Bahasa Indonesia, the default) or EN (English).' }) },
      resolve: (m, { lang }) => pick(lang, m.descriptionId, m.descriptionEn),
    }),
    unit: t.expose('unit', { type: Unit, description: 'Unit of the values.' }),
    unitLabel: t.string({
      description: 'Unit as a word in the requested language, e.g. `bibit` / `seedlings`.',
      args: { lang: t.arg({ type: Lang, defaultValue: 'ID', description: 'Language: ID (Bahasa Indonesia, the default) or EN (English).' }) },
      resolve: (m, { lang }) => unitLabel(m.unit, lang),
    }),
    timeAggregation: t.expose('timeAggregation', { type: Aggregation, description: 'How values of one place combine over time.' }),
    spaceAggregation: t.expose('spaceAggregation', { type: Aggregation, description: 'How values of several places or offices combine.' }),
    dimensions: t.exposeStringList('dimensions', { description: 'Dimension keys observations may carry, usable in `metricSeries(groupBy:)`, e.g. `passport_type`.' }),
  }),
});

builder.queryField('metrics', (t) =>
  t.connection(
    {
      type: Metric,
      description: 'Every metric, ordered by key.',
      resolve: (_root, args, context) =>
        paginate(
          args,
          (page) => context.database.prisma.metric.findMany({ orderBy: { key: 'asc' }, ...page }),
          () => context.database.prisma.metric.count(),
        ),
    },
    withTotalCount,
  ),
);
