import { describe, expect, it } from 'vitest';
import { colorByOf, figureOf, legendTitle, regionShade, regionShading, shadeClasses, type CoverageFigures } from './index.ts';

const row = (
  code: string,
  partnerVillages: number,
  coverageRatio: string | null,
  pimpasa: { value: string; observationCount: number; isLowerBound?: boolean },
): CoverageFigures & { region: { code: string } } => ({
  region: { code },
  partnerVillages,
  coverageRatio,
  pimpasaOfficers: { isLowerBound: false, ...pimpasa },
  tppoActivities: { value: '0', isLowerBound: false, observationCount: 0 },
});

describe('shading the map by a coverage figure', () => {
  it('knows the four figures by their attribute names and nothing else', () => {
    expect(['partner-villages', 'coverage-ratio', 'pimpasa-officers', 'tppo-activities', 'villages', null].map(colorByOf)).toEqual([
      'partner-villages',
      'coverage-ratio',
      'pimpasa-officers',
      'tppo-activities',
      null,
      null,
    ]);
  });

  it('keeps zero apart from no data: no row, no villages to divide by, nothing reported', () => {
    const ntt = row('53', 0, '0', { value: '146', observationCount: 2, isLowerBound: true });
    expect(figureOf(ntt, 'partner-villages', 'id')).toEqual({ value: 0, text: '0' });
    expect(figureOf(ntt, 'coverage-ratio', 'en')).toEqual({ value: 0, text: '0%' });
    expect(figureOf(ntt, 'pimpasa-officers', 'id')).toEqual({ value: 146, text: 'lebih dari 146' });
    expect(figureOf(ntt, 'tppo-activities', 'en')).toEqual({ value: null, text: 'No data' });
    expect(figureOf(row('65', 0, null, { value: '0', observationCount: 0 }), 'coverage-ratio', 'id')).toEqual({ value: null, text: 'Tidak ada data' });
    expect(figureOf(undefined, 'partner-villages', 'en')).toEqual({ value: null, text: 'No data' });
  });

  it('splits 0 to 37 villages into zero, four classes of 10 and no data, in the widget’s language', () => {
    // max 37: a quarter is 9.25, the next round step is 10, so 1–10, 11–20, 21–30 and 31–40.
    const classes = shadeClasses([0, 3, 12, 37, null], 'partner-villages', 'id');
    expect(classes.map((c) => [c.label, c.percent])).toEqual([
      ['0', 5],
      ['1–10', 30],
      ['11–20', 50],
      ['21–30', 70],
      ['31–40', 90],
      ['Tidak ada data', null],
    ]);
    expect([0, 3, 12, 37, null].map((v) => classes.findIndex((c) => c.contains(v)))).toEqual([0, 1, 2, 4, 5]);
  });

  it('writes ratio classes as percentages, and with no figure above zero has only zero and no data', () => {
    // max 0.012 (1.2 %): a quarter is 0.003, the next round step 0.005, so (0, 0.5 %], (0.5 %, 1 %], (1 %, 1.5 %].
    expect(shadeClasses([0.012, 0.004, 0], 'coverage-ratio', 'en').map((c) => c.label)).toEqual(['0%', '> 0%–0.5%', '0.5%–1%', '1%–1.5%', 'No data']);
    expect(shadeClasses([0, null], 'tppo-activities', 'en').map((c) => c.label)).toEqual(['0', 'No data']);
    expect(legendTitle('coverage-ratio', true, 'id')).toBe('Cakupan desa (Desa Binaan ÷ jumlah desa) per kabupaten/kota');
    expect(legendTitle('partner-villages', false, 'en')).toBe('Partner villages by province');
  });

  it('gives every region drawn its figure and fill: the accent by its class, a region without a row muted as no data', () => {
    const rows = [row('53', 12, '0.0035', { value: '0', observationCount: 0 }), row('51', 0, '0', { value: '0', observationCount: 0 })];
    const shading = regionShading(rows, 'partner-villages', ['53', '51', '65'], 'en');
    // max 12: a quarter is 3, the next round step 5, so 1–5, 6–10 and 11–15 (35, 60 and 90 %).
    expect(shading?.classes.map((c) => c.label)).toEqual(['0', '1–5', '6–10', '11–15', 'No data']);
    expect(['53', '51', '65'].map((code) => shading && regionShade(shading, code))).toEqual([
      { opacity: 0.9, noData: false },
      { opacity: 0.05, noData: false },
      { opacity: 0.25, noData: true },
    ]);
    expect(regionShading(rows, null, ['53'], 'en')).toBeNull();
    expect(regionShading(undefined, 'coverage-ratio', ['53'], 'en')).toBeNull();
  });
});
