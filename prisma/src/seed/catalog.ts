import type { Aggregation, Directorate, ProgramTheme, Unit } from '../../generated/enums.ts';

export interface ProgramDefinition {
  readonly key: string;
  readonly nameId: string;
  readonly nameEn: string;
  readonly descriptionId: string;
  readonly descriptionEn: string;
  readonly themes: readonly ProgramTheme[];
  readonly directorate: Directorate | null;
}

export interface MetricDefinition {
  readonly key: string;
  readonly nameId: string;
  readonly nameEn: string;
  readonly descriptionId: string;
  readonly descriptionEn: string;
  readonly unit: Unit;
  readonly timeAggregation: Aggregation;
  readonly spaceAggregation: Aggregation;
  readonly dimensions: readonly string[];
}

/** The ministry's programs that the sources report on. */
export const programs: readonly ProgramDefinition[] = [
  {
    key: 'desa_binaan_imigrasi',
    nameId: 'Desa Binaan Imigrasi',
    nameEn: 'Immigration Partner Villages',
    descriptionId: 'Desa yang dibina kantor imigrasi agar warganya mudah memperoleh informasi paspor serta bahaya TPPO dan TPPM, dengan perangkat desa sebagai perpanjangan tangan kantor imigrasi.',
    descriptionEn: 'Villages mentored by an immigration office so residents can learn about passports and the dangers of trafficking and smuggling, with village officials acting for the office.',
    themes: ['TPPO_PREVENTION', 'PUBLIC_SERVICE'],
    directorate: 'IMMIGRATION',
  },
  {
    key: 'pimpasa',
    nameId: 'Petugas Imigrasi Pembina Desa (Pimpasa)',
    nameEn: 'Village Immigration Officers (Pimpasa)',
    descriptionId: 'Petugas imigrasi yang mengedukasi masyarakat desa tentang TPPO dan TPPM, menyosialisasikan layanan keimigrasian, memetakan daerah rawan, dan menjadi sistem peringatan dini.',
    descriptionEn: 'Immigration officers who educate villagers about trafficking and smuggling, explain immigration services, map vulnerable areas and act as an early-warning system.',
    themes: ['TPPO_PREVENTION'],
    directorate: 'IMMIGRATION',
  },
  {
    key: 'bakti_sosial',
    nameId: 'Bakti Sosial',
    nameEn: 'Community Service',
    descriptionId: 'Penyaluran bantuan kepada warga yang membutuhkan, termasuk korban bencana, desa binaan, yayasan sosial dan pondok pesantren.',
    descriptionEn: 'Aid for people in need, including disaster victims, partner villages, charities and Islamic boarding schools.',
    themes: ['SOCIAL'],
    directorate: null,
  },
  {
    key: 'donor_darah',
    nameId: 'Donor Darah',
    nameEn: 'Blood Donation',
    descriptionId: 'Kegiatan donor darah yang diikuti pegawai kementerian dan masyarakat umum.',
    descriptionEn: 'Blood drives open to ministry staff and the public.',
    themes: ['HEALTH', 'SOCIAL'],
    directorate: null,
  },
  {
    key: 'penanaman_bibit_kelapa',
    nameId: 'Penanaman Bibit Kelapa',
    nameEn: 'Coconut Seedling Planting',
    descriptionId: 'Penyerahan dan penanaman bibit kelapa untuk lingkungan dan ekonomi masyarakat.',
    descriptionEn: 'Handing over and planting coconut seedlings for the environment and the local economy.',
    themes: ['ENVIRONMENT'],
    directorate: null,
  },
  {
    key: 'bansos_upt_pemasyarakatan',
    nameId: 'Bansos UPT Pemasyarakatan',
    nameEn: 'Social Aid by Correctional Units',
    descriptionId: 'Bantuan sosial rutin dari unit pelaksana teknis pemasyarakatan kepada keluarga warga binaan yang kurang mampu dan warga sekitar.',
    descriptionEn: 'Regular social aid from correctional units to low-income families of inmates and to neighbouring residents.',
    themes: ['SOCIAL'],
    directorate: 'CORRECTIONS',
  },
  {
    key: 'layanan_dokumen_perjalanan',
    nameId: 'Layanan Dokumen Perjalanan',
    nameEn: 'Travel Document Services',
    descriptionId: 'Penerbitan paspor biasa dan paspor elektronik.',
    descriptionEn: 'Issuing ordinary and electronic passports.',
    themes: ['PUBLIC_SERVICE'],
    directorate: 'IMMIGRATION',
  },
  {
    key: 'penguatan_kelembagaan',
    nameId: 'Penguatan Kelembagaan',
    nameEn: 'Institutional Strengthening',
    descriptionId: 'Pembentukan kantor dan program baru untuk memperluas jangkauan layanan kementerian.',
    descriptionEn: 'New offices and programs that extend the reach of the ministry’s services.',
    themes: ['INSTITUTIONAL'],
    directorate: null,
  },
];

