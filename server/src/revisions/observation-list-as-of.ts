import type { Database } from '@pantau/prisma';
import type { Observation as ObservationRow } from '@pantau/prisma/client';
import { visibleObservationsSql, type ObservationVisibility } from '../visibility/observations.ts';
import { observationsAsOf } from './observations-as-of.ts';

/** The `observations` filter, resolved to ids and codes (each already checked to exist). */
export interface ResolvedObservationFilter {
  metricId?: number | undefined;
  regionCode?: string | undefined;
  officeId?: number | undefined;
  programId?: number | undefined;
  campaignId?: number | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  includeSynthetic: boolean;
  visibility: ObservationVisibility;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

function whereOf(filter: ResolvedObservationFilter, param: (value: unknown) => string): string {
  const where = [visibleObservationsSql(filter.visibility, 'o')];
  if (!filter.includeSynthetic) where.push('NOT o.synthetic');
  if (filter.metricId !== undefined) where.push(`o.metric_id = ${param(filter.metricId)}::int`);
  if (filter.regionCode !== undefined) {
    const code = param(filter.regionCode);
    where.push(`(o.region_code = ${code} OR o.region_code LIKE ${code} || '.%')`);
  }
  if (filter.officeId !== undefined) where.push(`o.office_id = ${param(filter.officeId)}::int`);
  if (filter.programId !== undefined) where.push(`o.program_id = ${param(filter.programId)}::int`);
  if (filter.campaignId !== undefined) where.push(`o.campaign_id = ${param(filter.campaignId)}::int`);
  if (filter.from) where.push(`o.period_end >= ${param(day(filter.from))}::date`);
  if (filter.to) where.push(`o.period_start <= ${param(day(filter.to))}::date`);
  return where.join(' AND ');
}

/**
 * The observations as they stood at `asOf`, filtered as `observations` filters the present, in the
 * same order (period start, then id), with the count of all: each row the version that was the
 * figure then.
 */
export function observationsListAsOf(database: Database, asOf: Date, filter: ResolvedObservationFilter) {
  const params: unknown[] = [asOf.toISOString()];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const relation = `${observationsAsOf('$1::timestamptz')} o WHERE ${whereOf(filter, param)}`;
  return {
    async page({ skip, take }: { skip: number; take: number }): Promise<ObservationRow[]> {
      const rows = await database.prisma.$queryRawUnsafe<
        (Omit<ObservationRow, 'value' | 'periodStart' | 'periodEnd'> & { value: string; periodStart: string; periodEnd: string })[]
      >(
        `SELECT o.id, o.metric_id AS "metricId", o.value::text AS value, o.is_lower_bound AS "isLowerBound", o.period_start::text AS "periodStart", o.period_end::text AS "periodEnd",
                o.office_id AS "officeId", o.region_code AS "regionCode", o.program_id AS "programId", o.campaign_id AS "campaignId", o.dimensions, o.synthetic,
                o.published, o.source_id AS "sourceId", o.created_at AS "createdAt"
         FROM ${relation} ORDER BY o.period_start, o.id OFFSET ${Number(skip)} LIMIT ${Number(take)}`,
        ...params,
      );
      return rows.map((row) => ({
        ...row,
        value: row.value as unknown as ObservationRow['value'],
        periodStart: new Date(`${row.periodStart}T00:00:00Z`),
        periodEnd: new Date(`${row.periodEnd}T00:00:00Z`),
      }));
    },
    async count(): Promise<number> {
      const [row] = await database.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${relation}`, ...params);
      return Number(row?.n ?? 0);
    },
  };
}
