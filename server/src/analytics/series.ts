import type { Database } from '@pantau/prisma';
import type { Aggregation, OfficeType } from '@pantau/prisma/client';
import { visibleObservationsSql } from '../visibility/observations.ts';

export type Granularity = 'DAY' | 'MONTH' | 'QUARTER' | 'YEAR' | 'ALL';

/** Built-in groupings; any other key is a dimension key of the metric (e.g. `passport_type`). */
export const builtInGroups = ['province', 'regency', 'region', 'office', 'program', 'campaign'] as const;
export type BuiltInGroup = (typeof builtInGroups)[number];

export interface SeriesQuery {
  metric: { id: number; timeAggregation: Aggregation; spaceAggregation: Aggregation };
  granularity: Granularity;
  groupBy: readonly string[];
  filter: {
    regionCode?: string;
    officeId?: number;
    programId?: number;
    campaignId?: number;
    from?: Date;
    to?: Date;
    dimensions?: readonly { key: string; value: string }[];
    /** Only observations reported by offices of these types. */
    officeTypes?: readonly OfficeType[];
    /** Leaves out observations reported by offices of these types; observations without an office stay. */
    excludeOfficeTypes?: readonly OfficeType[];
  };
  includeSynthetic: boolean;
  /** Also count figures not yet published (callers with `read:restricted` only). */
  includeUnpublished?: boolean;
  /**
   * Where to read: the observations, or the monthly rollup (exact, kept by triggers). `auto` reads
   * the rollup whenever it gives the same answer: buckets of a month or more and no date range (a
   * range compares each observation's own period). @default 'auto'
   */
  source?: 'auto' | 'observations' | 'rollup';
}

export interface SeriesRow {
  periodStart: Date | null;
  periodEnd: Date | null;
  groups: Record<string, string | null>;
  value: string;
  isLowerBound: boolean;
  synthetic: boolean;
  sourceIds: number[];
  observationCount: number;
}

const groupExpressions: Record<BuiltInGroup, string> = {
  province: 'b.province_code',
  regency: 'b.regency_code',
  region: 'b.location',
  office: 'b.office_id::text',
  program: 'b.program_id::text',
  campaign: 'b.campaign_id::text',
};

const truncUnit: Record<Exclude<Granularity, 'ALL'>, string> = { DAY: 'day', MONTH: 'month', QUARTER: 'quarter', YEAR: 'year' };

function timeAggregate(rule: Aggregation): string {
  if (rule === 'SUM') return 'sum(b.value)';
  if (rule === 'MAX') return 'max(b.value)';
  return '(array_agg(b.value ORDER BY b.period_end DESC, b.id DESC))[1]';
}

function spaceAggregate(rule: Aggregation): string {
  if (rule === 'SUM') return 'sum(e.value)';
  if (rule === 'MAX') return 'max(e.value)';
  return '(array_agg(e.value ORDER BY e.last_end DESC))[1]';
}

/**
 * Aggregates one metric honouring its rules: first over time within each period bucket for each
 * series (office, place, dimensions, program, campaign), with the metric's time rule; then across
 * series within each output row, with its space rule. An observation counts in the bucket its
 * period starts in. One SQL statement, whatever the number of rows.
 */
/** Whether the monthly rollup answers `query` exactly as the observations would. */
export function rollupAnswers(query: SeriesQuery): boolean {
  return query.granularity !== 'DAY' && !query.filter.from && !query.filter.to;
}

function fromClause(useRollup: boolean, rule: Aggregation): { select: string; location: string } {
  if (!useRollup) {
    return {
      location: 'coalesce(o.region_code, off.region_code)',
      select: `SELECT o.id, o.value, o.is_lower_bound, o.synthetic, ARRAY[o.source_id] AS source_ids, 1 AS obs_count, o.period_start, o.period_end,
             o.office_id, o.program_id, o.campaign_id, o.dimensions, coalesce(o.region_code, off.region_code) AS location, r.province_code, r.regency_code
      FROM observation o
      LEFT JOIN office off ON off.id = o.office_id
      LEFT JOIN region r ON r.code = coalesce(o.region_code, off.region_code)`,
    };
  }
  const value = rule === 'SUM' ? 'o.value_sum' : rule === 'MAX' ? 'o.value_max' : 'o.latest_value';
  return {
    location: 'o.location',
    select: `SELECT o.latest_id AS id, ${value} AS value, ${rule === 'LATEST' ? 'o.latest_lower_bound' : 'o.any_lower_bound'} AS is_lower_bound, o.synthetic, o.source_ids,
             o.observation_count AS obs_count, o.month AS period_start, o.latest_end AS period_end,
             o.office_id, o.program_id, o.campaign_id, o.dimensions, o.location, r.province_code, r.regency_code
      FROM observation_monthly o
      LEFT JOIN office off ON off.id = o.office_id
      LEFT JOIN region r ON r.code = o.location`,
  };
}