/** Every metric Pantau reports. Keys are part of the public API contract: never rename one. */
export const metrics: readonly MetricDefinition[] = [
  {
    key: 'passports_issued',
    nameId: 'Paspor diterbitkan',
    nameEn: 'Passports issued',
    descriptionId: 'Jumlah paspor yang diterbitkan, menurut jenis paspor (biasa atau elektronik).',
    descriptionEn: 'Passports issued, by passport type (ordinary or electronic).',
    unit: 'DOCUMENT',
    timeAggregation: 'SUM',
    spaceAggregation: 'SUM',
    dimensions: ['passport_type'],
  },
  {
    key: 'sembako_packages',
    nameId: 'Paket sembako disalurkan',
    nameEn: 'Staple food packages distributed',
    descriptionId: 'Paket sembilan bahan pokok yang disalurkan kepada warga.',
    descriptionEn: 'Packages of basic food staples handed to residents.',
    unit: 'PACKAGE',
    timeAggregation: 'SUM',
    spaceAggregation: 'SUM',
    dimensions: [],
  },
  {
    key: 'coconut_seedlings',
    nameId: 'Bibit kelapa diserahkan',
    nameEn: 'Coconut seedlings handed over',
    descriptionId: 'Bibit kelapa yang diserahkan atau ditanam, menurut varietas.',
    descriptionEn: 'Coconut seedlings handed over or planted, by variety.',
    unit: 'SEEDLING',
    timeAggregation: 'SUM',
    spaceAggregation: 'SUM',
    dimensions: ['variety'],
  },
  {
    key: 'blood_donors',
    nameId: 'Pendonor darah',
    nameEn: 'Blood donors',
    descriptionId: 'Orang yang mendonorkan darah dalam kegiatan kementerian.',
    descriptionEn: 'People who gave blood at ministry blood drives.',
    unit: 'PERSON',
    timeAggregation: 'SUM',
    spaceAggregation: 'SUM',
    dimensions: [],
  },
  {
    key: 'pimpasa_officers',
    nameId: 'Petugas Pimpasa',
    nameEn: 'Pimpasa officers',
    descriptionId: 'Petugas Imigrasi Pembina Desa yang telah dikukuhkan (angka terakhir yang dilaporkan).',
    descriptionEn: 'Village immigration officers (Pimpasa) inaugurated, as last reported.',
    unit: 'OFFICER',
    timeAggregation: 'LATEST',
    spaceAggregation: 'SUM',
    dimensions: [],
  },
  {
    key: 'pimpasa_home_units',
    nameId: 'Unit asal Pimpasa',
    nameEn: 'Units Pimpasa officers come from',
    descriptionId: 'Kantor yang mengirim petugas Pimpasa, menurut jenis kantor.',
    descriptionEn: 'Offices that supplied Pimpasa officers, by office type.',
    unit: 'OFFICE',
    timeAggregation: 'LATEST',
    spaceAggregation: 'SUM',
    dimensions: ['office_type'],
  },
  {
    key: 'partner_villages',
    nameId: 'Desa Binaan Imigrasi',
    nameEn: 'Immigration partner villages',
    descriptionId: 'Jumlah Desa Binaan Imigrasi (angka terakhir yang dilaporkan).',
    descriptionEn: 'Number of immigration partner villages, as last reported.',
    unit: 'VILLAGE',
    timeAggregation: 'LATEST',
    spaceAggregation: 'SUM',
    dimensions: [],
  },
  {
    key: 'immigration_offices_opened',
    nameId: 'Kantor Imigrasi baru diresmikan',
    nameEn: 'New immigration offices inaugurated',
    descriptionId: 'Kantor Imigrasi baru yang diresmikan.',
    descriptionEn: 'New immigration offices inaugurated.',
    unit: 'OFFICE',
    timeAggregation: 'SUM',
    spaceAggregation: 'SUM',
    dimensions: [],
  },
  {
    key: 'social_aid_item_kinds',
    nameId: 'Jenis bantuan sosial',
    nameEn: 'Kinds of social aid items',
    descriptionId: 'Jenis barang yang disalurkan dalam bantuan sosial; satu observasi per jenis barang.',
    descriptionEn: 'Kinds of goods handed out as social aid; one observation per kind of item.',
    unit: 'ITEM_KIND',
    timeAggregation: 'MAX',
    spaceAggregation: 'SUM',
    dimensions: ['item'],
  },
  {
    key: 'acceleration_programs',
    nameId: 'Program Akselerasi Menteri',
    nameEn: 'Minister’s acceleration programs',
    descriptionId: 'Jumlah Program Akselerasi Menteri Imigrasi dan Pemasyarakatan.',
    descriptionEn: 'Number of acceleration programs set by the Minister of Immigration and Corrections.',
    unit: 'PROGRAM',
    timeAggregation: 'LATEST',
    spaceAggregation: 'MAX',
    dimensions: [],
  },
  {
    key: 'tppo_prevention_activities',
    nameId: 'Kegiatan pencegahan TPPO/TPPM',
    nameEn: 'Trafficking and smuggling prevention activities',
    descriptionId: 'Kegiatan edukasi dan sosialisasi pencegahan TPPO dan TPPM.',
    descriptionEn: 'Outreach and education activities to prevent human trafficking and smuggling.',
    unit: 'ACTIVITY',
    timeAggregation: 'SUM',
    spaceAggregation: 'SUM',
    dimensions: [],
  },
];
