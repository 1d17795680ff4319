// `MetricSeries.columns`: a series' rows as one array per field, so an answer of thousands of rows is
// one JSON value instead of thousands of objects completed field by field by graphql-js.
import type { MetricSeriesColumns, SeriesGroupColumn } from '@pantau/schema';
import { GraphQLError } from 'graphql';
import { builtInGroups, periodLabel, type BuiltInGroup, type Granularity, type SeriesRow } from '../../analytics/series.ts';
import type { GraphQLContext } from '../../context.ts';
import { dimensionValueLabel } from '../../labels.ts';
import { builder } from '../builder.ts';

builder.scalarType('MetricSeriesColumns', {
  description:
    'The rows of a series, one JSON array per field: row i is described by entry i of each per-row array, in the order of `MetricSeries.rows`; ' +
    'repeated values are stored once and referred to by index. Fields: `count` (number of rows); `period` (per row, index into `periods`); ' +
    '`periods` (as `MetricSeriesRow.period`: `2025`, `2025-Q1`, `2025-03`, `2025-W03` or `2025-03-01`); `value` (per row, the exact decimal as text, or null when suppressed); ' +
    '`suppressed`, `isLowerBound` and `synthetic` (per row, 1 or 0); `observationCount` (per row); `sourceSet` (per row, index into `sourceSets`); ' +
    '`sourceSets` (lists of indexes into `MetricSeries.sources`); `groups` (one per `groupBy` key, in its order: `{ key, value, codes, namesId, namesEn }`, ' +
    '`value` per row an index into `codes` and the names, or null when the row has no such group; `codes` are region codes, office codes, programme keys, ' +
    'campaign slugs or dimension values; place names are the same in both languages). Output only.',
  serialize: (value) => value,
  parseValue: () => {
    throw new GraphQLError('MetricSeriesColumns is an output-only scalar');
  },
});

/** The rows of a page of a series, whether each is hidden (suppressed), and the series' bucket width. */
export interface ColumnRows {
  rows: readonly SeriesRow[];
  hidden: readonly boolean[];
  granularity: Granularity;
}

interface Entry {
  code: string;
  nameId: string;
  nameEn: string;
}

/** Index of each distinct value, in the order first seen. */
class Dictionary<T> {
  readonly #index = new Map<string, number>();
  readonly values: T[] = [];
  indexOf(key: string, value: () => T): number {
    let at = this.#index.get(key);
    if (at === undefined) {
      at = this.values.length;
      this.values.push(value());
      this.#index.set(key, at);
    }
    return at;
  }
}

const namedTables: Record<Exclude<BuiltInGroup, 'province' | 'regency' | 'region'>, { table: string; code: string }> = {
  office: { table: 'office', code: 'code' },
  program: { table: 'program', code: 'key' },
  campaign: { table: 'campaign', code: 'slug' },
};

/** The codes and names of a grouping's values, in the order of `ids`: one plain statement, as a chart of many rows waits for it. */
async function entriesOf(key: string, ids: string[], context: GraphQLContext): Promise<Entry[]> {
  if (!(builtInGroups as readonly string[]).includes(key))
    return ids.map((value) => ({ code: value, nameId: dimensionValueLabel(key, value, 'ID'), nameEn: dimensionValueLabel(key, value, 'EN') }));
  if (ids.length === 0) return [];
  const group = key as BuiltInGroup;
  const found =
    group === 'province' || group === 'regency' || group === 'region'
      ? await context.database.prisma.$queryRawUnsafe<(Entry & { id: string })[]>(
          `SELECT code AS id, code, name AS "nameId", name AS "nameEn" FROM region WHERE code = ANY($1::text[])`,
          ids,
        )
      : await context.database.prisma.$queryRawUnsafe<(Entry & { id: string })[]>(
          `SELECT id::text AS id, ${namedTables[group].code} AS code, name_id AS "nameId", name_en AS "nameEn" FROM ${namedTables[group].table} WHERE id = ANY($1::int[])`,
          ids.map(Number),
        );
  const byId = new Map(found.map((entry) => [entry.id, entry]));
  return ids.map((id) => byId.get(id) ?? missing(id));
}

const missing = (id: string | undefined): Entry => ({ code: id ?? '', nameId: id ?? '', nameEn: id ?? '' });

/**
 * The columns of `rows`, and the source ids `sourceSets` refer to (ascending). The ids are known at
 * once, so the sources are read while the groups' names are.
 */
export function seriesColumns(
  { rows, hidden, granularity }: ColumnRows,
  groupBy: readonly string[],
  context: GraphQLContext,
): { columns: Promise<MetricSeriesColumns>; sourceIds: number[] } {
  const sourceIds = [...new Set(rows.flatMap((row) => row.sourceIds))].sort((a, b) => a - b);
  const sourceIndex = new Map(sourceIds.map((id, index) => [id, index]));
  const periods = new Dictionary<string>();
  const sourceSets = new Dictionary<number[]>();
  const columns: MetricSeriesColumns = {
    count: rows.length,
    period: [],
    periods: periods.values,
    value: [],
    suppressed: [],
    isLowerBound: [],
    synthetic: [],
    observationCount: [],
    sourceSet: [],
    sourceSets: sourceSets.values,
    groups: [],
  };
  rows.forEach((row, i) => {
    const start = row.periodStart;
    columns.period.push(periods.indexOf(String(start?.getTime()), () => (start ? periodLabel(start, granularity) : 'all')));
    columns.value.push(hidden[i] ? null : row.value);
    columns.suppressed.push(hidden[i] ? 1 : 0);
    columns.isLowerBound.push(row.isLowerBound ? 1 : 0);
    columns.synthetic.push(row.synthetic ? 1 : 0);
    columns.observationCount.push(row.observationCount);
    columns.sourceSet.push(sourceSets.indexOf(row.sourceIds.join(','), () => row.sourceIds.map((id) => sourceIndex.get(id) ?? -1)));
  });
  const groups = Promise.all(
    groupBy.map(async (key): Promise<SeriesGroupColumn> => {
      const ids = new Dictionary<string>();
      const value = rows.map((row) => {
        const id = row.groups[key];
        return id === null || id === undefined ? null : ids.indexOf(id, () => id);
      });
      const entries = await entriesOf(key, ids.values, context);
      return { key, value, codes: entries.map((e) => e.code), namesId: entries.map((e) => e.nameId), namesEn: entries.map((e) => e.nameEn) };
    }),
  );
  return { columns: groups.then((named) => ({ ...columns, groups: named })), sourceIds };
}
