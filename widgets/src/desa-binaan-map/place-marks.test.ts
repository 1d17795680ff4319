import { describe, expect, it } from 'vitest';
import type { Point } from './desa-binaan-map.data.ts';
import { desaBinaanMapSpec } from './desa-binaan-map.spec.ts';
import { placeMarks } from './place-marks.ts';

const source = { key: 's', publisher: 'Pantau', title: 't', publishedOn: null, url: null, kind: 'SYNTHETIC' };
const village = (name: string, latitude: string, longitude: string, precision: Point['precision']): Point => ({
  village: { code: `53.01.01.${name}`, name },
  regency: { name: 'Kupang' },
  province: { code: '53', name: 'Nusa Tenggara Timur' },
  office: { code: 'kanim-kupang', nameId: 'Kanim Kupang', nameEn: 'Kupang Immigration Office' },
  designatedOn: null,
  latitude,
  longitude,
  precision,
  synthetic: true,
  partnerVillage: { source },
});

describe('villages that share a place are one mark with their count', () => {
  // Seven villages without coordinates of their own at Kupang's point, one at its own point.
  const points = [...Array.from({ length: 7 }, (_, i) => village(`Desa ${i + 1}`, '-10.2', '123.8', 'REGENCY')), village('Oesao', '-10.1', '123.7', 'VILLAGE')];

  it('draws eight villages as two marks, the shared one labelled 7, its tooltip counting and listing them', () => {
    const marks = placeMarks(points, 'id', 1000);
    expect(marks.map((m) => [m.count, m.label, m.latitude, m.longitude])).toEqual([
      [7, '7', -10.2, 123.8],
      [1, '', -10.1, 123.7],
    ]);
    expect(marks[0]?.tip).toEqual({
      'Desa Binaan': '7',
      Lokasi: 'Kupang (titik kabupaten/kota)',
      Desa: 'Desa 1, Desa 2, Desa 3, Desa 4, Desa 5, +2 lainnya',
    });
    expect(marks[1]?.tip).toMatchObject({ Desa: 'Oesao', 'Ketepatan lokasi': 'titik desa' });
    // Radius 5 + 2.4·√7 ≈ 11.35 px at 1000 px (cap 18): area π·11.35² ≈ 405 px²; a single village 3.4 px, ≈ 36 px².
    expect(marks.map((m) => m.size)).toEqual([405, 36]);
  });

  it('caps the marks at 7 px radius at 320 px, and fits the map inside a margin as wide as that', () => {
    const many = Array.from({ length: 200 }, (_, i) => village(`D${i}`, '-10.2', '123.8', 'PROVINCE'));
    const [mark] = placeMarks(many, 'en', 286);
    // 5 + 2.4·√200 ≈ 38.9 px, capped at max(7, 286 / 45 ≈ 6.4) = 7 px: π·49 ≈ 154 px², its count in 8 px type.
    expect([mark?.count, mark?.label, mark?.size, mark?.fontSize]).toEqual([200, '200', 154, 8]);
    const chart = desaBinaanMapSpec(many, { language: 'en', width: 286, provinces: [], regencies: null, priorityCodes: new Set(), zoomed: false, shading: null });
    expect(chart.spec.projections?.[0]).toMatchObject({ extent: { signal: '[[10, 10], [width - 10, height - 10]]' } });
    expect(chart.spec.projections?.[0]).not.toHaveProperty('size');
  });
});
