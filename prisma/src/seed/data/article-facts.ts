import type { OfficeType, Directorate, ProgramTheme } from '../../../generated/enums.ts';

/**
 * What the news articles state, as data: the offices, campaigns, figures and priorities they name.
 * Each fact names the source (data/article-sources.ts) that states it.
 */

export interface OfficeFact {
  readonly code: string;
  readonly type: OfficeType;
  readonly directorate: Directorate | null;
  readonly nameId: string;
  readonly nameEn: string;
  readonly parentCode: string | null;
  readonly regionCode: string | null;
  readonly sourceKey: string;
}

export interface CampaignFact {
  readonly slug: string;
  readonly nameId: string;
  readonly nameEn: string;
  readonly descriptionId: string;
  readonly descriptionEn: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly organiserCode: string;
  readonly programKeys: readonly string[];
  readonly participantOfficeCodes: readonly string[];
  readonly participantRegionCodes: readonly string[];
}

export interface ObservationFact {
  readonly metricKey: string;
  readonly value: string;
  readonly isLowerBound?: boolean;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly officeCode: string | null;
  readonly regionCode: string | null;
  readonly programKey: string | null;
  readonly campaignSlug: string | null;
  readonly dimensions?: Readonly<Record<string, string>>;
  readonly sourceKey: string;
  readonly corroboratingSourceKeys?: readonly string[];
}

export interface PriorityFact {
  readonly regionCode: string;
  readonly theme: ProgramTheme;
  readonly declaredOn: string;
  readonly sourceKey: string;
}

export const offices: readonly OfficeFact[] = [
  { code: 'kemenimipas', type: 'MINISTRY', directorate: null, nameId: 'Kementerian Imigrasi dan Pemasyarakatan', nameEn: 'Ministry of Immigration and Corrections', parentCode: null, regionCode: '31', sourceKey: 'antara-20260120-hbi76-coconut-seedlings' },
  { code: 'ditjenim', type: 'DIRECTORATE_GENERAL', directorate: 'IMMIGRATION', nameId: 'Direktorat Jenderal Imigrasi', nameEn: 'Directorate General of Immigration', parentCode: 'kemenimipas', regionCode: '31', sourceKey: 'antara-20260126-ntt-passports-2025' },
  { code: 'ditjenpas', type: 'DIRECTORATE_GENERAL', directorate: 'CORRECTIONS', nameId: 'Direktorat Jenderal Pemasyarakatan', nameEn: 'Directorate General of Corrections', parentCode: 'kemenimipas', regionCode: '31', sourceKey: 'pastime-20260120-hbi76-ditjenpas' },
  { code: 'politeknik-pengayoman', type: 'POLYTECHNIC', directorate: null, nameId: 'Politeknik Pengayoman Indonesia', nameEn: 'Pengayoman Polytechnic of Indonesia', parentCode: 'kemenimipas', regionCode: '36', sourceKey: 'antara-20260120-hbi76-coconut-seedlings' },
  { code: 'kanwil-ditjenim-ntt', type: 'REGIONAL_OFFICE_IMMIGRATION', directorate: 'IMMIGRATION', nameId: 'Kantor Wilayah Direktorat Jenderal Imigrasi Nusa Tenggara Timur', nameEn: 'East Nusa Tenggara Regional Office of Immigration', parentCode: 'ditjenim', regionCode: '53.71', sourceKey: 'antara-20260126-ntt-passports-2025' },
  { code: 'kanwil-ditjenpas-ntt', type: 'REGIONAL_OFFICE_CORRECTIONS', directorate: 'CORRECTIONS', nameId: 'Kantor Wilayah Direktorat Jenderal Pemasyarakatan Nusa Tenggara Timur', nameEn: 'East Nusa Tenggara Regional Office of Corrections', parentCode: 'ditjenpas', regionCode: '53.71', sourceKey: 'suaraglobal-20250522-bansos-upt-ntt' },
  { code: 'kanim-tangerang', type: 'IMMIGRATION_OFFICE', directorate: 'IMMIGRATION', nameId: 'Kantor Imigrasi Tangerang', nameEn: 'Tangerang Immigration Office', parentCode: 'ditjenim', regionCode: '36.71', sourceKey: 'antara-20260120-hbi76-sembako' },
  { code: 'kanim-soekarno-hatta', type: 'IMMIGRATION_OFFICE', directorate: 'IMMIGRATION', nameId: 'Kantor Imigrasi Soekarno-Hatta', nameEn: 'Soekarno-Hatta Immigration Office', parentCode: 'ditjenim', regionCode: '36.71', sourceKey: 'antara-20260120-hbi76-sembako' },
  { code: 'kanim-serang', type: 'IMMIGRATION_OFFICE', directorate: 'IMMIGRATION', nameId: 'Kantor Imigrasi Serang', nameEn: 'Serang Immigration Office', parentCode: 'ditjenim', regionCode: '36.73', sourceKey: 'antara-20260120-hbi76-sembako' },
  { code: 'kanim-cilegon', type: 'IMMIGRATION_OFFICE', directorate: 'IMMIGRATION', nameId: 'Kantor Imigrasi Cilegon', nameEn: 'Cilegon Immigration Office', parentCode: 'ditjenim', regionCode: '36.72', sourceKey: 'antara-20260120-hbi76-sembako' },
];

