import { describe, expect, it } from 'vitest';
import { suppressCells } from './suppression.ts';

const month = (m: number) => new Date(Date.UTC(2030, m - 1, 1));
const sum = { timeAggregation: 'SUM', spaceAggregation: 'SUM' } as const;

describe('complementary suppression lines', () => {
  it('hides a second month inside the same quarter, since quarters add up from months', () => {
    // January 3 is small; Q1 = 3 + 20 + 30 is a total anyone can ask for, so February (the smallest other month of Q1) goes too.
    const cells = [3, 20, 30, 4.5, 50, 60].map((value, i) => ({ periodStart: month(i + 1), groups: {}, value: String(value) }));
    const hidden = suppressCells(cells, { granularity: 'MONTH', groupBy: [], threshold: 5, metric: sum });
    expect(hidden).toEqual(['BELOW_THRESHOLD', 'COMPLEMENTARY', null, 'BELOW_THRESHOLD', 'COMPLEMENTARY', null]);
  });

  it('keeps hiding until the hidden cells of a line are worth the threshold together', () => {
    // 1 and 2 are both small: hiding only them would still tell that together they make 3 (< 10); the 40 goes too.
    const cells = ['1', '2', '40', '55'].map((value, i) => ({ periodStart: month(1), groups: { regency: `53.0${i + 1}` }, value }));
    const hidden = suppressCells(cells, { granularity: 'YEAR', groupBy: ['regency'], threshold: 10, metric: sum });
    expect(hidden).toEqual(['BELOW_THRESHOLD', 'BELOW_THRESHOLD', 'COMPLEMENTARY', null]);
  });

  it('adds no complements along time for a metric whose figures do not add up over time', () => {
    const cells = [3, 20].map((value, i) => ({ periodStart: month(i + 1), groups: {}, value: String(value) }));
    const hidden = suppressCells(cells, { granularity: 'MONTH', groupBy: [], threshold: 5, metric: { timeAggregation: 'LATEST', spaceAggregation: 'SUM' } });
    expect(hidden).toEqual(['BELOW_THRESHOLD', null]);
  });
});
