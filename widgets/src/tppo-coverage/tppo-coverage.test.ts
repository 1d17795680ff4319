import { describe, expect, it } from 'vitest';
import { presentCoverage, type CoverageRow, type TppoCoverageAnswer } from './tppo-coverage.data.ts';
import { tppoCoverageSpec } from './tppo-coverage.spec.ts';

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
});
