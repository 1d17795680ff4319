import { describe, expect, it } from 'vitest';
import type { DesaBinaanMapAnswer, Point } from './desa-binaan-map.data.ts';
import { mapSummary, mapWords } from './desa-binaan-map.words.ts';

const source = { key: 'synthetic', publisher: 'Pantau', title: 'Synthetic', publishedOn: null, url: null, kind: 'SYNTHETIC' as const };
const point = (province: [string, string], regency: string, synthetic = false): Point => ({
  village: { code: `${province[0]}.01.01.2001`, name: 'Desa' },
  regency: { name: regency },
  province: { code: province[0], name: province[1] },
  office: { code: 'kanim', nameId: 'Kanim', nameEn: 'Office' },
  designatedOn: null,
  latitude: '-10',
  longitude: '123',
  precision: 'REGENCY',
  synthetic,
  partnerVillage: { source },
});
const ntt: [string, string] = ['53', 'Nusa Tenggara Timur'];
const points = [point(ntt, 'Kupang'), point(ntt, 'Belu'), point(['51', 'Bali'], 'Badung', true)];
const answerWith = (reported: { value: string; isLowerBound: boolean } | null) =>
  ({
    partnerVillageMap: { priorities: [{ region: { code: '53', name: 'Nusa Tenggara Timur' }, source }], synthetic: true },
    reportedVillages: { total: reported && { ...reported, sources: [source] } },
    reportedPimpasa: { total: null },
  }) as unknown as DesaBinaanMapAnswer;

describe('<pantau-desa-binaan-map> summary', () => {
  it('counts villages and provinces, names the most and the fewest, the priority share and the reported lower bound', () => {
    const answer = answerWith({ value: '125', isLowerBound: true });
    // NTT 2 of 3 villages = 66.67 %.
    expect(mapSummary(points, answer, { language: 'id', province: null, includeSynthetic: true })).toBe(
      '3 Desa Binaan di 2 provinsi; terbanyak di Nusa Tenggara Timur (2), paling sedikit di Bali (1); 66,67% di provinsi prioritas TPPO (2 dari 3); dilaporkan secara nasional: lebih dari 125 Desa Binaan; data sintetis.',
    );
    expect(mapSummary(points, answer, { language: 'en', province: null, includeSynthetic: true })).toBe(
      '3 partner villages in 2 provinces; most in Nusa Tenggara Timur (2), fewest in Bali (1); 66.67% in TPPO priority provinces (2 of 3); reported nationally: more than 125 partner villages; synthetic data.',
    );
  });

  it('counts regencies when zoomed to a province, and still says something with no village on record', () => {
    const answer = answerWith(null);
    expect(mapSummary(points.slice(0, 2), answer, { language: 'id', province: '53', includeSynthetic: false })).toBe(
      '2 Desa Binaan di 2 kabupaten/kota; terbanyak di Belu (1), paling sedikit di Kupang (1); data sintetis.',
    );
    expect(mapSummary([], answerWith({ value: '125', isLowerBound: false }), { language: 'en', province: null, includeSynthetic: false })).toBe(
      'No partner villages with a recorded location yet; reported nationally: 125 partner villages; synthetic data.',
    );
    const words = mapWords({ rows: points, columns: [], sources: [], synthetic: true, caption: '' }, answer, { language: 'id', province: '53', includeSynthetic: true });
    expect(words.filters).toBe('Provinsi: Nusa Tenggara Timur · termasuk data sintetis');
    const shaded = mapWords({ rows: points, columns: [], sources: [], synthetic: false, caption: '' }, answer, {
      language: 'en',
      province: null,
      includeSynthetic: false,
      colorBy: 'coverage-ratio',
    });
    expect(shaded.filters).toBe('All of Indonesia · Shaded by: Village coverage (partner villages ÷ villages)');
    expect(words.facts?.(points[2] as Point)).toEqual({ unit: 'desa', isLowerBound: false, synthetic: true, sources: [source] });
  });
});
