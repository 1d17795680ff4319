import type { SeededRandom } from './random.ts';
import type { SyntheticObservation, SyntheticOffice } from './generator.ts';

/** One office's synthetic figures for one month: what an office of its type reports, each with its likelihood. */
export function officeMonth(office: SyntheticOffice, period: { start: string; end: string }, random: SeededRandom): SyntheticObservation[] {
  const base = { periodStart: period.start, periodEnd: period.end, officeCode: office.code, regionCode: office.regionCode, dimensions: {} };
  const rows: SyntheticObservation[] = [];
  const maybe = (probability: number, row: Omit<SyntheticObservation, keyof typeof base> & Partial<typeof base>) => {
    if (random.chance(probability)) rows.push({ ...base, ...row });
  };
  switch (office.type) {
    case 'IMMIGRATION_OFFICE':
      maybe(1, { metricKey: 'passports_issued', value: random.int(50, 1_500), programKey: 'layanan_dokumen_perjalanan', dimensions: { passport_type: 'ordinary' } });
      maybe(1, { metricKey: 'passports_issued', value: random.int(100, 3_000), programKey: 'layanan_dokumen_perjalanan', dimensions: { passport_type: 'electronic' } });
      maybe(1, { metricKey: 'tppo_prevention_activities', value: random.int(0, 6), programKey: 'pimpasa' });
      maybe(1, { metricKey: 'pimpasa_officers', value: random.int(1, 2), programKey: 'pimpasa' });
      maybe(0.5, { metricKey: 'sembako_packages', value: random.int(10, 300), programKey: 'bakti_sosial' });
      maybe(0.3, { metricKey: 'blood_donors', value: random.int(10, 120), programKey: 'donor_darah' });
      maybe(0.2, { metricKey: 'coconut_seedlings', value: random.int(50, 1_000), programKey: 'penanaman_bibit_kelapa', dimensions: { variety: 'genjah_hibrida' } });
      break;
    case 'IMMIGRATION_DETENTION_CENTER':
      maybe(1, { metricKey: 'tppo_prevention_activities', value: random.int(0, 3), programKey: 'pimpasa' });
      maybe(1, { metricKey: 'pimpasa_officers', value: 1, programKey: 'pimpasa' });
      break;
    case 'PRISON':
    case 'DETENTION_HOUSE':
    case 'PAROLE_OFFICE':
    case 'JUVENILE_CORRECTIONAL_INSTITUTION':
      maybe(1, { metricKey: 'sembako_packages', value: random.int(5, 150), programKey: 'bansos_upt_pemasyarakatan' });
      maybe(0.5, { metricKey: 'blood_donors', value: random.int(5, 60), programKey: 'donor_darah' });
      maybe(0.5, { metricKey: 'coconut_seedlings', value: random.int(20, 500), programKey: 'penanaman_bibit_kelapa', dimensions: { variety: 'genjah_hibrida' } });
      break;
    default:
      break;
  }
  return rows;
}
