import { describe, expect, it } from 'vitest';
import { barLabel } from '../core/bar-labels.ts';
import { chartedMetric, presentCampaign, type CampaignTotalsAnswer, type MetricTotal } from './campaign-totals.data.ts';
import { campaignTotalsSpec } from './campaign-totals.spec.ts';
import { campaignSummary, campaignWords } from './campaign-totals.words.ts';

const source = { key: 'antara-hbi', publisher: 'ANTARA', title: 'HBI 76', publishedOn: '2026-01-20', url: null, kind: 'NEWS_ARTICLE' as const };
const office = (code: string, nameId: string, nameEn: string, value: string, isLowerBound = false) => ({
  office: { code, nameId, nameEn },
  region: null,
  value,
  isLowerBound,
  synthetic: false,
});
const metric = (key: string, nameId: string, nameEn: string, value: string, unit: [string, string], byOffice: MetricTotal['byOffice'], isLowerBound = false): MetricTotal => ({
  metric: { key, nameId, nameEn },
  value,
  isLowerBound,
  synthetic: false,
  unitId: unit[0],
  unitEn: unit[1],
  sources: [source],
  byOffice,
  byRegion: [],
});

const answer: CampaignTotalsAnswer = {
  campaignTotals: {
    campaign: { slug: 'hbi-76-2026', nameId: 'Hari Bakti Imigrasi ke-76', nameEn: '76th Immigration Service Day', startsOn: '2026-01-20', endsOn: '2026-01-20' },
    metrics: [
      metric('blood_donors', 'Pendonor darah', 'Blood donors', '500', ['orang', 'people'], [], true),
      metric(
        'coconut_seedlings',
        'Bibit kelapa',
        'Coconut seedlings',
        '20000',
        ['bibit', 'seedlings'],
        [office('kupang', 'Kanim Kupang', 'Kupang Office', '8000'), office('atambua', 'Kanim Atambua', 'Atambua Office', '12000')],
      ),
    ],
  },
};

