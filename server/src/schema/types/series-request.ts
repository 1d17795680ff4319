import type { Metric as MetricRow } from '@pantau/prisma/client';
import type { GraphQLContext } from '../../context.ts';
import type { SuppressionPolicy } from '../../analytics/series-answer.ts';
import { builtInGroups } from '../../analytics/series.ts';
import type { RowWindow } from '../../analytics/series-order.ts';
import { suppressionPolicy } from '../../visibility/small-cells.ts';
import { builder } from '../builder.ts';
import { badArgument } from '../errors.ts';

export const SeriesOrderBy = builder.enumType('SeriesOrderBy', {
  description: 'What rows are ordered by.',
  values: { PERIOD: { description: 'The period (then the groups).' }, VALUE: { description: 'The value; suppressed cells come last either way.' } } as const,
});

export const SortDirection = builder.enumType('SortDirection', {
  description: 'Ascending or descending.',
  values: { ASC: { description: 'Smallest or earliest first.' }, DESC: { description: 'Largest or latest first.' } } as const,
});

export const SeriesOrder = builder.inputType('SeriesOrder', {
  description: 'The order of the rows.',
  fields: (t) => ({
    by: t.field({ type: SeriesOrderBy, required: true, description: 'PERIOD or VALUE.' }),
    direction: t.field({ type: SortDirection, defaultValue: 'ASC', description: 'ASC (the default) or DESC.' }),
    metric: t.string({ description: 'In `metricTable`, the metric whose value orders the rows (the first one when left out).' }),
  }),
});

/** The arguments every series field takes to choose and cut its rows. */
export function windowArgs(t: Parameters<Parameters<typeof builder.queryField>[1]>[0]) {
  return {
    orderBy: t.arg({ type: SeriesOrder, description: 'Row order; by period, then groups, when left out.' }),
    topPerPeriod: t.arg.int({ description: 'Keeps the N largest rows of each period (top-N), e.g. the five provinces with most passports each year.' }),
    offset: t.arg.int({ defaultValue: 0, description: 'Rows to skip (after ordering and `topPerPeriod`).' }),
    limit: t.arg.int({ description: 'At most this many rows; `rowCount` says how many there are.' }),
  };
}

interface WindowInput {
  orderBy?: { by: 'PERIOD' | 'VALUE'; direction?: 'ASC' | 'DESC' | null; metric?: string | null } | null;
  topPerPeriod?: number | null;
  offset?: number | null;
  limit?: number | null;
}

export function rowWindow(args: WindowInput): RowWindow {
  for (const name of ['topPerPeriod', 'offset', 'limit'] as const) {
    const value = args[name];
    if (value != null && (value < (name === 'offset' ? 0 : 1) || value > 100_000))
      throw badArgument(name, `\`${name}\` must be from ${name === 'offset' ? 0 : 1} to 100000 (got ${value})`);
  }
  return {
    order: args.orderBy ? { by: args.orderBy.by, direction: args.orderBy.direction ?? 'ASC' } : undefined,
    topPerPeriod: args.topPerPeriod ?? undefined,
    offset: args.offset ?? undefined,
    limit: args.limit ?? undefined,
  };
}

/** Groupings every metric asked for can be grouped by: the built-in ones and the dimension keys they all share. */
export function checkGroupBy(metrics: readonly MetricRow[], groupBy: readonly string[]): void {
  const shared = metrics.slice(1).reduce((keys, m) => keys.filter((key) => m.dimensions.includes(key)), metrics[0]?.dimensions ?? []);
  const valid = [...builtInGroups, ...shared];
  for (const key of groupBy) {
    if (!valid.includes(key))
      throw badArgument('groupBy', `Cannot group \`${metrics.map((m) => m.key).join('`, `')}\` by "${key}". Valid values: ${valid.join(', ')}`, { validValues: valid });
  }
}

/** Small cells of a sensitive metric are hidden from callers without `read:restricted`. */
export function suppressionFor(context: GraphQLContext, metric: MetricRow): SuppressionPolicy | null {
  return suppressionPolicy(context.scopes, metric);
}
