import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent, formatPeriod } from './i18n.ts';

describe('periods in words', () => {
  it.each([
    ['2025', '2025', '2025'],
    ['2023-Q1', 'Triwulan I 2023', 'Q1 2023'],
    ['2023-Q4', 'Triwulan IV 2023', 'Q4 2023'],
    ['2024-01', 'Januari 2024', 'January 2024'],
    ['2024-08', 'Agustus 2024', 'August 2024'],
    ['2025-W07', 'Minggu 7 2025', 'Week 7 2025'],
    ['2026-01-20', '20 Jan 2026', '20 Jan 2026'],
    ['all', 'all', 'all'],
  ])('%s reads %s in Bahasa Indonesia and %s in English', (period, id, en) => {
    expect(formatPeriod(period, 'id')).toBe(id);
    expect(formatPeriod(period, 'en')).toBe(en);
  });
});

describe('numbers in the widget’s language', () => {
  it('groups thousands with a full stop in Bahasa Indonesia and a comma in English, exactly for big integers', () => {
    expect(formatNumber('21363', 'id')).toBe('21.363');
    expect(formatNumber('21363', 'en')).toBe('21,363');
    expect(formatNumber('12345678901234567890', 'en')).toBe('12,345,678,901,234,567,890');
    expect(formatNumber('0.125', 'id')).toBe('0,13');
  });

  it('writes ratios as percentages, and a missing ratio as a dash', () => {
    expect(formatPercent('0.0425', 'id')).toBe('4,25%');
    expect(formatPercent('0.0425', 'en')).toBe('4.25%');
    expect(formatPercent(null, 'en')).toBe('–');
  });
});
