import type { Directorate, OfficeType } from '../../generated/enums.ts';
import { SeededRandom } from './random.ts';
import type { Scale } from './scales.ts';
import { officeMonth } from './office-month.ts';

/** The real geography and offices the synthetic data is laid over. */
export interface SyntheticInputs {
  readonly provinces: readonly { code: string; name: string }[];
  /** Regencies/cities in code order; `isCapital` marks each province's capital. */
  readonly regencies: readonly { code: string; name: string; isCapital: boolean }[];
  /** Villages in code order, with the district each lies in. */
  readonly villages: readonly { code: string; name: string; districtCode: string }[];
  /** Real regional offices by province code, used as parents instead of inventing a second one. */
  readonly realRegionalOffices: ReadonlyMap<string, { immigration?: string; corrections?: string }>;
}

export interface SyntheticOffice {
  code: string;
  type: OfficeType;
  directorate: Directorate;
  nameId: string;
  nameEn: string;
  parentCode: string;
  regionCode: string;
}

export interface SyntheticPartnerVillage {
  villageCode: string;
  officeCode: string;
  designatedOn: string;
  pimpasaCount: number;
}

export interface SyntheticObservation {
  metricKey: string;
  value: number;
  periodStart: string;
  periodEnd: string;
  officeCode: string;
  regionCode: string;
  programKey: string;
  dimensions: Record<string, string>;
}

export interface SyntheticDataset {
  readonly offices: readonly SyntheticOffice[];
  readonly partnerVillages: readonly SyntheticPartnerVillage[];
  /** Monthly observations in batches, generated lazily so a large dataset never sits in memory. */
  observationBatches(batchSize: number): Generator<SyntheticObservation[]>;
}

const unitNames: Partial<Record<OfficeType, { id: string; en: string; slug: string; directorate: Directorate }>> = {
  IMMIGRATION_OFFICE: { id: 'Kantor Imigrasi', en: 'Immigration Office', slug: 'kanim', directorate: 'IMMIGRATION' },
  IMMIGRATION_DETENTION_CENTER: { id: 'Rumah Detensi Imigrasi', en: 'Immigration Detention Centre', slug: 'rudenim', directorate: 'IMMIGRATION' },
  PRISON: { id: 'Lembaga Pemasyarakatan', en: 'Prison', slug: 'lapas', directorate: 'CORRECTIONS' },
  DETENTION_HOUSE: { id: 'Rumah Tahanan Negara', en: 'Detention House', slug: 'rutan', directorate: 'CORRECTIONS' },
  PAROLE_OFFICE: { id: 'Balai Pemasyarakatan', en: 'Parole Office', slug: 'bapas', directorate: 'CORRECTIONS' },
  JUVENILE_CORRECTIONAL_INSTITUTION: { id: 'Lembaga Pembinaan Khusus Anak', en: 'Juvenile Correctional Institution', slug: 'lpka', directorate: 'CORRECTIONS' },
};

/** The ministry has 13 Rudenim (per the Pimpasa article); synthetic ones go to this many provinces. */
const DETENTION_CENTERS = 13;

const placeName = (regencyName: string) => regencyName.replace(/^(Kabupaten|Kota) /, '');

function monthPeriods(firstMonth: string, months: number): { start: string; end: string }[] {
  const [year, month] = firstMonth.split('-').map(Number) as [number, number];
  return Array.from({ length: months }, (_, offset) => {
    const start = new Date(Date.UTC(year, month - 1 + offset, 1));
    const end = new Date(Date.UTC(year, month + offset, 0));
    return { start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) };
  });
}

