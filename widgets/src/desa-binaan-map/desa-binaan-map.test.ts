import { describe, expect, it } from 'vitest';
import { shadeClasses } from '@pantau/schema/choropleth';
import { presentPoints, type DesaBinaanMapAnswer } from './desa-binaan-map.data.ts';
import { desaBinaanMapSpec } from './desa-binaan-map.spec.ts';
import { provinceShapes } from './map-shapes.ts';

const source = { key: 'synthetic-villages', publisher: 'Pantau', title: 'Data sintetis', publishedOn: null, url: null, kind: 'SYNTHETIC' as const };
const priority = { key: 'antara-ntt-priority', publisher: 'ANTARA', title: 'NTT prioritas', publishedOn: '2024-11-04', url: null, kind: 'NEWS_ARTICLE' as const };

/** Two villages in Kupang (one at its own point, one at the regency's) as the API's columns. */
const answer: DesaBinaanMapAnswer = {
  partnerVillageMap: {
    synthetic: true,
    sources: [source],
    priorities: [{ region: { code: '53', name: 'Nusa Tenggara Timur' }, source: priority }],
    columns: {
      count: 2,
      villageCodes: ['2001', '2002'],
      villageNames: ['Oesao', 'Noelbaki'],
      regency: [0, 0],
      regencies: { codes: ['53.01.01'], names: ['Kupang'], province: [0] },
      provinces: { codes: ['53'], names: ['Nusa Tenggara Timur'] },
      office: [0, 0],
      offices: { codes: ['kanim-kupang'], namesId: ['Kanim Kupang'], namesEn: ['Kupang Immigration Office'] },
      designatedOn: [0, null],
      dates: ['2024-05-02'],
      place: [0, 1],
      places: { latitudes: [-10.1, -10.2], longitudes: [123.7, 123.8], precision: ['VILLAGE', 'REGENCY'] },
      synthetic: [1, 1],
      source: [0, 0],
    },
  },
  reportedVillages: { total: { value: '125', isLowerBound: false, sources: [] } },
  reportedPimpasa: { total: null },
};

describe('<pantau-desa-binaan-map> data and spec', () => {
  it('turns the columns into one row per village, in the widget’s language', () => {
    const data = presentPoints(answer, 'en');
    expect(data.rows.map((p) => data.columns.map((c) => c.display(p)))).toEqual([
      ['Oesao', 'Kupang', 'Nusa Tenggara Timur', 'Kupang Immigration Office', '2 May 2024', 'village point', '-10.1', '123.7'],
      ['Noelbaki', 'Kupang', 'Nusa Tenggara Timur', 'Kupang Immigration Office', '–', 'regency point', '-10.2', '123.8'],
    ]);
    expect(data.rows[0]?.village.code).toBe('53.01.01.2001');
    expect(data.synthetic).toBe(true);
    expect(data.sources.map((s) => s.key)).toEqual(['antara-ntt-priority', 'synthetic-villages']);
  });

  it('draws the 38 provinces with NTT as the priority and the villages as points', () => {
    const chart = desaBinaanMapSpec(presentPoints(answer, 'id').rows, {
      language: 'id',
      width: 1000,
      provinces: provinceShapes,
      regencies: null,
      priorityCodes: new Set(['53']),
      zoomed: false,
      shading: null,
    });
    expect(chart.datasets.provinces).toHaveLength(38);
    expect((chart.datasets.priority as { properties: { code: string } }[]).map((p) => p.properties.code)).toEqual(['53']);
    // Oesao at its own point and Noelbaki at Kupang's: two places, one village each.
    expect((chart.datasets.points as { count: number; label: string }[]).map((p) => [p.count, p.label])).toEqual([
      [1, ''],
      [1, ''],
    ]);
    expect(chart.height).toBe(420);
    expect(chart.description).toBe('Peta Desa Binaan Imigrasi: 2 desa binaan.');
  });

  it('zoomed to a priority province, draws its regencies in the priority colour and keeps a taller aspect', () => {
    const ntt = provinceShapes.filter((shape) => shape.properties.code === '53');
    const shapes = ntt.map((shape) => ({ ...shape, properties: { code: '53.71', name: 'Kota Kupang' } }));
    expect(shapes).toHaveLength(1);
    const chart = desaBinaanMapSpec([], {
      language: 'en',
      width: 400,
      provinces: ntt,
      regencies: { shapes, outline: null },
      priorityCodes: new Set(['53']),
      zoomed: true,
      shading: null,
    });
    expect((chart.datasets.provinces as { tip: Record<string, string> }[]).map((s) => s.tip)).toEqual([
      { 'Regency/city': 'Kota Kupang', Province: 'Nusa Tenggara Timur', 'TPPO priority': 'Yes' },
    ]);
    expect((chart.datasets.priority as { code: string; outlineOnly: boolean }[]).map((s) => [s.code, s.outlineOnly])).toEqual([['53.71', false]]);
    expect(chart.height).toBe(280);
  });

  it('nationally by regency, names each regency’s province, zooms a click to it, and outlines the priority province when shaded', () => {
    const [aceh, ntt] = ['11', '53'].map((code) => provinceShapes.find((shape) => shape.properties.code === code));
    if (!aceh || !ntt) throw new Error('no shape');
    const shapes = [
      { ...aceh, properties: { code: '11.01', name: 'Kabupaten Simeulue' } },
      { ...ntt, properties: { code: '53.71', name: 'Kota Kupang' } },
    ];
    const figures = new Map([
      ['11.01', { value: 0, text: '0' }],
      ['53.71', { value: 3, text: '3' }],
    ]);
    const shading = { colorBy: 'partner-villages' as const, figures, classes: shadeClasses([0, 3], 'partner-villages', 'id') };
    const chart = desaBinaanMapSpec([], {
      language: 'id',
      width: 1000,
      provinces: provinceShapes,
      regencies: { shapes, outline: null },
      priorityCodes: new Set(['53']),
      zoomed: false,
      shading,
    });
    const regions = chart.datasets.provinces as { code: string; zoomTo: string; opacity: number; tip: Record<string, string> }[];
    expect(regions.map((r) => [r.code, r.zoomTo, r.opacity, r.tip])).toEqual([
      ['11.01', '11', 0.05, { 'Kabupaten/kota': 'Kabupaten Simeulue', Provinsi: 'Aceh', 'Desa Binaan': '0' }],
      // max 3: a quarter is 0.75, the step 1, so three classes (1, 2, 3) at 35, 60 and 90 %: Kupang's 3 is the last.
      ['53.71', '53', 0.9, { 'Kabupaten/kota': 'Kota Kupang', Provinsi: 'Nusa Tenggara Timur', 'Desa Binaan': '3', 'Prioritas TPPO': 'Ya' }],
    ]);
    expect((chart.datasets.priority as { properties: { code: string }; outlineOnly: boolean }[]).map((p) => [p.properties.code, p.outlineOnly])).toEqual([['53', true]]);
  });
});