export async function querySeries(database: Database, query: SeriesQuery): Promise<SeriesRow[]> {
  const useRollup = query.source === 'rollup' || ((query.source ?? 'auto') === 'auto' && rollupAnswers(query));
  if (useRollup && !rollupAnswers(query)) throw new Error('The monthly rollup cannot answer day buckets or date ranges');
  const from = fromClause(useRollup, query.metric.timeAggregation);
  const params: unknown[] = [query.metric.id, query.includeSynthetic];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = ['o.metric_id = $1', '($2::boolean OR NOT o.synthetic)'];
  where.push(visibleObservationsSql({ unpublished: query.includeUnpublished ?? false }, 'o'));
  const f = query.filter;
  if (f.regionCode) {
    const code = param(f.regionCode);
    where.push(`(${from.location} = ${code} OR ${from.location} LIKE ${code} || '.%')`);
  }
  if (f.officeId !== undefined) where.push(`o.office_id = ${param(f.officeId)}`);
  if (f.programId !== undefined) where.push(`o.program_id = ${param(f.programId)}`);
  if (f.campaignId !== undefined) where.push(`o.campaign_id = ${param(f.campaignId)}`);
  if (f.from) where.push(`o.period_end >= ${param(f.from.toISOString().slice(0, 10))}::date`);
  if (f.to) where.push(`o.period_start <= ${param(f.to.toISOString().slice(0, 10))}::date`);
  if (f.officeTypes?.length) where.push(`off.type::text = ANY(${param(f.officeTypes)}::text[])`);
  if (f.excludeOfficeTypes?.length) where.push(`(off.type IS NULL OR off.type::text <> ALL(${param(f.excludeOfficeTypes)}::text[]))`);
  for (const dimension of f.dimensions ?? []) where.push(`o.dimensions ->> ${param(dimension.key)} = ${param(dimension.value)}`);

  const groups = query.groupBy.map((key, index) => ({
    key,
    alias: `g${index}`,
    expression: (builtInGroups as readonly string[]).includes(key) ? groupExpressions[key as BuiltInGroup] : `b.dimensions ->> ${param(key)}`,
  }));
  const bucket = query.granularity === 'ALL' ? 'NULL::date' : `date_trunc('${truncUnit[query.granularity]}', b.period_start)::date`;
  const groupColumns = groups.map((g) => `${g.expression} AS ${g.alias}`);
  const outputKeys = ['bucket', ...groups.map((g) => g.alias)];

  const sql = `
    WITH b AS (
      ${from.select}
      WHERE ${where.join(' AND ')}
    ),
    grouped AS (
      SELECT b.*, ${[`${bucket} AS bucket`, ...groupColumns].join(', ')} FROM b
    ),
    keyed AS (
      -- One text key per output row, so the sources join below is a hash join, not a nested loop.
      SELECT grouped.*, json_build_array(${outputKeys.join(', ')})::text AS row_key FROM grouped
    ),
    e AS (
      SELECT ${outputKeys.join(', ')}, row_key, ${timeAggregate(query.metric.timeAggregation).replaceAll('b.', '')} AS value,
             ${query.metric.timeAggregation === 'LATEST' ? '(array_agg(is_lower_bound ORDER BY period_end DESC, id DESC))[1]' : 'bool_or(is_lower_bound)'} AS lower_bound,
             bool_or(synthetic) AS synthetic, max(period_end) AS last_end, sum(obs_count) AS observation_count
      FROM keyed
      GROUP BY ${[...outputKeys, 'row_key', 'office_id', 'location', 'dimensions', 'program_id', 'campaign_id'].join(', ')}
    ),
    sources AS (
      SELECT row_key, array_agg(DISTINCT u.source_id) AS source_ids FROM keyed CROSS JOIN LATERAL unnest(keyed.source_ids) AS u(source_id) GROUP BY row_key
    )
    SELECT ${outputKeys.map((k) => `e.${k}`).join(', ')}, ${spaceAggregate(query.metric.spaceAggregation)}::text AS value,
           ${query.metric.spaceAggregation === 'LATEST' ? '(array_agg(e.lower_bound ORDER BY e.last_end DESC))[1]' : 'bool_or(e.lower_bound)'} AS is_lower_bound,
           bool_or(e.synthetic) AS synthetic, sum(e.observation_count)::int AS observation_count, min(s.source_ids) AS source_ids
    FROM e JOIN sources s ON s.row_key = e.row_key
    GROUP BY ${outputKeys.map((k) => `e.${k}`).join(', ')}
    ORDER BY ${outputKeys.map((k) => `e.${k}`).join(', ')}`;

  const rows = await database.prisma.$queryRawUnsafe<Record<string, unknown>[]>(sql, ...params);
  return rows.map((row) => {
    const periodStart = row.bucket ? new Date(row.bucket as string | Date) : null;
    return {
      periodStart,
      periodEnd: periodStart && query.granularity !== 'ALL' ? periodEndOf(periodStart, query.granularity) : null,
      groups: Object.fromEntries(groups.map((g) => [g.key, (row[g.alias] as string | null) ?? null])),
      value: normaliseDecimal(String(row.value)),
      isLowerBound: Boolean(row.is_lower_bound),
      synthetic: Boolean(row.synthetic),
      sourceIds: (row.source_ids as number[] | null) ?? [],
      observationCount: Number(row.observation_count),
    };
  });
}

function normaliseDecimal(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

export function periodEndOf(start: Date, granularity: Exclude<Granularity, 'ALL'>): Date {
  const y = start.getUTCFullYear();
  const m = start.getUTCMonth();
  const d = start.getUTCDate();
  if (granularity === 'DAY') return new Date(Date.UTC(y, m, d));
  if (granularity === 'MONTH') return new Date(Date.UTC(y, m + 1, 0));
  if (granularity === 'QUARTER') return new Date(Date.UTC(y, m + 3, 0));
  return new Date(Date.UTC(y, 12, 0));
}

export function periodLabel(start: Date, granularity: Granularity): string {
  const iso = start.toISOString();
  if (granularity === 'YEAR') return iso.slice(0, 4);
  if (granularity === 'QUARTER') return `${iso.slice(0, 4)}-Q${Math.floor(start.getUTCMonth() / 3) + 1}`;
  if (granularity === 'MONTH') return iso.slice(0, 7);
  return iso.slice(0, 10);
}
