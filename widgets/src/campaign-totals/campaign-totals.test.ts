import { describe, expect, it } from 'vitest';
import { chartedMetric, presentCampaign, type CampaignTotalsAnswer, type MetricTotal } from './campaign-totals.data.ts';
import { campaignTotalsSpec } from './campaign-totals.spec.ts';

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
});