export const campaigns: readonly CampaignFact[] = [
  {
    slug: 'hbi-76-2026',
    nameId: 'Hari Bakti Imigrasi ke-76',
    nameEn: '76th Immigration Service Day',
    descriptionId: 'Rangkaian peringatan Hari Bakti Imigrasi ke-76 bertema “Imigrasi Berbakti, Indonesia Maju”: bakti sosial, donor darah dan penanaman bibit kelapa di Tangerang, syukuran serentak dan peresmian Kantor Imigrasi baru.',
    descriptionEn: 'Events for the 76th Immigration Service Day (theme “Imigrasi Berbakti, Indonesia Maju”): community service, a blood drive and coconut planting in Tangerang, a nationwide thanksgiving and new immigration offices.',
    startsOn: '2026-01-20',
    endsOn: '2026-01-26',
    organiserCode: 'kemenimipas',
    programKeys: ['bakti_sosial', 'donor_darah', 'penanaman_bibit_kelapa', 'penguatan_kelembagaan'],
    participantOfficeCodes: ['politeknik-pengayoman', 'ditjenpas', 'kanim-tangerang', 'kanim-soekarno-hatta', 'kanim-serang', 'kanim-cilegon', 'kanwil-ditjenim-ntt'],
    participantRegionCodes: ['36', '36.71', '53'],
  },
  {
    slug: 'bansos-upt-pas-ntt-2025-05-22',
    nameId: 'Bansos UPT Pemasyarakatan NTT, 22 Mei 2025',
    nameEn: 'NTT correctional units’ social aid, 22 May 2025',
    descriptionId: 'Penyaluran bansos serentak oleh UPT Pemasyarakatan di NTT kepada keluarga warga binaan yang kurang mampu dan warga sekitar UPT.',
    descriptionEn: 'Simultaneous social aid by correctional units in NTT for low-income families of inmates and for neighbouring residents.',
    startsOn: '2025-05-22',
    endsOn: '2025-05-22',
    organiserCode: 'kanwil-ditjenpas-ntt',
    programKeys: ['bansos_upt_pemasyarakatan'],
    participantOfficeCodes: ['kanwil-ditjenpas-ntt'],
    participantRegionCodes: ['53'],
  },
];

const hbiDay = { periodStart: '2026-01-20', periodEnd: '2026-01-20', campaignSlug: 'hbi-76-2026' } as const;
const bansosDay = {
  metricKey: 'social_aid_item_kinds',
  value: '1',
  periodStart: '2025-05-22',
  periodEnd: '2025-05-22',
  officeCode: 'kanwil-ditjenpas-ntt',
  regionCode: '53',
  programKey: 'bansos_upt_pemasyarakatan',
  campaignSlug: 'bansos-upt-pas-ntt-2025-05-22',
  sourceKey: 'suaraglobal-20250522-bansos-upt-ntt',
} as const;
const pimpasaDay = { periodStart: '2024-11-04', periodEnd: '2024-11-04', officeCode: 'ditjenim', regionCode: null, campaignSlug: null } as const;

