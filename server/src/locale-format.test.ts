import { describe, expect, it } from 'vitest';
import { formatDateline, formatDecimal, formatPeriod } from './locale-format.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('numbers, days and periods in words', () => {
  it('groups decimals for the language and keeps every digit', () => {
    expect(formatDecimal('14213.0000', 'ID')).toBe('14.213');
    expect(formatDecimal('14213.0000', 'EN')).toBe('14,213');
    expect(formatDecimal('1234.5000', 'ID')).toBe('1.234,5');
    // Beyond a double's 15-16 significant digits: still exact.
    expect(formatDecimal('1234567890123456.1234', 'EN')).toBe('1,234,567,890,123,456.1234');
  });

  it('names a day, a year, a quarter, a month, or else the first and last day', () => {
    expect(formatPeriod(day('2026-01-20'), day('2026-01-20'), 'ID')).toBe('20 Januari 2026');
    expect(formatPeriod(day('2025-01-01'), day('2025-12-31'), 'EN')).toBe('2025');
    expect(formatPeriod(day('2023-01-01'), day('2023-03-31'), 'ID')).toBe('Triwulan I 2023');
    expect(formatPeriod(day('2023-10-01'), day('2023-12-31'), 'EN')).toBe('Q4 2023');
    expect(formatPeriod(day('2024-02-01'), day('2024-02-29'), 'ID')).toBe('Februari 2024');
    expect(formatPeriod(day('2026-01-20'), day('2026-01-26'), 'ID')).toBe('20–26 Januari 2026');
    // Each language's own convention for a range (ICU): no spaces in Indonesian, thin spaces in British English.
    expect(formatPeriod(day('2026-01-20'), day('2026-01-26'), 'EN')).toBe('20\u2009–\u200926 January 2026');
    expect(formatPeriod(day('2025-12-15'), day('2026-01-14'), 'ID')).toBe('15 Desember 2025\u2009–\u200914 Januari 2026');
  });

  it('writes a dateline as place and day with its weekday', () => {
    expect(formatDateline('Kupang', day('2026-01-26'), 'ID')).toBe('Kupang, Senin, 26 Januari 2026');
    expect(formatDateline('Kupang', day('2026-01-26'), 'EN')).toBe('Kupang, Monday, 26 January 2026');
    expect(formatDateline(null, day('2024-11-04'), 'ID')).toBe('Senin, 4 November 2024');
    expect(formatDateline(null, null, 'EN')).toBeNull();
  });
});
