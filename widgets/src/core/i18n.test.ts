import { describe, expect, it } from 'vitest';
import { formatPeriod } from './i18n.ts';

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
