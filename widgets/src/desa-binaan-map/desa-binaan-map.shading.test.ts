import { describe, expect, it } from 'vitest';
import { shadeClasses, type RegionFigure } from '@pantau/schema/choropleth';
import { desaBinaanMapSpec } from './desa-binaan-map.spec.ts';
import { provinceShapes } from './map-shapes.ts';

describe('the map shaded by a coverage figure', () => {
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
    // max 12: a quarter is 3, the next round step 5, so 1–5, 6–10, 11–15; NTT is in the last class (90 %).
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
