/**
 * The sources the news articles of Pantau's seed material are, as data: publisher, title, author,
 * the dateline's place and date (weekday cross-checked), and the claim each figure rests on, in our
 * own words. No article text is copied; none of the articles states a web address, so none is given.
 */

export interface SourceFact {
  readonly key: string;
  readonly publisher: string;
  readonly title: string;
  readonly publishedOn: string;
  readonly author: string | null;
  /** The place the article's dateline names, e.g. `Jakarta` in "Jakarta (ANTARA) - ...". */
  readonly datelinePlace: string;
  readonly claimId: string;
  readonly claimEn: string;
  readonly documentRef: string;
}

const antaraHbi = {
  publisher: 'ANTARA',
  title: 'Hari Bakti Imigrasi ke-76: bakti sosial, donor darah dan penanaman kelapa (judul deskriptif: salinan arsip tanpa judul)',
  publishedOn: '2026-01-20',
  datelinePlace: 'Jakarta',
  author: 'Fath Putra Mulya',
  documentRef: 'shared/seeds/000_9677cf70c2378be1.txt',
} as const;
const pastimeHbi = {
  publisher: 'PAStime News (Ditjenpas)',
  title: 'Pemasyarakatan Tingkatkan Sinergi dan Kepedulian Sosial pada Rangkaian Hari Bakti Imigrasi Ke-76',
  publishedOn: '2026-01-20',
  datelinePlace: 'Tangerang',
  author: 'Ghiffary Alfiansyach',
  documentRef: 'shared/seeds/001_d40c6e69dc2ecd66.txt',
} as const;
const antaraNtt = {
  publisher: 'ANTARA',
  title: 'Imigrasi NTT memperkuat integritas dan layanan keimigrasian',
  publishedOn: '2026-01-26',
  datelinePlace: 'Kupang',
  author: 'Yoseph Boli Bataona',
  documentRef: 'shared/seeds/002_34d599d6a7e2abb5.txt',
} as const;
const suaraGlobalBansos = {
  publisher: 'SUARAGLOBAL.COM',
  title: 'Gerak Nyata Pemasyarakatan NTT: Bansos Rutin UPT Wujudkan Akselerasi dan Kepedulian Sosial',
  publishedOn: '2025-05-22',
  datelinePlace: 'Kupang',
  author: 'Fajrin Nirwan SS',
  documentRef: 'shared/seeds/003_2cb93ba56e4d9276.txt',
} as const;
const antaraPimpasa = {
  publisher: 'ANTARA',
  title: 'Kementerian Imipas prioritaskan NTT dalam pencegahan TPPO dan TPPM',
  publishedOn: '2024-11-04',
  datelinePlace: 'Jakarta',
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
