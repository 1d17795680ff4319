import type { Granularity } from './rollup-planner.ts';

export type Bucket = Exclude<Granularity, 'ALL'>;

const DAY_MS = 86_400_000;
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d));
const addDays = (day: Date, days: number) => new Date(day.getTime() + days * DAY_MS);

/** The first day of the bucket `day` falls in; ISO weeks start on Monday. */
export function bucketStart(day: Date, granularity: Bucket): Date {
  const y = day.getUTCFullYear();
  const m = day.getUTCMonth();
  if (granularity === 'DAY') return utc(y, m, day.getUTCDate());
  if (granularity === 'WEEK') return addDays(utc(y, m, day.getUTCDate()), -((day.getUTCDay() + 6) % 7));
  if (granularity === 'MONTH') return utc(y, m, 1);
  if (granularity === 'QUARTER') return utc(y, m - (m % 3), 1);
  return utc(y, 0, 1);
}

export function periodEndOf(start: Date, granularity: Bucket): Date {
  const y = start.getUTCFullYear();
  const m = start.getUTCMonth();
  const d = start.getUTCDate();
  if (granularity === 'DAY') return utc(y, m, d);
  if (granularity === 'WEEK') return utc(y, m, d + 6);
  if (granularity === 'MONTH') return utc(y, m + 1, 0);
  if (granularity === 'QUARTER') return utc(y, m + 3, 0);
  return utc(y, 12, 0);
}

/** The start of the bucket before the one starting on `start`. */
export function previousBucketStart(start: Date, granularity: Bucket): Date {
  const y = start.getUTCFullYear();
  const m = start.getUTCMonth();
  const d = start.getUTCDate();
  if (granularity === 'DAY') return utc(y, m, d - 1);
  if (granularity === 'WEEK') return utc(y, m, d - 7);
  if (granularity === 'MONTH') return utc(y, m - 1, 1);
  if (granularity === 'QUARTER') return utc(y, m - 3, 1);
  return utc(y - 1, 0, 1);
}

/** ISO 8601 week of a Monday: the week belongs to the year its Thursday falls in (`2025-W01` starts on 2024-12-30). */
function isoWeekLabel(monday: Date): string {
  const thursday = addDays(monday, 3);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - utc(year, 0, 1).getTime()) / DAY_MS / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function periodLabel(start: Date, granularity: Granularity): string {
  const iso = start.toISOString();
  if (granularity === 'YEAR') return iso.slice(0, 4);
  if (granularity === 'QUARTER') return `${iso.slice(0, 4)}-Q${Math.floor(start.getUTCMonth() / 3) + 1}`;
  if (granularity === 'MONTH') return iso.slice(0, 7);
  if (granularity === 'WEEK') return isoWeekLabel(start);
  return iso.slice(0, 10);
}

/**
 * The longer periods a bucket adds up into exactly (a month into its quarter and year), each as a
 * label, then `all` (the whole range). ISO weeks straddle months and years, so they add up only into
 * the whole range.
 */
export function enclosingPeriods(start: Date | null, granularity: Granularity): string[] {
  if (!start || granularity === 'ALL' || granularity === 'WEEK' || granularity === 'YEAR') return ['all'];
  const coarser: Granularity[] = granularity === 'DAY' ? ['MONTH', 'QUARTER', 'YEAR'] : granularity === 'MONTH' ? ['QUARTER', 'YEAR'] : ['YEAR'];
  return [...coarser.map((g) => periodLabel(start, g)), 'all'];
}