function planOffices(inputs: SyntheticInputs, scale: Scale, random: SeededRandom): SyntheticOffice[] {
  const offices: SyntheticOffice[] = [];
  const parents = new Map<string, { immigration: string; corrections: string }>();
  for (const province of inputs.provinces) {
    const real = inputs.realRegionalOffices.get(province.code) ?? {};
    const parent = { immigration: real.immigration ?? `syn-kanwil-ditjenim-${province.code}`, corrections: real.corrections ?? `syn-kanwil-ditjenpas-${province.code}` };
    parents.set(province.code, parent);
    if (!real.immigration) {
      offices.push({
        code: parent.immigration,
        type: 'REGIONAL_OFFICE_IMMIGRATION',
        directorate: 'IMMIGRATION',
        nameId: `Kantor Wilayah Direktorat Jenderal Imigrasi ${province.name}`,
        nameEn: `${province.name} Regional Office of Immigration`,
        parentCode: 'ditjenim',
        regionCode: province.code,
      });
    }
    if (!real.corrections) {
      offices.push({
        code: parent.corrections,
        type: 'REGIONAL_OFFICE_CORRECTIONS',
        directorate: 'CORRECTIONS',
        nameId: `Kantor Wilayah Direktorat Jenderal Pemasyarakatan ${province.name}`,
        nameEn: `${province.name} Regional Office of Corrections`,
        parentCode: 'ditjenpas',
        regionCode: province.code,
      });
    }
  }

  const addUnit = (type: OfficeType, regency: { code: string; name: string }, index: number) => {
    const names = unitNames[type];
    const parent = parents.get(regency.code.slice(0, 2));
    if (!names || !parent) throw new Error(`Cannot place a ${type} in ${regency.code}`);
    const suffix = index > 0 ? ` ${index + 1}` : '';
    offices.push({
      code: `syn-${names.slug}-${regency.code.replace('.', '-')}${index > 0 ? `-${index + 1}` : ''}`,
      type,
      directorate: names.directorate,
      nameId: `${names.id} ${placeName(regency.name)}${suffix}`,
      nameEn: `${placeName(regency.name)} ${names.en}${suffix}`,
      parentCode: names.directorate === 'IMMIGRATION' ? parent.immigration : parent.corrections,
      regionCode: regency.code,
    });
  };

  for (const regency of inputs.regencies) {
    if (!regency.isCapital && !random.chance(scale.regencyShare)) continue;
    for (const [type, count] of Object.entries(scale.unitsPerRegency) as [OfficeType, number][]) {
      for (let index = 0; index < count; index++) addUnit(type, regency, index);
    }
  }
  const capitals = inputs.regencies.filter((regency) => regency.isCapital);
  for (const capital of capitals) addUnit('JUVENILE_CORRECTIONAL_INSTITUTION', capital, 0);
  for (const capital of random.sample(capitals, DETENTION_CENTERS)) addUnit('IMMIGRATION_DETENTION_CENTER', capital, 0);
  return offices;
}

function planPartnerVillages(inputs: SyntheticInputs, offices: readonly SyntheticOffice[], scale: Scale, random: SeededRandom): SyntheticPartnerVillage[] {
  const kanimByProvince = new Map<string, string[]>();
  for (const office of offices) {
    if (office.type !== 'IMMIGRATION_OFFICE') continue;
    const list = kanimByProvince.get(office.regionCode.slice(0, 2)) ?? [];
    list.push(office.code);
    kanimByProvince.set(office.regionCode.slice(0, 2), list);
  }
  const kanimByRegency = new Map(offices.filter((o) => o.type === 'IMMIGRATION_OFFICE').map((o) => [o.regionCode, o.code]));
  return random
    .sample(inputs.villages, scale.partnerVillages)
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((village) => {
      const office = kanimByRegency.get(village.code.slice(0, 5)) ?? random.pick(kanimByProvince.get(village.code.slice(0, 2)) ?? ['']);
      const designated = new Date(Date.UTC(2019, 0, 1) + random.int(0, 2_730) * 86_400_000);
      return { villageCode: village.code, officeCode: office, designatedOn: designated.toISOString().slice(0, 10), pimpasaCount: random.int(0, 2) };
    })
    .filter((village) => village.officeCode !== '');
}

/** Deterministic synthetic data for what the articles do not give: the same seed gives the same rows. */
export function generateSynthetic(inputs: SyntheticInputs, scale: Scale, seed: number): SyntheticDataset {
  const random = new SeededRandom(seed);
  const offices = planOffices(inputs, scale, random);
  const partnerVillages = planPartnerVillages(inputs, offices, scale, random);
  const periods = monthPeriods(scale.firstMonth, scale.months);

  function* observationBatches(batchSize: number): Generator<SyntheticObservation[]> {
    const values = new SeededRandom(seed + 1);
    let batch: SyntheticObservation[] = [];
    const emit = (observation: SyntheticObservation) => {
      batch.push(observation);
      if (batch.length >= batchSize) {
        const full = batch;
        batch = [];
        return full;
      }
      return undefined;
    };
    for (const period of periods) {
      for (const office of offices) {
        for (const observation of officeMonth(office, period, values)) {
          const full = emit(observation);
          if (full) yield full;
        }
      }
      for (const village of partnerVillages) {
        if (village.designatedOn > period.end) continue;
        const full = emit({
          metricKey: 'tppo_prevention_activities',
          value: values.int(0, 4),
          periodStart: period.start,
          periodEnd: period.end,
          officeCode: village.officeCode,
          regionCode: village.villageCode,
          programKey: 'desa_binaan_imigrasi',
          dimensions: {},
        });
        if (full) yield full;
      }
    }
    if (batch.length > 0) yield batch;
  }

  return { offices, partnerVillages, observationBatches };
}
