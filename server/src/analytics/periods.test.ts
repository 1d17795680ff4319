import { describe, expect, it } from 'vitest';
import { bucketStart, enclosingPeriods, periodEndOf, periodLabel, previousBucketStart } from './periods.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);

describe('periods', () => {
  it('labels ISO weeks by the year their Thursday falls in', () => {
    expect(periodLabel(day('2024-12-30'), 'WEEK')).toBe('2025-W01'); // Monday; its Thursday is 2 January 2025
    expect(periodLabel(day('2020-12-28'), 'WEEK')).toBe('2020-W53'); // 2020 has 53 weeks
    expect(periodLabel(day('2021-01-04'), 'WEEK')).toBe('2021-W01');
    expect(periodLabel(day('2026-06-29'), 'WEEK')).toBe('2026-W27');
  });

  it('starts weeks on Monday and ends them on Sunday', () => {
    expect(iso(bucketStart(day('2030-01-06'), 'WEEK'))).toBe('2029-12-31'); // a Sunday
    expect(iso(bucketStart(day('2030-01-07'), 'WEEK'))).toBe('2030-01-07'); // a Monday
    expect(iso(periodEndOf(day('2029-12-31'), 'WEEK'))).toBe('2030-01-06');
  });

  it('steps back one bucket', () => {
    expect(iso(previousBucketStart(day('2030-01-01'), 'MONTH'))).toBe('2029-12-01');
    expect(iso(previousBucketStart(day('2030-01-01'), 'QUARTER'))).toBe('2029-10-01');
    expect(iso(previousBucketStart(day('2030-01-07'), 'WEEK'))).toBe('2029-12-31');
    expect(iso(previousBucketStart(day('2030-03-01'), 'DAY'))).toBe('2030-02-28');
  });

  it('names the longer periods a bucket adds up into, weeks into the whole range only', () => {
    expect(enclosingPeriods(day('2030-05-01'), 'MONTH')).toEqual(['2030-Q2', '2030', 'all']);
    expect(enclosingPeriods(day('2030-05-04'), 'DAY')).toEqual(['2030-05', '2030-Q2', '2030', 'all']);
    expect(enclosingPeriods(day('2029-12-31'), 'WEEK')).toEqual(['all']);
  });
});
