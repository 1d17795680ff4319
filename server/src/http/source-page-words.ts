import type { SourceKind } from '@pantau/prisma/client';
import { labels } from '@pantau/schema/words';
import type { Lang } from '../locale-format.ts';

/** A label the widgets show too, keyed as the source pages key their languages. */
const shared = (label: { id: string; en: string }) => ({ ID: label.id, EN: label.en });

/** Every word the source pages show, in Bahasa Indonesia and English. */
export const sourcePageWords = {
  source: shared(labels.source),
  otherLanguage: { ID: 'English', EN: 'Bahasa Indonesia' },
  publisher: { ID: 'Penerbit', EN: 'Publisher' },
  title: { ID: 'Judul', EN: 'Title' },
  author: { ID: 'Penulis', EN: 'Author' },
  dateline: { ID: 'Tempat dan tanggal', EN: 'Dateline' },
  released: { ID: 'Tanggal terbit', EN: 'Released' },
  kind: { ID: 'Jenis', EN: 'Kind' },
  address: { ID: 'Alamat web', EN: 'Web address' },
  noAddress: {
    ID: 'Tidak ada alamat web yang tercatat: cari artikel ini menurut penerbit, judul dan tanggalnya.',
    EN: 'No web address on record: find the article by its publisher, title and date.',
  },
  licence: { ID: 'Lisensi', EN: 'Licence' },
  claim: { ID: 'Yang dinyatakan sumber ini (dengan kata-kata kami)', EN: 'What this source states (in our words)' },
  claimInOther: { ID: 'Dalam bahasa Inggris', EN: 'In Bahasa Indonesia' },
  figures: { ID: 'Angka yang bersumber dari sini', EN: 'Figures citing this source' },
  noFigures: { ID: 'Belum ada angka terbitan yang mengutip sumber ini.', EN: 'No published figure cites this source yet.' },
  figuresCapped: { ID: 'Ditampilkan {n} angka pertama, menurut periode.', EN: 'The first {n} figures are shown, in period order.' },
  metric: shared(labels.metric),
  breakdown: { ID: 'Rincian', EN: 'Breakdown' },
  value: shared(labels.value),
  period: shared(labels.period),
  place: { ID: 'Kantor atau wilayah', EN: 'Office or region' },
  moreThan: shared(labels.lowerBound),
  synthetic: { ID: 'data sintetis', EN: 'synthetic data' },
  suppressed: {
    ID: 'disembunyikan: angka tunggal indikator sensitif hanya tampil dalam tabel agregat',
    EN: 'suppressed: single figures of a sensitive metric are shown only in aggregate tables',
  },
  notFoundTitle: { ID: 'Sumber tidak ditemukan', EN: 'Source not found' },
  notFound: {
    ID: 'Tidak ada sumber dengan kunci ini. Tautan sumber pada grafik Pantau membawa ke halaman sumbernya; daftar semua sumber ada di kueri GraphQL “sources”.',
    EN: 'There is no source with this key. The source links under Pantau’s charts lead to their pages; the GraphQL query “sources” lists them all.',
  },
  home: { ID: 'Kembali ke Pantau', EN: 'Back to Pantau' },
} as const satisfies Record<string, Record<Lang, string>>;

export const sourceKindWords: Record<SourceKind, Record<Lang, string>> = {
  NEWS_ARTICLE: { ID: 'Artikel berita', EN: 'News article' },
  DATASET: { ID: 'Kumpulan data', EN: 'Dataset' },
  SYNTHETIC: { ID: 'Data sintetis (dibuat Pantau untuk demo, bukan data kementerian)', EN: 'Synthetic data (made by Pantau for demos, not ministry data)' },
};

export type SourcePageWord = keyof typeof sourcePageWords;
export const say = (word: SourcePageWord, lang: Lang) => sourcePageWords[word][lang];
