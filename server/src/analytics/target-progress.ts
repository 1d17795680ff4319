import type { Database } from '@pantau/prisma';
import { divide, isZero } from './exact-decimal.ts';
import { RATIO_PLACES, type DerivationInput, type Derived, type DerivedReason } from './derived-measures.ts';
import type { SeriesRow } from './series.ts';

export interface TargetProgress extends Derived {
  targetId: number | null;
}

/** The filters that narrow a row to less than everything in a place. */
export interface ProgressFilter {
  regionCodes: readonly string[];
  narrowed: boolean;
  from?: Date | undefined;
  to?: Date | undefined;
}

const placeGroups = ['province', 'regency', 'region'];
const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Where each row's figure is a whole place's (a target is set for all figures of a place): the
 * province, regency or region it is grouped by, else the one region filtered on, else the nation
 * (null). Rows also split or filtered by anything else are not a place's figure.
 */
function placeOf(row: SeriesRow, groupBy: readonly string[], filter: ProgressFilter): { regionCode: string | null } | DerivedReason {
  if (filter.narrowed || groupBy.some((key) => !placeGroups.includes(key)) || groupBy.length > 1) return 'NOT_A_PLACE';
  const [key] = groupBy;
  if (key) return row.groups[key] ? { regionCode: row.groups[key] } : 'NOT_A_PLACE';
  if (filter.regionCodes.length > 1) return 'NOT_A_PLACE';
  return { regionCode: filter.regionCodes[0] ?? null };
}

/** The period a row covers: its bucket, or for the whole range the filter's `from` to `to`. */
function periodOf(row: SeriesRow, filter: ProgressFilter): { start: Date; end: Date } | null {
  if (row.periodStart && row.periodEnd) return { start: row.periodStart, end: row.periodEnd };
  return filter.from && filter.to ? { start: filter.from, end: filter.to } : null;
}

/** Each row's value as a fraction of the target for its metric, period (exactly) and place; one statement. */
export async function progressAgainstTargets(database: Database, metricId: number, input: DerivationInput, filter: ProgressFilter): Promise<TargetProgress[]> {
  const starts = [
    ...new Set(
      input.rows
        .map((row) => periodOf(row, filter)?.start)
        .filter((d): d is Date => Boolean(d))
        .map(day),
    ),
  ];
  const targets = starts.length === 0 ? [] : await database.prisma.target.findMany({ where: { metricId, periodStart: { in: starts.map((s) => new Date(`${s}T00:00:00Z`)) } } });
  const byKey = new Map(targets.map((t) => [`${day(t.periodStart)}|${day(t.periodEnd)}|${t.regionCode ?? ''}`, t]));
  return input.rows.map((row, i) => {
    const place = placeOf(row, input.groupBy, filter);
    const period = periodOf(row, filter);
    const none = (reason: DerivedReason): TargetProgress => ({ value: null, isLowerBound: false, reason, targetId: null });
    if (typeof place === 'string') return none(place);
    const target = period ? byKey.get(`${day(period.start)}|${day(period.end)}|${place.regionCode ?? ''}`) : undefined;
    if (!target) return none('NO_TARGET');
    if (input.hidden[i]) return { ...none('SUPPRESSED'), targetId: target.id };
    const targetValue = target.value.toFixed();
    if (isZero(targetValue)) return { ...none('TARGET_IS_ZERO'), targetId: target.id };
    return { value: divide(row.value, targetValue, RATIO_PLACES), isLowerBound: row.isLowerBound, reason: null, targetId: target.id };
  });
}