describe('<pantau-campaign-totals> data and spec', () => {
  it('lists each total and its parts, a lower bound as “lebih dari” / “more than”', () => {
    const id = presentCampaign(answer, { language: 'id', groupBy: 'office' });
    expect(id.rows.map((r) => id.columns.map((c) => c.display(r)))).toEqual([
      ['Pendonor darah', 'Total', 'lebih dari 500 orang', 'orang', 'Ya'],
      ['Bibit kelapa', 'Total', '20.000 bibit', 'bibit', 'Tidak'],
      ['Bibit kelapa', 'Kanim Kupang', '8.000 bibit', 'bibit', 'Tidak'],
      ['Bibit kelapa', 'Kanim Atambua', '12.000 bibit', 'bibit', 'Tidak'],
    ]);
    expect(id.subtitle).toBe('Hari Bakti Imigrasi ke-76 · 20 Jan 2026');
    const en = presentCampaign(answer, { language: 'en', groupBy: 'office' });
    expect(en.rows.slice(0, 1).map((row) => en.columns[2]?.display(row))).toEqual(['more than 500 people']);
  });

  it('charts the metric with the most parts by default, largest part first', () => {
    const charted = chartedMetric(answer.campaignTotals.metrics, null, 'office');
    expect(charted).toBe(answer.campaignTotals.metrics[1]);
    const chart = campaignTotalsSpec(presentCampaign(answer, { language: 'en', groupBy: 'office' }).rows, {
      language: 'en',
      width: 500,
      metric: answer.campaignTotals.metrics[1] as MetricTotal,
      groupBy: 'office',
    });
    expect((chart.datasets.rows as { label: string; value: number }[]).map((r) => [r.label, r.value])).toEqual([
      ['Atambua Office', 12000],
      ['Kupang Office', 8000],
    ]);
    expect(chart.height).toBe(2 * 24);
  });

  it('charts a metric without parts as its total alone, in the lower-bound colour', () => {
    const donors = answer.campaignTotals.metrics[0] as MetricTotal;
    expect(chartedMetric(answer.campaignTotals.metrics, 'blood_donors', 'office')).toBe(donors);
    const chart = campaignTotalsSpec(presentCampaign(answer, { language: 'id', groupBy: 'office' }).rows, { language: 'id', width: 500, metric: donors, groupBy: 'office' });
    expect(chart.datasets.rows).toEqual([{ label: 'Total', value: 500, group: 'highlight', tip: { Kantor: 'Total', 'Pendonor darah': 'lebih dari 500 orang' } }]);
  });

  it('sums the charted metric up in one sentence: total, largest and smallest part, a lower bound as “lebih dari”', () => {
    const options = { groupBy: 'office', metric: null, includeSynthetic: false } as const;
    const rowsIn = (language: 'id' | 'en') => presentCampaign(answer, { language, groupBy: 'office' }).rows;
    expect(campaignSummary(rowsIn('id'), answer, { ...options, language: 'id' })).toBe(
      'Bibit kelapa: 20.000 bibit; terbanyak Kanim Atambua (12.000 bibit), paling sedikit Kanim Kupang (8.000 bibit), dari 2 kantor; 1 indikator lain di tabel.',
    );
    expect(campaignSummary(rowsIn('en'), answer, { ...options, language: 'en' })).toBe(
      'Coconut seedlings: 20,000 seedlings; most at Atambua Office (12,000 seedlings), fewest at Kupang Office (8,000 seedlings), across 2 offices; 1 more metric in the table.',
    );
    expect(campaignSummary(rowsIn('id'), answer, { ...options, metric: 'blood_donors', language: 'id' })).toBe('Pendonor darah: lebih dari 500 orang; 1 indikator lain di tabel.');
    const words = campaignWords(presentCampaign(answer, { language: 'id', groupBy: 'office' }), answer, { ...options, language: 'id', includeSynthetic: true });
    expect(words.filters).toBe('Kampanye: Hari Bakti Imigrasi ke-76 · Bibit kelapa, per kantor · termasuk data sintetis');
    expect(words.facts?.(rowsIn('id')[0] as never)).toEqual({ unit: 'orang', isLowerBound: true, synthetic: false, sources: [source] });
  });

  it('wraps a long office name onto two lines, shortens it the ministry’s way only when it must, and keeps the full name in the tooltip', () => {
    const long = metric(
      'passports',
      'Paspor',
      'Passports',
      '30',
      ['dokumen', 'documents'],
      [
        office('kanwil', 'Kantor Wilayah Direktorat Jenderal Imigrasi Nusa Tenggara Timur', 'East Nusa Tenggara Regional Office of Immigration', '20'),
        office('kupang', 'Kanim Kupang', 'Kupang Office', '10'),
      ],
    );
    const withLong: CampaignTotalsAnswer = { campaignTotals: { ...answer.campaignTotals, metrics: [long] } };
    const rows = presentCampaign(withLong, { language: 'id', groupBy: 'office' }).rows;
    // 320 px: a label column of 0.4 × 286 = 114 px, 17 characters a line.
    const narrow = campaignTotalsSpec(rows, { language: 'id', width: 286, metric: long, groupBy: 'office' });
    const values = narrow.datasets.rows as { label: string; tip: Record<string, string> }[];
    expect(values.map((r) => r.label)).toEqual(['Kanwil Ditjenim\nNTT', 'Kanim Kupang']);
    expect(values[0]?.tip.Kantor).toBe('Kantor Wilayah Direktorat Jenderal Imigrasi Nusa Tenggara Timur');
    expect(narrow.height).toBe(2 * 36);
    // 1280 px: a 200 px column, 30 characters a line; 63 characters do not fit two lines, the short form fits one.
    const wide = campaignTotalsSpec(rows, { language: 'id', width: 1246, metric: long, groupBy: 'office' });
    expect((wide.datasets.rows as { label: string }[]).map((r) => r.label)).toEqual(['Kanwil Ditjenim NTT', 'Kanim Kupang']);
    expect(wide.height).toBe(2 * 24);
    // A name that two lines hold is wrapped, not shortened.
    expect(barLabel('Kantor Imigrasi Soekarno-Hatta', 17)).toEqual(['Kantor Imigrasi', 'Soekarno-Hatta']);
    expect(barLabel('Kantor Imigrasi Kelas I TPI Kupang', 17)).toEqual(['Kanim Kelas I TPI', 'Kupang']);
  });
});
