import { describe, expect, it } from 'vitest';
import { toCsv } from '../core/csv.ts';
import { presentSeries, type MetricChartAnswer, type SeriesRow } from './metric-chart.data.ts';
import { metricChartSpec } from './metric-chart.spec.ts';

const source = { key: 'antara-ntt', publisher: 'ANTARA', title: 'Paspor NTT 2025', publishedOn: '2026-01-26', url: null, kind: 'NEWS_ARTICLE' as const };
const none = { province: null, regency: null, region: null, office: null, program: null, campaign: null };
const row = (passportType: [string, string], value: string): SeriesRow => ({
  period: '2025',
  value,
  isLowerBound: false,
  synthetic: false,
  sources: [source],
  dimensions: [{ key: 'passport_type', labelId: passportType[0], labelEn: passportType[1] }],
  ...none,
});

const answer: MetricChartAnswer = {
  metricSeries: {
    metric: { key: 'passports_issued', nameId: 'Paspor diterbitkan', nameEn: 'Passports issued', unitId: 'dokumen perjalanan', unitEn: 'travel documents' },
    rows: [row(['Paspor biasa', 'Ordinary passport'], '7150'), row(['Paspor elektronik', 'Electronic passport'], '14213')],
    total: { value: '21363', isLowerBound: false, synthetic: false, sources: [source] },
  },
};

describe('<pantau-metric-chart> data and spec', () => {
  it('lists each series and the total (7,150 + 14,213 = 21,363) in the widget’s language', () => {
    const id = presentSeries(answer, 'id');
    expect(id.rows.map((r) => id.columns.map((c) => c.display(r)))).toEqual([
      ['2025', 'Paspor biasa', '7.150 dokumen perjalanan'],
      ['2025', 'Paspor elektronik', '14.213 dokumen perjalanan'],
      ['Total', '', '21.363 dokumen perjalanan'],
    ]);
    expect(id.subtitle).toBe('Total: 21.363 dokumen perjalanan');
    expect(id.sources).toEqual([source]);
    expect(presentSeries(answer, 'en').subtitle).toBe('Total: 21,363 travel documents');
  });

  it('exports raw values, not formatted ones, to CSV', () => {
    const { columns, rows } = presentSeries(answer, 'en');
    expect(toCsv(columns, rows)).toBe('Period,Series,Value\r\n2025,Ordinary passport,7150\r\n2025,Electronic passport,14213\r\ntotal,,21363\r\n');
  });

  it('charts the series from the exact values, leaving the total to the table', () => {
    const chart = metricChartSpec(presentSeries(answer, 'en').rows, { language: 'en', width: 600, metric: answer.metricSeries.metric, type: 'line' });
    expect((chart.datasets.rows as { series: string; value: number }[]).map((r) => [r.series, r.value])).toEqual([
      ['Ordinary passport', 7150],
      ['Electronic passport', 14213],
    ]);
    expect(chart.description).toBe('Passports issued (travel documents).');
    expect(JSON.stringify(chart.spec)).toContain('"type":"line"');
  });

  it('has no rows when the series is empty', () => {
    expect(presentSeries({ metricSeries: { ...answer.metricSeries, rows: [], total: null } }, 'id').rows).toEqual([]);
  });
});