export const observations: readonly ObservationFact[] = [
  { ...hbiDay, metricKey: 'coconut_seedlings', value: '20000', officeCode: 'kemenimipas', regionCode: '36.71', programKey: 'penanaman_bibit_kelapa', dimensions: { variety: 'genjah_hibrida' }, sourceKey: 'antara-20260120-hbi76-coconut-seedlings', corroboratingSourceKeys: ['pastime-20260120-hbi76-ditjenpas'] },
  { ...hbiDay, metricKey: 'sembako_packages', value: '5000', officeCode: 'kemenimipas', regionCode: '36', programKey: 'bakti_sosial', sourceKey: 'antara-20260120-hbi76-sembako', corroboratingSourceKeys: ['pastime-20260120-hbi76-ditjenpas'] },
  { ...hbiDay, metricKey: 'blood_donors', value: '500', isLowerBound: true, officeCode: 'politeknik-pengayoman', regionCode: '36', programKey: 'donor_darah', sourceKey: 'antara-20260120-hbi76-blood-donors' },
  { metricKey: 'immigration_offices_opened', value: '18', periodStart: '2026-01-26', periodEnd: '2026-01-26', officeCode: 'kemenimipas', regionCode: null, programKey: 'penguatan_kelembagaan', campaignSlug: 'hbi-76-2026', sourceKey: 'antara-20260126-new-immigration-offices' },
  { metricKey: 'passports_issued', value: '7150', periodStart: '2025-01-01', periodEnd: '2025-12-31', officeCode: 'kanwil-ditjenim-ntt', regionCode: '53', programKey: 'layanan_dokumen_perjalanan', campaignSlug: null, dimensions: { passport_type: 'ordinary' }, sourceKey: 'antara-20260126-ntt-passports-2025' },
  { metricKey: 'passports_issued', value: '14213', periodStart: '2025-01-01', periodEnd: '2025-12-31', officeCode: 'kanwil-ditjenim-ntt', regionCode: '53', programKey: 'layanan_dokumen_perjalanan', campaignSlug: null, dimensions: { passport_type: 'electronic' }, sourceKey: 'antara-20260126-ntt-passports-2025' },
  { ...pimpasaDay, metricKey: 'pimpasa_officers', value: '146', programKey: 'pimpasa', sourceKey: 'antara-20241104-pimpasa-officers' },
  { ...pimpasaDay, metricKey: 'pimpasa_home_units', value: '133', programKey: 'pimpasa', dimensions: { office_type: 'IMMIGRATION_OFFICE' }, sourceKey: 'antara-20241104-pimpasa-officers' },
  { ...pimpasaDay, metricKey: 'pimpasa_home_units', value: '13', programKey: 'pimpasa', dimensions: { office_type: 'IMMIGRATION_DETENTION_CENTER' }, sourceKey: 'antara-20241104-pimpasa-officers' },
  { ...pimpasaDay, metricKey: 'partner_villages', value: '125', programKey: 'desa_binaan_imigrasi', sourceKey: 'antara-20241104-partner-villages' },
  { metricKey: 'acceleration_programs', value: '13', periodStart: '2025-05-22', periodEnd: '2025-05-22', officeCode: 'kemenimipas', regionCode: null, programKey: null, campaignSlug: null, sourceKey: 'suaraglobal-20250522-acceleration-programs' },
  ...['rice', 'sugar', 'eggs', 'milk', 'coffee', 'cooking_oil', 'prison_farm_produce'].map((item) => ({ ...bansosDay, dimensions: { item } })),
];

export const priorities: readonly PriorityFact[] = [
  { regionCode: '53', theme: 'TPPO_PREVENTION', declaredOn: '2024-11-04', sourceKey: 'antara-20241104-ntt-tppo-priority' },
];

/** Totals an article states alongside its parts; the seed test checks that the parts add up. */
export const statedTotals = [
  { metricKey: 'passports_issued', officeCode: 'kanwil-ditjenim-ntt', year: 2025, total: '21363', sourceKey: 'antara-20260126-ntt-passports-2025' },
  { metricKey: 'pimpasa_home_units', officeCode: 'ditjenim', year: 2024, total: '146', sourceKey: 'antara-20241104-pimpasa-officers' },
] as const;
