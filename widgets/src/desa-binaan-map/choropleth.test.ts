import { describe, expect, it } from 'vitest';
import { colorByOf, figureOf, legendTitle, shadeClasses, type CoverageRow, type RegionFigure } from './choropleth.ts';
import { desaBinaanMapSpec } from './desa-binaan-map.spec.ts';
import { provinceShapes } from './map-shapes.ts';

const row = (code: string, partnerVillages: number, coverageRatio: string | null, pimpasa: { value: string; observationCount: number; isLowerBound?: boolean }): CoverageRow => ({
  region: { code, name: code },
  partnerVillages,
  coverageRatio,
  synthetic: false,
  pimpasaOfficers: { isLowerBound: false, ...pimpasa },
  tppoActivities: { value: '0', isLowerBound: false, observationCount: 0 },
  sources: [],
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

  it('shades each province by its class, marks NTT as a priority by its outline only, and names the figure in the tooltip', () => {
    const figures = new Map<string, RegionFigure>(provinceShapes.map((s) => [s.properties.code, s.properties.code === '53' ? { value: 12, text: '12' } : { value: 0, text: '0' }]));
    figures.set('65', { value: null, text: 'No data' });
    const classes = shadeClasses(
      [...figures.values()].map((f) => f.value),
      'partner-villages',
      'en',
    );
    const chart = desaBinaanMapSpec([], {
      language: 'en',
      width: 1000,
      provinces: provinceShapes,
      regencies: null,
      priorityCodes: new Set(['53']),
      zoomed: false,
      shading: { colorBy: 'partner-villages', figures, classes },
    });
    const regions = chart.datasets.provinces as { code: string; opacity: number; noData: boolean; tip: Record<string, string>; zoomTo: string | null }[];
    expect(regions).toHaveLength(38);
    const byCode = new Map(regions.map((r) => [r.code, r]));
    // max 12: a quarter is 3, so 1–3, 4–6, 7–9, 10–12; NTT is in the last class (90 %).
    expect(byCode.get('53')).toMatchObject({
      opacity: 0.9,
      noData: false,
      zoomTo: '53',
      tip: { Province: 'Nusa Tenggara Timur', 'Partner villages': '12', 'TPPO priority': 'Yes' },
    });
    expect(byCode.get('11')).toMatchObject({ opacity: 0.05, noData: false });
    expect(byCode.get('65')).toMatchObject({ opacity: 0.25, noData: true, tip: { Province: 'Kalimantan Utara', 'Partner villages': 'No data' } });
    expect((chart.datasets.priority as { code: string; outlineOnly: boolean }[]).map((p) => [p.code, p.outlineOnly])).toEqual([['53', true]]);
  });
});
