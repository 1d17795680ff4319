import type { Aggregation } from '@pantau/prisma/client';
import { isMonthly, regionFilterColumn, type PlanInput, type SeriesSource } from './rollup-planner.ts';
import { visibleObservationsSql } from '../visibility/observations.ts';
import { observationsAsOf } from '../revisions/observations-as-of.ts';

/**
 * Where a source keeps each thing a series query reads or filters on. Every source is read as rows of
 * the same shape (see `selectFrom`): an observation, or a rollup row standing for the observations it
 * holds, with its value already aggregated by the metric's time rule.
 */
interface SourceColumns {
  from: string;
  location: string | null;
  province: string | null;
  regency: string | null;
  officeType: string | null;
  office: string | null;
  program: string | null;
  campaign: string | null;
}

const observationColumns: SourceColumns = {
  from: `observation o
      LEFT JOIN office off ON off.id = o.office_id
      LEFT JOIN region r ON r.code = coalesce(o.region_code, off.region_code)`,
  location: 'coalesce(o.region_code, off.region_code)',
  province: 'r.province_code',
  regency: 'r.regency_code',
  officeType: 'off.type',
  office: 'o.office_id',
  program: 'o.program_id',
  campaign: 'o.campaign_id',
};

const seriesColumns = (table: string): SourceColumns => ({
  from: `${table} o`,
  location: 'o.location',
  province: 'o.province_code',
  regency: 'o.regency_code',
  officeType: 'o.office_type',
  office: 'o.office_id',
  program: 'o.program_id',
  campaign: 'o.campaign_id',
});

const provinceColumns = (table: string): SourceColumns => ({
  from: `${table} o`,
  location: null,
  province: 'o.province_code',
  regency: null,
  officeType: 'o.office_type',
  office: null,
  program: 'o.program_id',
  campaign: null,
});

const columnsOf: Record<SeriesSource, SourceColumns> = {
  observations: observationColumns,
  rollup_national_month: {
    from: 'rollup_national_month o',
    location: null,
    province: null,
    regency: null,
    officeType: 'o.office_type',
    office: null,
    program: 'o.program_id',
    campaign: null,
  },
  rollup_province_total: provinceColumns('rollup_province_total'),
  rollup_province_month: provinceColumns('rollup_province_month'),
  rollup_regency_month: {
    from: 'rollup_regency_month o',
    location: null,
    province: 'o.province_code',
    regency: 'o.regency_code',
    officeType: 'o.office_type',
    office: null,
    program: 'o.program_id',
    campaign: null,
  },
  rollup_campaign_month: seriesColumns('rollup_campaign_month'),
  rollup_series_month: seriesColumns('rollup_series_month'),
  rollup_series_total: seriesColumns('rollup_series_total'),
};

/** A dimension with one value, or any of several. */
export interface DimensionCondition {
  key: string;
  value?: string | undefined;
  values?: readonly string[] | undefined;
}

export type Param = (value: unknown) => string;

export interface SourcePart {
  source: SeriesSource;
  metricIds: readonly number[];
  timeAggregation: Aggregation;
  spaceAggregation: Aggregation;
}

