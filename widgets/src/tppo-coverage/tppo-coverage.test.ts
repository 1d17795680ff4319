import { describe, expect, it } from 'vitest';
import { presentCoverage, type CoverageRow, type TppoCoverageAnswer } from './tppo-coverage.data.ts';
import { tppoCoverageSpec } from './tppo-coverage.spec.ts';
import { coverageSummary, coverageWords } from './tppo-coverage.words.ts';

const dataset = { key: 'idn-area-data-4.0.1', publisher: 'idn-area-data', title: 'Wilayah', publishedOn: null, url: null, kind: 'DATASET' as const };
const article = { key: 'antara-pimpasa', publisher: 'ANTARA', title: 'Pimpasa', publishedOn: '2024-11-04', url: null, kind: 'NEWS_ARTICLE' as const };
const region = (code: string, name: string, villages: number, partnerVillages: number, isPriority = false): CoverageRow => ({
  region: { code, name },
  villages,
  partnerVillages,
  partnerVillagesWithPimpasa: 0,
  coverageRatio: villages ? String(partnerVillages / villages) : null,
  pimpasaCoverageRatio: null,
  pimpasaOfficers: { value: '0', sources: [] },
  tppoActivities: { value: '0', sources: [] },
  isPriority,
  synthetic: false,
  sources: [dataset],
});

const answer: TppoCoverageAnswer = {
  tppoCoverage: {
    // Bali 10 of 200 (5%), NTT 33 of 3,300 (1%, priority), Aceh none of 6,500 (0%) and no priority.
    regions: [region('53', 'Nusa Tenggara Timur', 3300, 33, true), region('11', 'Aceh', 6500, 0), region('51', 'Bali', 200, 10)],
    national: {
      villages: 10000,
      partnerVillages: 43,
      coverageRatio: '0.0043',
      synthetic: false,
      reportedPartnerVillages: { value: '125', sources: [article] },
      reportedPimpasaOfficers: null,
    },
  },
};

describe('<pantau-tppo-coverage> data and spec', () => {
  it('sorts regions by coverage and keeps those with nothing recorded: a zero is a finding', () => {
    const data = presentCoverage(answer, { language: 'id', byRegency: false });
    expect(data.rows.map((r) => r.region.name)).toEqual(['Bali', 'Nusa Tenggara Timur', 'Aceh']);
    expect(data.subtitle).toBe('Nasional: 43 desa binaan / 10.000 (0,43%)');
    expect(data.sources.map((s) => s.key)).toEqual(['antara-pimpasa', 'idn-area-data-4.0.1']);
    expect(data.columns[0]?.header).toBe('Provinsi');
    expect(presentCoverage(answer, { language: 'en', byRegency: true }).columns[0]?.header).toBe('Regency/city');
  });

  it('draws coverage in percent, the priority province in the highlight colour', () => {
    const chart = tppoCoverageSpec(presentCoverage(answer, { language: 'en', byRegency: false }).rows, { language: 'en', width: 500, byRegency: false });
    expect((chart.datasets.rows as { label: string; value: number; group: string }[]).map((r) => [r.label, r.value, r.group])).toEqual([
      ['Bali', 5, 'normal'],
      ['Nusa Tenggara Timur', 1, 'highlight'],
      ['Aceh', 0, 'normal'],
    ]);
    expect(chart.description).toBe('Village coverage (%), province.');
  });

  it('puts the unit on a percent axis', () => {
    const chart = tppoCoverageSpec(presentCoverage(answer, { language: 'id', byRegency: false }).rows, { language: 'id', width: 286, byRegency: false });
    const axes = (chart.spec.axes ?? []) as { orient: string; labels?: boolean; title?: string; encode?: { labels?: { update?: { text?: { signal?: string } } } } }[];
    const valueAxis = axes.find((axis) => axis.orient === 'bottom' && axis.labels !== false);
    expect(valueAxis?.title).toBe('Cakupan desa (%)');
    expect(valueAxis?.encode?.labels?.update?.text?.signal).toBe(`datum.label + "%"`);
  });

  it('sums coverage up in one sentence: highest and lowest, regions with none, the priority provinces’ share', () => {
    const options = { province: null, includeSynthetic: false };
    const rows = (language: 'id' | 'en') => presentCoverage(answer, { language, byRegency: false }).rows;
    // Bali 10 / 200 = 5 %, NTT 33 / 3,300 = 1 %; Aceh none; the priority province holds 33 of 43 = 76.74 %.
    expect(coverageSummary(rows('id'), answer, { ...options, language: 'id' })).toBe(
      'Cakupan desa tertinggi di Bali (5%), terendah di Nusa Tenggara Timur (1%); 1 dari 3 provinsi belum memiliki Desa Binaan; provinsi prioritas TPPO memuat 76,74% Desa Binaan (33 dari 43).',
    );
    expect(coverageSummary(rows('en'), answer, { ...options, language: 'en' })).toBe(
      'Village coverage is highest in Bali (5%) and lowest in Nusa Tenggara Timur (1%); 1 of 3 provinces have none yet; TPPO priority provinces hold 76.74% of partner villages (33 of 43).',
    );
    const none = rows('id').map((row) => ({ ...row, partnerVillages: 0, coverageRatio: '0', synthetic: true }));
    expect(coverageSummary(none, answer, { ...options, language: 'id' })).toBe('Belum ada Desa Binaan tercatat di 3 provinsi; data sintetis.');
    const words = coverageWords(presentCoverage(answer, { language: 'en', byRegency: true }), answer, { language: 'en', province: '53', includeSynthetic: true });
    expect(words.filters).toBe('Province: Nusa Tenggara Timur · Village coverage (%) · synthetic data included');
  });
});
