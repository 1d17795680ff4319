import { describe, expect, it } from 'vitest';
import { changeLine, metricHeadline, previousPeriod, subtractDecimals, tileSentence, type TilePeriod } from './metric-tile.headline.ts';

const source = { key: 'antara', publisher: 'ANTARA', title: 'Paspor NTT', publishedOn: '2026-01-26', url: null, kind: 'NEWS_ARTICLE' as const };
/** The headline of `rows`, which each case below has. */
function headlineOf(rows: TilePeriod[], options: { period?: string } = {}) {
  const headline = metricHeadline(rows, options);
  if (!headline) throw new Error('no headline');
  return headline;
}

const period = (p: string, value: string, isLowerBound = false): TilePeriod => ({ period: p, value, isLowerBound, synthetic: false, sources: [source] });

describe('the metric tile’s headline', () => {
  it('names the period before each form of period the API uses', () => {
    expect(['2025', '2025-Q1', '2025-Q3', '2025-01', '2025-10', '2024-03-01', '2025-W07'].map(previousPeriod)).toEqual([
      '2024',
      '2024-Q4',
      '2025-Q2',
      '2024-12',
      '2025-09',
      '2024-02-29',
      null,
    ]);
  });

  it('subtracts exact decimals without a binary float', () => {
    expect(subtractDecimals('0.3', '0.1')).toBe('0.2');
    expect(subtractDecimals('21363', '18000')).toBe('3363');
    expect(subtractDecimals('100', '100.25')).toBe('-0.25');
    expect(subtractDecimals('90071992547409930', '1')).toBe('90071992547409929');
  });

  it('shows the latest period and its change against the one before: 21,363 against 18,000 is +3,363 (+18.7%)', () => {
    const headline = headlineOf([period('2025', '21363'), period('2023', '9000'), period('2024', '18000')]);
    expect(headline.current.period).toBe('2025');
    expect(headline.change?.difference).toBe('3363');
    // 3363 / 18000 = 0.186833…
    expect(changeLine(headline, 'id')).toBe('+3.363 (+18,7%) dibanding 2024');
    expect(changeLine(headline, 'en')).toBe('+3,363 (+18.7%) compared with 2024');
    expect(tileSentence(headline, 'Paspor diterbitkan', 'dokumen perjalanan', 'id')).toBe('Paspor diterbitkan, 2025: 21.363 dokumen perjalanan; +3.363 (+18,7%) dibanding 2024.');
  });

  it('shows a fall with a minus sign, and no change as the same figure', () => {
    expect(changeLine(headlineOf([period('2025-Q1', '750'), period('2024-Q4', '1000')]), 'en')).toBe('−250 (−25%) compared with Q4 2024');
    expect(changeLine(headlineOf([period('2025-03', '12'), period('2025-02', '12.0')]), 'id')).toBe('sama dengan Februari 2025');
  });

  it('gives no change when the period before is missing or either figure is a lower bound', () => {
    expect(metricHeadline([period('2025', '21363'), period('2023', '9000')])?.change).toBeNull();
    const lowerBound = headlineOf([period('2026', '500', true), period('2025', '400')]);
    expect(lowerBound.change).toBeNull();
    expect(tileSentence(lowerBound, 'Pendonor darah', 'orang', 'id')).toBe('Pendonor darah, 2026: lebih dari 500 orang.');
    expect(tileSentence(lowerBound, 'Blood donors', 'people', 'en')).toBe('Blood donors, 2026: more than 500 people.');
    const synthetic = { ...lowerBound, current: { ...lowerBound.current, synthetic: true } };
    expect(tileSentence(synthetic, 'Blood donors', 'people', 'en')).toBe('Blood donors, 2026: more than 500 people; synthetic data.');
  });

  it('shows the period asked for, and nothing for a period or series without data', () => {
    expect(metricHeadline([period('2025', '21363'), period('2024', '18000')], { period: '2024' })?.current.value).toBe('18000');
    expect(metricHeadline([period('2025', '1')], { period: '2019' })).toBeNull();
    expect(metricHeadline([])).toBeNull();
  });
});