export interface PartOptions {
  filter: PlanInput['filter'] & { dimensions?: readonly DimensionCondition[]; officeTypes?: readonly string[]; excludeOfficeTypes?: readonly string[] };
  includeSynthetic: boolean;
  includeUnpublished: boolean;
  /** Read the observations as they stood at this moment (see observations-as-of.ts). */
  asOf?: Date | undefined;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** Rows of one source for some metrics sharing their rules, narrowed by the query's filters. */
export function selectFrom(part: SourcePart, options: PartOptions, param: Param): string {
  const monthly = isMonthly(part.source);
  const sql = [selectPart(part.source, part, options, param, monthly ? 'rollup-range' : part.source === 'observations' ? 'observation-range' : 'none')];
  // A rollup counts an observation in the month it starts in; a range from a month's first day also
  // takes the earlier observations that end inside it, and only those can (they span months).
  if (monthly && options.filter.from) sql.push(selectPart('observations', part, options, param, 'spanning-into-range'));
  return sql.join('\n      UNION ALL\n      ');
}

type Range = 'observation-range' | 'rollup-range' | 'spanning-into-range' | 'none';

function selectPart(source: SeriesSource, part: SourcePart, options: PartOptions, param: Param, range: Range): string {
  const c = columnsOf[source];
  const monthly = isMonthly(source);
  const rules = `'${part.timeAggregation}'::text AS time_rule, '${part.spaceAggregation}'::text AS space_rule`;
  const shared = `o.synthetic, ${c.office ?? 'NULL::int'} AS office_id, ${c.program ?? 'NULL::int'} AS program_id, ${c.campaign ?? 'NULL::int'} AS campaign_id,
             o.dimensions, ${c.location ?? 'NULL::varchar'} AS location, ${c.province ?? 'NULL::varchar'} AS province_code, ${c.regency ?? 'NULL::varchar'} AS regency_code, ${rules}`;
  let select: string;
  if (source === 'observations') {
    select = `SELECT o.metric_id, o.id, o.value, o.is_lower_bound, ARRAY[o.source_id] AS source_ids, 1 AS obs_count, o.period_start, o.period_end, ${shared}`;
  } else if (source === 'rollup_series_month' || source === 'rollup_series_total') {
    const value = part.timeAggregation === 'SUM' ? 'o.value_sum' : part.timeAggregation === 'MAX' ? 'o.value_max' : 'o.latest_value';
    const lowerBound = part.timeAggregation === 'LATEST' ? 'o.latest_lower_bound' : 'o.lower_bound_count > 0';
    const month = source === 'rollup_series_month' ? 'o.month' : 'NULL::date';
    select = `SELECT o.metric_id, o.latest_id AS id, ${value} AS value, ${lowerBound} AS is_lower_bound, o.source_ids, o.observation_count AS obs_count, ${month} AS period_start, o.latest_end AS period_end, ${shared}`;
  } else {
    select = `SELECT o.metric_id, NULL::int AS id, o.value_sum AS value, o.lower_bound_count > 0 AS is_lower_bound, o.source_ids, o.observation_count AS obs_count, ${monthly ? 'o.month' : 'NULL::date'} AS period_start, NULL::date AS period_end, ${shared}`;
  }
  const from = source === 'observations' && options.asOf ? c.from.replace('observation o', `${observationsAsOf(`${param(options.asOf.toISOString())}::timestamptz`)} o`) : c.from;
  return `${select}
      FROM ${from}
      WHERE ${conditions(c, part, options, param, range).join(' AND ')}`;
}

/** A region and everything in it, at the finest level the source holds. */
function regionCondition(c: SourceColumns, regionCode: string, param: Param): string {
  const code = param(regionCode);
  const level = regionFilterColumn(regionCode);
  if (c.location) return `(${c.location} = ${code} OR ${c.location} LIKE ${code} || '.%')`;
  if (level === 'province' && c.province) return `${c.province} = ${code}`;
  if (level === 'regency' && c.regency) return `${c.regency} = ${code}`;
  throw new Error(`${c.from} cannot filter by region ${regionCode}`);
}

function conditions(c: SourceColumns, part: SourcePart, options: PartOptions, param: Param, range: Range): string[] {
  const where = [part.metricIds.length === 1 ? `o.metric_id = ${param(part.metricIds[0])}` : `o.metric_id = ANY(${param(part.metricIds)}::int[])`];
  if (!options.includeSynthetic) where.push('NOT o.synthetic');
  where.push(visibleObservationsSql({ unpublished: options.includeUnpublished }, 'o'));
  const f = options.filter;
  const regionCodes = [...(f.regionCode ? [f.regionCode] : []), ...(f.regionCodes ?? [])];
  if (regionCodes.length > 0) where.push(`(${regionCodes.map((code) => regionCondition(c, code, param)).join(' OR ')})`);
  const column = (name: string | null) => {
    if (!name) throw new Error(`${c.from} lacks a column the query filters on`);
    return name;
  };
  if (f.officeId !== undefined) where.push(`${column(c.office)} = ${param(f.officeId)}`);
  if (f.officeIds?.length) where.push(`${column(c.office)} = ANY(${param(f.officeIds)}::int[])`);
  if (f.programId !== undefined) where.push(`${column(c.program)} = ${param(f.programId)}`);
  if (f.programIds?.length) where.push(`${column(c.program)} = ANY(${param(f.programIds)}::int[])`);
  if (f.campaignId !== undefined) where.push(`${column(c.campaign)} = ${param(f.campaignId)}`);
  if (f.officeTypes?.length) where.push(`${column(c.officeType)}::text = ANY(${param(f.officeTypes)}::text[])`);
  if (f.excludeOfficeTypes?.length) where.push(`(${column(c.officeType)} IS NULL OR ${column(c.officeType)}::text <> ALL(${param(f.excludeOfficeTypes)}::text[]))`);
  for (const dimension of f.dimensions ?? []) {
    const values = [...(dimension.value !== undefined ? [dimension.value] : []), ...(dimension.values ?? [])];
    where.push(values.length === 1 ? `o.dimensions ->> ${param(dimension.key)} = ${param(values[0])}` : `o.dimensions ->> ${param(dimension.key)} = ANY(${param(values)}::text[])`);
  }
  if (range === 'observation-range') {
    if (f.from) where.push(`o.period_end >= ${param(day(f.from))}::date`);
    if (f.to) where.push(`o.period_start <= ${param(day(f.to))}::date`);
  } else if (range === 'rollup-range') {
    if (f.from) where.push(`o.month >= ${param(day(f.from))}::date`);
    if (f.to) where.push(`o.month <= ${param(day(f.to))}::date`);
  } else if (range === 'spanning-into-range' && f.from) {
    // The predicate of observation_metric_id_period_end_spanning_idx, so that index finds them.
    const start = param(day(f.from));
    where.push(
      `date_trunc('month', o.period_end::timestamp) > date_trunc('month', o.period_start::timestamp)`,
      `o.period_end >= ${start}::date`,
      `o.period_start < ${start}::date`,
    );
  }
  return where;
}
