import type { Metric as MetricRow } from '@pantau/prisma/client';
import { SeriesAnswer } from '../../analytics/series-answer.ts';
import { windowRows } from '../../analytics/series-order.ts';
import { queryMetricsSeries, type SeriesRow } from '../../analytics/series.ts';
import { builder } from '../builder.ts';
import { badArgument } from '../errors.ts';
import { metricFor } from '../filters.ts';
import { requireRestricted } from '../restricted.ts';
import { Metric } from './metric.ts';
import { Granularity, SeriesRowRef, type AnsweredRow } from './metric-series.ts';
import { SeriesBucket, type BucketShape } from './series-bucket.ts';
import { SeriesFilter, seriesFilterFrom } from './series-filter.ts';
import { checkGroupBy, rowWindow, suppressionFor, windowArgs } from './series-request.ts';

interface TableRow extends BucketShape {
  cells: (AnsweredRow | null)[];
}

const MetricTableRow = builder.objectRef<TableRow>('MetricTableRow').implement({
  description: 'One period and group of a side-by-side table: one cell per metric, in the order the metrics were asked.',
  interfaces: [SeriesBucket],
  fields: (t) => ({
    cells: t.field({
      type: [SeriesRowRef],
      nullable: { list: false, items: true },
      description: 'Each metric’s row for this period and group; null where a metric has no figure.',
      resolve: (row) => row.cells,
    }),
  }),
});

const MetricTable = builder.objectRef<{ metrics: MetricRow[]; granularity: string; groupBy: string[]; rows: TableRow[]; rowCount: number }>('MetricTable').implement({
  description: 'Several metrics sharing one grouping, side by side: each row a period and group, each cell one metric’s figure.',
  fields: (t) => ({
    metrics: t.field({ type: [Metric], description: 'The metrics, in the order of the cells.', resolve: (table) => table.metrics }),
    granularity: t.field({ type: Granularity, description: 'Bucket width.', resolve: (table) => table.granularity as 'YEAR' }),
    groupBy: t.stringList({ description: 'The groupings used.', resolve: (table) => table.groupBy }),
    rows: t.field({ type: [MetricTableRow], description: 'Rows in the order asked, cut by `topPerPeriod`, `offset` and `limit`.', resolve: (table) => table.rows }),
    rowCount: t.exposeInt('rowCount', { description: 'Rows before `offset` and `limit`, for paging.' }),
  }),
});

const bucketKey = (row: Pick<SeriesRow, 'periodStart' | 'groups'>, groupBy: readonly string[]) =>
  JSON.stringify([row.periodStart?.toISOString() ?? null, ...groupBy.map((key) => row.groups[key] ?? null)]);

function byBucket(a: TableRow, b: TableRow, groupBy: readonly string[]): number {
  const period = (a.periodStart?.getTime() ?? 0) - (b.periodStart?.getTime() ?? 0);
  if (period !== 0) return period;
  for (const key of groupBy) {
    const x = a.groups[key] ?? null;
    const y = b.groups[key] ?? null;
    if (x !== y) return x === null ? 1 : y === null ? -1 : x < y ? -1 : 1;
  }
  return 0;
}

builder.queryField('metricTable', (t) =>
  t.field({
    type: MetricTable,
    description:
      'Several metrics over the same periods and groups, for side-by-side tables, in one statement. Each cell is what `metricSeries` answers for its metric, derived figures and suppression included. ' +
      'Groupings: the built-in ones and the dimension keys every metric has.',
    args: {
      metrics: t.arg.stringList({ required: true, description: 'Metric keys, 1 to 10, e.g. `["tppo_prevention_activities", "pimpasa_officers"]`.' }),
      groupBy: t.arg.stringList({ defaultValue: [], description: 'Groupings, e.g. `["province"]`.' }),
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
      const keys = [...new Set(args.metrics)];
      if (keys.length < 1 || keys.length > 10) throw badArgument('metrics', `\`metrics\` takes 1 to 10 distinct metric keys (got ${keys.length})`);
      const metrics = await Promise.all(keys.map((key) => metricFor(context, key, 'metrics')));
      const groupBy = args.groupBy ?? [];
      checkGroupBy(metrics, groupBy);
      const filter = await seriesFilterFrom(context, args.filter);
      const granularity = args.granularity ?? 'YEAR';
      const options = { granularity, groupBy, filter, includeSynthetic: args.includeSynthetic ?? false, includeUnpublished, asOf: args.asOf ?? undefined };
      const all = await queryMetricsSeries(context.database, { ...options, metrics });

      const table = new Map<string, TableRow>();
      const answers = await Promise.all(
        metrics.map((metric) =>
          SeriesAnswer.of(
            context.database,
            { ...options, metric, suppression: suppressionFor(context, metric) },
            all.filter((row) => row.metricId === metric.id),
          ),
        ),
      );
      answers.forEach((answer, column) => {
        answer.rows.forEach((row, index) => {
          const key = bucketKey(row, groupBy);
          const line = table.get(key) ?? { periodStart: row.periodStart, periodEnd: row.periodEnd, groups: row.groups, granularity, cells: metrics.map(() => null) };
          line.cells[column] = { ...row, granularity, answer, index };
          table.set(key, line);
        });
      });
      const sortColumn = args.orderBy?.metric ? keys.indexOf(args.orderBy.metric) : 0;
      if (sortColumn < 0) throw badArgument('orderBy.metric', `\`orderBy.metric\` must be one of the metrics asked: ${keys.join(', ')} (got "${args.orderBy?.metric}")`);
      // By period, then groups (nulls last), as one metric's rows come; a row missing the sorting metric sorts with the hidden ones, last.
      const rows = [...table.values()]
        .sort((a, b) => byBucket(a, b, groupBy))
        .map((line, index) => {
          const cell = line.cells[sortColumn];
          return { line, index, periodStart: line.periodStart, value: cell?.value ?? '0', hidden: !cell || Boolean(cell.answer.hidden[cell.index]) };
        });
      const page = windowRows(rows, window);
      return { metrics, granularity, groupBy, rows: page.rows.map((r) => r.line), rowCount: page.rowCount };
    },
  }),
);
