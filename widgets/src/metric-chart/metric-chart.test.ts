import { describe, expect, it } from 'vitest';
import { csvColumns } from '../core/csv-facts.ts';
import { toCsv } from '../core/csv.ts';
import { presentSeries, type MetricChartAnswer, type SeriesRow } from './metric-chart.data.ts';
import { metricChartSpec } from './metric-chart.spec.ts';
import { seriesSummary, seriesWords } from './metric-chart.words.ts';

const source = { key: 'antara-ntt', publisher: 'ANTARA', title: 'Paspor NTT 2025', publishedOn: '2026-01-26', url: null, kind: 'NEWS_ARTICLE' as const };
const none = { province: null, regency: null, region: null, office: null, program: null, campaign: null };
const row = (passportType: [string, string], value: string): SeriesRow => ({
  period: '2025',
  value,
  suppressed: false,
  isLowerBound: false,
  synthetic: false,
  observationCount: 1,
  sources: [source],
  dimensions: [{ key: 'passport_type', value: passportType[1], labelId: passportType[0], labelEn: passportType[1] }],
  ...none,
});

/** The rows as the API sends them: `columns` (grouped by their dimensions) and `sources`. */
function sent(rows: SeriesRow[]): Pick<MetricChartAnswer['metricSeries'], 'columns' | 'sources'> {
  const keys = [...new Set(rows.flatMap((r) => r.dimensions.map((d) => d.key)))];
  const periods = [...new Set(rows.map((r) => r.period))];
  const bit = (flag: boolean) => (flag ? 1 : 0) as 0 | 1;
  const groups = keys.map((key) => {
    const entries = rows.flatMap((r) => r.dimensions.filter((d) => d.key === key));
    const codes = [...new Set(entries.map((d) => d.value))];
    const named = codes.map((code) => entries.find((d) => d.value === code));
    return {
      key,
      value: rows.map((r) => {
        const found = r.dimensions.find((d) => d.key === key);
        return found ? codes.indexOf(found.value) : null;
      }),
      codes,
      namesId: named.map((d) => d?.labelId ?? ''),
      namesEn: named.map((d) => d?.labelEn ?? ''),
    };
  });
  const columns = {
    count: rows.length,
    period: rows.map((r) => periods.indexOf(r.period)),
    periods,
    value: rows.map((r) => r.value),
    suppressed: rows.map((r) => bit(r.value === null)),
    isLowerBound: rows.map((r) => bit(r.isLowerBound)),
    synthetic: rows.map((r) => bit(r.synthetic)),
    observationCount: rows.map((r) => r.observationCount),
    sourceSet: rows.map(() => 0),
    sourceSets: [[0]],
    groups,
  };
  return { columns, sources: [source] };
}

const answer: MetricChartAnswer = {
  metricSeries: {
    metric: { key: 'passports_issued', nameId: 'Paspor diterbitkan', nameEn: 'Passports issued', unitId: 'dokumen perjalanan', unitEn: 'travel documents' },
    ...sent([row(['Paspor biasa', 'Ordinary passport'], '7150'), row(['Paspor elektronik', 'Electronic passport'], '14213')]),
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
    expect(presentSeries({ metricSeries: { ...answer.metricSeries, ...sent([]), total: null } }, 'id').rows).toEqual([]);
  });

  it('exports unit, lower-bound flag, synthetic flag and sources with every CSV row', () => {
    const data = presentSeries(answer, 'en');
    const words = seriesWords(data, answer, { language: 'en', region: '53', granularity: 'YEAR', groupBy: ['passport_type'], from: null, to: null, includeSynthetic: false });
    const csv = toCsv(csvColumns(data.columns, words.facts ?? (() => ({ unit: '', isLowerBound: false, synthetic: false, sources: [] })), 'en'), data.rows.slice(0, 1));
    expect(csv).toBe(
      'Period,Series,Value,Unit,Lower bound (more than),Synthetic,Sources\r\n2025,Ordinary passport,7150,travel documents,false,false,"ANTARA, 2026-01-26: Paspor NTT 2025 [antara-ntt]"\r\n',
    );
    expect(words.filters).toBe('Region: Nusa Tenggara Timur · yearly · split by passport type');
    const id = seriesWords(presentSeries(answer, 'id'), answer, {
      language: 'id',
      region: '53',
      granularity: 'QUARTER',
      groupBy: ['passport_type'],
      from: '2024-01-01',
      to: null,
      includeSynthetic: true,
    });
    expect(id.filters).toBe('Wilayah: Nusa Tenggara Timur · triwulanan · sejak 1 Jan 2024 · dirinci menurut jenis paspor · termasuk data sintetis');
  });

  it('sums the series up: total, highest and lowest series of the latest period', () => {
    expect(seriesSummary(presentSeries(answer, 'id').rows, answer, 'id')).toBe(
      'Paspor diterbitkan, 2025: total 21.363 dokumen perjalanan; tertinggi Paspor elektronik (14.213 dokumen perjalanan), terendah Paspor biasa (7.150 dokumen perjalanan).',
    );
    expect(seriesSummary(presentSeries(answer, 'en').rows, answer, 'en')).toBe(
      'Passports issued, 2025: 21,363 travel documents in total; highest Electronic passport (14,213 travel documents), lowest Ordinary passport (7,150 travel documents).',
    );
  });

  it('sums one series over months up: its highest and lowest month, the change of the last, suppressed cells, synthetic data', () => {
    const month = (period: string, value: string | null, synthetic = false): SeriesRow => ({ ...row(['', ''], '0'), period, value, synthetic, dimensions: [] });
    const monthly: MetricChartAnswer = {
      metricSeries: {
        ...answer.metricSeries,
        ...sent([month('2024-01', '100'), month('2024-02', '150', true), month('2024-03', '120'), month('2024-04', null)]),
        total: { value: '370', isLowerBound: false, synthetic: true, sources: [source] },
      },
    };
    // March against February: (120 − 150) / 150 = −20 %.
    expect(seriesSummary(presentSeries(monthly, 'id').rows, monthly, 'id')).toBe(
      'Paspor diterbitkan, Januari 2024–Maret 2024: total 370 dokumen perjalanan; tertinggi Februari 2024 (150 dokumen perjalanan), terendah Januari 2024 (100 dokumen perjalanan); Maret 2024 turun 20% dibanding Februari 2024; 1 sel disembunyikan; data sintetis.',
    );
    expect(seriesSummary(presentSeries(monthly, 'en').rows, monthly, 'en')).toBe(
      'Passports issued, January 2024–March 2024: 370 travel documents in total; highest February 2024 (150 travel documents), lowest January 2024 (100 travel documents); March 2024 down 20% on February 2024; 1 cell suppressed; synthetic data.',
    );
  });
});
