import type { Database } from '@pantau/prisma';
import type { Aggregation, OfficeType } from '@pantau/prisma/client';
import { notePlan } from '../trace.ts';
import { periodEndOf } from './periods.ts';
import { planSource, rollupAnswers, whyObservations, type Granularity, type MetricRules, type SeriesSource } from './rollup-planner.ts';
import { selectFrom, type DimensionCondition, type SourcePart } from './series-sources.ts';
import { distinctSources, firstCopy, joinSourceCopies } from './source-copies.ts';

export type { Granularity } from './rollup-planner.ts';
export { periodEndOf, periodLabel } from './periods.ts';

/** Built-in groupings; any other key is a dimension key of the metric (e.g. `passport_type`). */
export const builtInGroups = ['province', 'regency', 'region', 'office', 'program', 'campaign'] as const;
export type BuiltInGroup = (typeof builtInGroups)[number];

interface SeriesOptions {
  granularity: Granularity;
  groupBy: readonly string[];
  filter: {
    regionCode?: string;
    /** Any of these regions; lists below likewise keep observations matching any of their items. */
    regionCodes?: readonly string[];
    officeId?: number;
    officeIds?: readonly number[];
    programId?: number;
    programIds?: readonly number[];
    campaignId?: number;
    from?: Date;
    to?: Date;
    dimensions?: readonly DimensionCondition[];
    /** Only observations reported by offices of these types. */
    officeTypes?: readonly OfficeType[];
    /** Leaves out observations reported by offices of these types; observations without an office stay. */
    excludeOfficeTypes?: readonly OfficeType[];
  };
  includeSynthetic: boolean;
  /** Also count figures not yet published (callers with `read:restricted` only). */
  includeUnpublished?: boolean;
  /** As the figures stood at this moment: read from the observations and their revisions, never the rollups (they hold the present). */
  asOf?: Date | undefined;
}

export interface SeriesQuery extends SeriesOptions {
  metric: MetricRules;
  /**
   * Where to read: `auto` lets the planner pick the smallest rollup that gives the same answer as the
   * observations (see rollup-planner.ts); naming a source forces it (tests). @default 'auto'
   */
  source?: 'auto' | SeriesSource;
}

/** Several metrics in one statement, each from the source the planner picks for it. */
export interface MetricsSeriesQuery extends SeriesOptions {
  metrics: readonly MetricRules[];
}

