import type { OfficeType, Directorate, ProgramTheme } from '../../generated/enums.ts';

/**
 * What the news articles in `shared/seeds/` state, as data. Each fact names the source that states it;
 * claims are our own paraphrase. Dates are the articles' datelines (weekday and date cross-checked).
 */

export interface SourceFact {
  readonly key: string;
  readonly publisher: string;
  readonly title: string;
  readonly publishedOn: string;
  readonly author: string | null;
  readonly claimId: string;
  readonly claimEn: string;
  readonly documentRef: string;
}

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

const antaraHbi = {
  publisher: 'ANTARA',
  title: 'Hari Bakti Imigrasi ke-76: bakti sosial, donor darah dan penanaman kelapa (judul deskriptif: salinan arsip tanpa judul)',
  publishedOn: '2026-01-20',
  author: 'Fath Putra Mulya',
  documentRef: 'shared/seeds/000_9677cf70c2378be1.txt',
} as const;
const pastimeHbi = {
  publisher: 'PAStime News (Ditjenpas)',
  title: 'Pemasyarakatan Tingkatkan Sinergi dan Kepedulian Sosial pada Rangkaian Hari Bakti Imigrasi Ke-76',
  publishedOn: '2026-01-20',
  author: 'Ghiffary Alfiansyach',
  documentRef: 'shared/seeds/001_d40c6e69dc2ecd66.txt',
} as const;
const antaraNtt = {
  publisher: 'ANTARA',
  title: 'Imigrasi NTT memperkuat integritas dan layanan keimigrasian',
  publishedOn: '2026-01-26',
  author: 'Yoseph Boli Bataona',
  documentRef: 'shared/seeds/002_34d599d6a7e2abb5.txt',
} as const;
const suaraGlobalBansos = {
  publisher: 'SUARAGLOBAL.COM',
  title: 'Gerak Nyata Pemasyarakatan NTT: Bansos Rutin UPT Wujudkan Akselerasi dan Kepedulian Sosial',
  publishedOn: '2025-05-22',
  author: 'Fajrin Nirwan SS',
  documentRef: 'shared/seeds/003_2cb93ba56e4d9276.txt',
} as const;
const antaraPimpasa = {
  publisher: 'ANTARA',
  title: 'Kementerian Imipas prioritaskan NTT dalam pencegahan TPPO dan TPPM',
  publishedOn: '2024-11-04',
  author: null,
  documentRef: 'shared/seeds/004_8a526ee89bc87de8.txt',
} as const;

export const sources: readonly SourceFact[] = [
  {
    key: 'antara-20260120-hbi76-coconut-seedlings',
    ...antaraHbi,
    claimId: 'Pada Hari Bakti Imigrasi ke-76 di Politeknik Pengayoman, Tangerang, kementerian menyerahkan 20.000 bibit kelapa genjah hibrida kepada Pemerintah Kota Tangerang.',
    claimEn: 'At the 76th Immigration Service Day in Tangerang, the ministry gave 20,000 hybrid dwarf coconut seedlings to the Tangerang city government.',
  },
  {
    key: 'antara-20260120-hbi76-sembako',
    ...antaraHbi,
    claimId: 'Pada puncak kegiatan di Tangerang disalurkan 5.000 paket sembako di wilayah kerja Kantor Imigrasi Tangerang, Soekarno-Hatta, Serang dan Cilegon.',
    claimEn: 'At the main event in Tangerang, 5,000 staple food packages went to people in the areas of the Tangerang, Soekarno-Hatta, Serang and Cilegon immigration offices.',
  },
  {
    key: 'antara-20260120-hbi76-blood-donors',
    ...antaraHbi,
    claimId: 'Donor darah Hari Bakti Imigrasi ke-76 diikuti lebih dari 500 pendonor, pegawai kementerian dan masyarakat umum.',
    claimEn: 'The 76th Immigration Service Day blood drive drew more than 500 donors, ministry staff and members of the public.',
  },
  {
    key: 'pastime-20260120-hbi76-ditjenpas',
    ...pastimeHbi,
    claimId: 'Ditjenpas ikut dalam rangkaian Hari Bakti Imigrasi ke-76 di Tangerang yang mencakup 20.000 bibit kelapa untuk Pemkot Tangerang dan 5.000 paket sembako.',
    claimEn: 'The corrections directorate general joined the 76th Immigration Service Day events in Tangerang, which included 20,000 coconut seedlings for the city and 5,000 staple food packages.',
  },
  {
    key: 'antara-20260126-ntt-passports-2025',
    ...antaraNtt,
    claimId: 'Sepanjang 2025 Kanwil Ditjenim NTT menerbitkan 7.150 paspor biasa dan 14.213 paspor elektronik, seluruhnya 21.363 dokumen perjalanan.',
    claimEn: 'In 2025 the NTT regional immigration office issued 7,150 ordinary and 14,213 electronic passports, 21,363 travel documents in all.',
  },
  {
    key: 'antara-20260126-new-immigration-offices',
    ...antaraNtt,
    claimId: 'Pada Hari Bakti Imigrasi ke-76 Menteri Imipas meresmikan 18 Kantor Imigrasi baru.',
    claimEn: 'On the 76th Immigration Service Day the minister inaugurated 18 new immigration offices.',
  },
  {
    key: 'suaraglobal-20250522-bansos-upt-ntt',
    ...suaraGlobalBansos,
    claimId: 'Pada 22 Mei 2025 UPT Pemasyarakatan di bawah Kanwil Ditjenpas NTT menyalurkan bansos berupa beras, gula, telur, susu, kopi, minyak goreng dan hasil panen kebun Lapas/Rutan.',
    claimEn: 'On 22 May 2025 correctional units under the NTT regional corrections office handed out rice, sugar, eggs, milk, coffee, cooking oil and produce from prison farms.',
  },
  {
    key: 'suaraglobal-20250522-acceleration-programs',
    ...suaraGlobalBansos,
    claimId: 'Bansos UPT Pemasyarakatan NTT mendukung 13 Program Akselerasi Menteri Imigrasi dan Pemasyarakatan.',
    claimEn: 'The NTT correctional units’ social aid supports the minister’s 13 acceleration programs.',
  },
  {
    key: 'antara-20241104-pimpasa-officers',
    ...antaraPimpasa,
    claimId: 'Sebanyak 146 Pimpasa dikukuhkan, berasal dari 133 Kantor Imigrasi dan 13 Rumah Detensi Imigrasi.',
    claimEn: '146 village immigration officers (Pimpasa) were inaugurated, drawn from 133 immigration offices and 13 immigration detention centres.',
  },
  {
    key: 'antara-20241104-partner-villages',
    ...antaraPimpasa,
    claimId: 'Jumlah Desa Binaan Imigrasi di seluruh Indonesia 125 desa.',
    claimEn: 'There are 125 immigration partner villages across Indonesia.',
  },
  {
    key: 'antara-20241104-ntt-tppo-priority',
    ...antaraPimpasa,
    claimId: 'Kementerian Imipas menjadikan NTT salah satu provinsi prioritas pencegahan TPPO dan TPPM.',
    claimEn: 'The ministry names NTT one of its priority provinces for preventing human trafficking and smuggling.',
  },
];

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
