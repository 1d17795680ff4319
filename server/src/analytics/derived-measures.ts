import type { Aggregation } from '@pantau/prisma/client';
import { add, divide, isZero, subtract } from './exact-decimal.ts';
import { bucketStart, periodLabel, previousBucketStart } from './periods.ts';
import type { Granularity } from './rollup-planner.ts';
import type { SeriesRow } from './series.ts';
import type { SuppressionRule } from './suppression.ts';

/** Why a derived figure is null. */
export type DerivedReason =
  | 'NOT_ADDITIVE_ACROSS_PLACES'
  | 'NOT_ADDITIVE_OVER_TIME'
  | 'TOTAL_IS_ZERO'
  | 'WHOLE_RANGE'
  | 'PERIOD_BEFORE_RANGE'
  | 'NO_PREVIOUS_PERIOD'
  | 'PREVIOUS_IS_ZERO'
  | 'SUPPRESSED'
  | 'NOT_A_PLACE'
  | 'NO_TARGET'
  | 'TARGET_IS_ZERO';

/** A figure derived from rows; `isLowerBound` when a lower bound went into it. */
export interface Derived {
  value: string | null;
  isLowerBound: boolean;
  reason: DerivedReason | null;
}

export interface PeriodChange {
  absolute: string | null;
  percent: string | null;
  previousPeriod: string | null;
  previousValue: string | null;
  isLowerBound: boolean;
  reason: DerivedReason | null;
}

/** Shares and progress are fractions rounded to six places, as the coverage ratios; percentages to two. */
export const RATIO_PLACES = 6;
export const PERCENT_PLACES = 2;

/** The rows of one metric's answer, with the rules the derived figures follow. */
export interface DerivationInput {
  rows: readonly SeriesRow[];
  hidden: readonly (SuppressionRule | null)[];
  groupBy: readonly string[];
  granularity: Granularity;
  metric: { timeAggregation: Aggregation; spaceAggregation: Aggregation };
}

const nothing = (reason: DerivedReason, isLowerBound = false): Derived => ({ value: null, isLowerBound, reason });
export const groupKey = (row: Pick<SeriesRow, 'groups'>, groupBy: readonly string[]) => JSON.stringify(groupBy.map((key) => row.groups[key] ?? null));

/** Each row's share of its period's total across the groups (the total is what the period answers ungrouped). */
export function sharesOfTotal(input: DerivationInput): Derived[] {
  if (input.metric.spaceAggregation !== 'SUM') return input.rows.map(() => nothing('NOT_ADDITIVE_ACROSS_PLACES'));
  const totals = new Map<string, { value: string; isLowerBound: boolean }>();
  for (const row of input.rows) {
    const key = row.periodStart?.toISOString() ?? 'all';
    const total = totals.get(key) ?? { value: '0', isLowerBound: false };
    totals.set(key, { value: add(total.value, row.value), isLowerBound: total.isLowerBound || row.isLowerBound });
  }
  return input.rows.map((row, i) => {
    const total = totals.get(row.periodStart?.toISOString() ?? 'all') ?? { value: '0', isLowerBound: false };
    if (input.hidden[i]) return nothing('SUPPRESSED');
    if (isZero(total.value)) return nothing('TOTAL_IS_ZERO', total.isLowerBound);
    return { value: divide(row.value, total.value, RATIO_PLACES), isLowerBound: total.isLowerBound, reason: null };
  });
}

/** Each row's group summed over its period and every earlier one in the answer; hidden from a hidden cell on. */
export function runningTotals(input: DerivationInput): Derived[] {
  if (input.metric.timeAggregation !== 'SUM') return input.rows.map(() => nothing('NOT_ADDITIVE_OVER_TIME'));
  const order = input.rows.map((_, i) => i).sort((a, b) => (input.rows[a]?.periodStart?.getTime() ?? 0) - (input.rows[b]?.periodStart?.getTime() ?? 0));
  const sums = new Map<string, { value: string; isLowerBound: boolean; hidden: boolean }>();
  const result: Derived[] = input.rows.map(() => nothing('SUPPRESSED'));
  for (const i of order) {
    const row = input.rows[i] as SeriesRow;
    const key = groupKey(row, input.groupBy);
    const before = sums.get(key) ?? { value: '0', isLowerBound: false, hidden: false };
    const now = { value: add(before.value, row.value), isLowerBound: before.isLowerBound || row.isLowerBound, hidden: before.hidden || Boolean(input.hidden[i]) };
    sums.set(key, now);
    result[i] = now.hidden ? nothing('SUPPRESSED') : { value: now.value, isLowerBound: now.isLowerBound, reason: null };
  }
  return result;
}

/** The rows of the bucket before the range, from their own answer, for the first period's change. */
export interface PreviousBucket {
  rows: readonly SeriesRow[];
  hidden: readonly (SuppressionRule | null)[];
}

/**
 * Each row against the same group in the period before: absolute and in percent. Null with a reason
 * when that period has no figure, is hidden, or (percent only) is zero.
 */
export function changesFromPrevious(input: DerivationInput, from: Date | undefined, before: PreviousBucket | null): PeriodChange[] {
  const granularity = input.granularity;
  const firstBucket = from && granularity !== 'ALL' ? bucketStart(from, granularity) : null;
  const index = new Map<string, { row: SeriesRow; hidden: boolean }>();
  const keyOf = (row: SeriesRow) => `${row.periodStart?.toISOString()}|${groupKey(row, input.groupBy)}`;
  input.rows.forEach((row, i) => {
    if (!firstBucket || (row.periodStart && row.periodStart >= firstBucket)) index.set(keyOf(row), { row, hidden: Boolean(input.hidden[i]) });
  });
  before?.rows.forEach((row, i) => index.set(keyOf(row), { row, hidden: Boolean(before.hidden[i]) }));

  return input.rows.map((row, i) => {
    const empty = { absolute: null, percent: null, previousPeriod: null, previousValue: null, isLowerBound: false };
    if (granularity === 'ALL' || !row.periodStart) return { ...empty, reason: 'WHOLE_RANGE' };
    const previousStart = previousBucketStart(row.periodStart, granularity);
    const previousPeriod = periodLabel(previousStart, granularity);
    if (firstBucket && row.periodStart < firstBucket) return { ...empty, previousPeriod, reason: 'PERIOD_BEFORE_RANGE' };
    const previous = index.get(`${previousStart.toISOString()}|${groupKey(row, input.groupBy)}`);
    if (input.hidden[i] || previous?.hidden) return { ...empty, previousPeriod, reason: 'SUPPRESSED' };
    if (!previous) return { ...empty, previousPeriod, reason: 'NO_PREVIOUS_PERIOD' };
    const absolute = subtract(row.value, previous.row.value);
    const isLowerBound = row.isLowerBound || previous.row.isLowerBound;
    if (isZero(previous.row.value)) return { absolute, percent: null, previousPeriod, previousValue: previous.row.value, isLowerBound, reason: 'PREVIOUS_IS_ZERO' };
    return { absolute, percent: divide(absolute, previous.row.value, PERCENT_PLACES, 100), previousPeriod, previousValue: previous.row.value, isLowerBound, reason: null };
  });
}