export interface SeriesRow {
  metricId: number;
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

// PostgreSQL's weeks are ISO weeks: they start on Monday.
const truncUnit: Record<Exclude<Granularity, 'ALL'>, string> = { DAY: 'day', WEEK: 'week', MONTH: 'month', QUARTER: 'quarter', YEAR: 'year' };

/** An aggregate chosen per row by its metric's rule, written out only for the rules present. */
function byRule(rules: ReadonlySet<Aggregation>, ruleColumn: string, expressions: Record<Aggregation, string>): string {
  const present = (['SUM', 'MAX', 'LATEST'] as const).filter((rule) => rules.has(rule));
  const [only] = present;
  if (only && present.length === 1) return expressions[only];
  return `CASE min(${ruleColumn}) ${present.map((rule) => `WHEN '${rule}' THEN ${expressions[rule]}`).join(' ')} END`;
}

/**
 * Aggregates one metric honouring its rules: first over time within each period bucket for each
 * series (office, place, dimensions, program, campaign), with the metric's time rule; then across
 * series within each output row, with its space rule. An observation counts in the bucket its
 * period starts in. One SQL statement, whatever the number of rows.
 */
export async function querySeries(database: Database, query: SeriesQuery): Promise<SeriesRow[]> {
  const source = query.source ?? 'auto';
  if (source !== 'auto' && source !== 'observations' && !rollupAnswers(source, query.metric, query)) {
    throw new Error(`${source} cannot answer this query for ${query.metric.key} exactly`);
  }
  return run(database, query, [query.metric], () => (source === 'auto' ? planSource(query.metric, query) : source));
}

/** `querySeries` for several metrics at once (rows carry `metricId`): one statement for all of them. */
export function queryMetricsSeries(database: Database, query: MetricsSeriesQuery): Promise<SeriesRow[]> {
  return run(database, query, query.metrics, (metric) => planSource(metric, query));
}

async function run(database: Database, query: SeriesOptions, metrics: readonly MetricRules[], sourceOf: (metric: MetricRules) => SeriesSource): Promise<SeriesRow[]> {
  if (metrics.length === 0) return [];
  const parts = new Map<string, SourcePart>();
  for (const metric of metrics) {
    const source = query.asOf ? 'observations' : sourceOf(metric);
    const reason = query.asOf ? 'asOf: the rollups hold the present only' : source === 'observations' ? whyObservations(metric, query) : undefined;
    notePlan(reason ? { metric: metric.key, source, reason } : { metric: metric.key, source });
    const key = `${source}|${metric.timeAggregation}|${metric.spaceAggregation}`;
    const part = parts.get(key) ?? { source, metricIds: [], timeAggregation: metric.timeAggregation, spaceAggregation: metric.spaceAggregation };
    part.metricIds = [...part.metricIds, metric.id];
    parts.set(key, part);
  }
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const options = { filter: query.filter, includeSynthetic: query.includeSynthetic, includeUnpublished: query.includeUnpublished ?? false, asOf: query.asOf };
  const selects = [...parts.values()].map((part) => selectFrom(part, options, param));

  const groups = query.groupBy.map((key, index) => ({
    key,
    alias: `g${index}`,
    expression: (builtInGroups as readonly string[]).includes(key) ? groupExpressions[key as BuiltInGroup] : `b.dimensions ->> ${param(key)}`,
  }));
  const bucket = query.granularity === 'ALL' ? 'NULL::date' : `date_trunc('${truncUnit[query.granularity]}', b.period_start)::date`;
  const outputKeys = ['metric_id', 'bucket', ...groups.map((g) => g.alias)];
  const timeRules = new Set(metrics.map((m) => m.timeAggregation));
  const spaceRules = new Set(metrics.map((m) => m.spaceAggregation));
  // Each level gathers the sources in the same grouping as the figures (see source-copies.ts).
  const latest = (column: string) => `(array_agg(${column} ORDER BY period_end DESC, id DESC))[1]`;
  const timeValue = byRule(timeRules, 'time_rule', { SUM: `sum(value) FILTER (WHERE ${firstCopy('u')})`, MAX: 'max(value)', LATEST: latest('value') });
  const timeLowerBound = byRule(timeRules, 'time_rule', { SUM: 'bool_or(is_lower_bound)', MAX: 'bool_or(is_lower_bound)', LATEST: latest('is_lower_bound') });
  const grouped = `grouped AS (
      SELECT b.*, ${[`${bucket} AS bucket`, ...groups.map((g) => `${g.expression} AS ${g.alias}`)].join(', ')} FROM b
    )`;
  const observationCount = (alias: string, column: string) => `(sum(${column}) FILTER (WHERE ${firstCopy(alias)}))::int`;

  let sql: string;
  if (associative(metrics)) {
    // Sums of sums and maxima of maxima: one grouping gives what the time rule, then the space rule, would.
    sql = `
    WITH b AS (
      ${selects.join('\n      UNION ALL\n      ')}
    ),
    ${grouped}
    SELECT ${outputKeys.join(', ')}, ${timeValue}::text AS value, ${timeLowerBound} AS is_lower_bound, bool_or(synthetic) AS synthetic,
           ${observationCount('u', 'obs_count')} AS observation_count, ${distinctSources('u')} AS source_ids
    FROM grouped ${joinSourceCopies('grouped', 'u')}
    GROUP BY ${outputKeys.join(', ')}
    ORDER BY ${outputKeys.join(', ')}`;
  } else {
    // Ties on the last day are broken by the latest observation's id, as over time, so every source agrees.
    const lastFirst = 'ORDER BY e.last_end DESC, e.last_id DESC';
    const spaceValue = byRule(spaceRules, 'e.space_rule', {
      SUM: `sum(e.value) FILTER (WHERE ${firstCopy('v')})`,
      MAX: 'max(e.value)',
      LATEST: `(array_agg(e.value ${lastFirst}))[1]`,
    });
    const spaceLowerBound = byRule(spaceRules, 'e.space_rule', {
      SUM: 'bool_or(e.lower_bound)',
      MAX: 'bool_or(e.lower_bound)',
      LATEST: `(array_agg(e.lower_bound ${lastFirst}))[1]`,
    });
    sql = `
    WITH b AS (
      ${selects.join('\n      UNION ALL\n      ')}
    ),
    ${grouped},
    e AS (
      SELECT ${outputKeys.join(', ')}, ${timeValue} AS value, ${timeLowerBound} AS lower_bound,
             bool_or(synthetic) AS synthetic, max(period_end) AS last_end, ${spaceRules.has('LATEST') ? latest('id') : 'NULL::int'} AS last_id,
             ${observationCount('u', 'obs_count')} AS observation_count, min(space_rule) AS space_rule, ${distinctSources('u')} AS source_ids
      FROM grouped ${joinSourceCopies('grouped', 'u')}
      GROUP BY ${[...outputKeys, 'office_id', 'location', 'dimensions', 'program_id', 'campaign_id'].join(', ')}
    )
    SELECT ${outputKeys.map((k) => `e.${k}`).join(', ')}, ${spaceValue}::text AS value, ${spaceLowerBound} AS is_lower_bound,
           bool_or(e.synthetic) AS synthetic, ${observationCount('v', 'e.observation_count')} AS observation_count, ${distinctSources('v')} AS source_ids
    FROM e ${joinSourceCopies('e', 'v')}
    GROUP BY ${outputKeys.map((k) => `e.${k}`).join(', ')}
    ORDER BY ${outputKeys.map((k) => `e.${k}`).join(', ')}`;
  }

  const rows = await database.prisma.$queryRawUnsafe<Record<string, unknown>[]>(sql, ...params);
  return rows.map((row) => {
    const periodStart = row.bucket ? new Date(row.bucket as string | Date) : null;
    return {
      metricId: Number(row.metric_id),
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

/** Whether every metric aggregates over space as over time, by a sum or a maximum, so one grouping suffices. */
function associative(metrics: readonly MetricRules[]): boolean {
  return metrics.every((m) => m.timeAggregation === m.spaceAggregation && m.timeAggregation !== 'LATEST');
}

function normaliseDecimal(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
