// The words a snapshot draws, as the widgets show them (widgets/src/core/i18n.ts: the server may not
// import widget code, so the labels a picture needs are kept here; the browser tests compare the two).

/** The two languages of every label; `id` (Bahasa Indonesia) is the default. */
export type Language = 'id' | 'en';

const locales: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

/** An exact decimal string for display, through BigInt when it is whole so no digit is lost. */
export function formatNumber(value: string | number, language: Language, maximumFractionDigits = 2): string {
  const text = String(value);
  const format = new Intl.NumberFormat(locales[language], { maximumFractionDigits });
  return /^-?\d+$/.test(text) ? format.format(BigInt(text)) : format.format(Number(text));
}

export function formatPercent(ratio: string | number | null, language: Language): string {
  if (ratio === null) return '–';
  return new Intl.NumberFormat(locales[language], { style: 'percent', maximumFractionDigits: 2 }).format(Number(ratio));
}

/** `2026-01-20` as `20 Jan 2026`, in UTC so the day never shifts. */
export function formatDate(isoDate: string, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

const months: Record<Language, string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
const romanQuarters = ['I', 'II', 'III', 'IV'];

/** `2025-Q1` as `Triwulan I 2025` / `Q1 2025`, `2025-03` as `Maret 2025`, `2025-W07` as `Minggu 7 2025`. */
export function formatPeriod(period: string, language: Language): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return language === 'en' ? `Q${quarter[2]} ${quarter[1]}` : `Triwulan ${romanQuarters[Number(quarter[2]) - 1]} ${quarter[1]}`;
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (month) return `${months[language][Number(month[2]) - 1]} ${month[1]}`;
  const week = /^(\d{4})-W(\d{2})$/.exec(period);
  if (week) return `${language === 'en' ? 'Week' : 'Minggu'} ${Number(week[2])} ${week[1]}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(period)) return formatDate(period, language);
  return period;
}

/** d3 number and time locales for Vega, so axes read `20.000` in Indonesian. */
export const vegaLocales: Record<Language, { number: object; time: object }> = {
  id: {
    number: { decimal: ',', thousands: '.', grouping: [3], currency: ['Rp', ''] },
    time: {
      dateTime: '%A, %e %B %Y pukul %H.%M.%S',
      date: '%d/%m/%Y',
      time: '%H.%M.%S',
      periods: ['AM', 'PM'],
      days: ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'],
      shortDays: ['Min', 'Sen', 'Sel', 'Rab', 'Kam', 'Jum', 'Sab'],
      months: months.id,
      shortMonths: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
    },
  },
  en: {
    number: { decimal: '.', thousands: ',', grouping: [3], currency: ['IDR ', ''] },
    time: {
      dateTime: '%a %e %b %Y %X',
      date: '%d/%m/%Y',
      time: '%H:%M:%S',
      periods: ['AM', 'PM'],
      days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
      shortDays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
      months: months.en,
      shortMonths: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    },
  },
};

const labels = {
  empty: { id: 'Belum ada data untuk ditampilkan.', en: 'No data to show yet.' },
  source: { id: 'Sumber', en: 'Source' },
  sources: { id: 'Sumber', en: 'Sources' },
  synthetic: { id: 'Data sintetis', en: 'Synthetic data' },
  syntheticHint: { id: 'Sebagian angka berasal dari data sintetis untuk demo, bukan laporan resmi.', en: 'Some figures come from synthetic demo data, not official reports.' },
  lowerBound: { id: 'lebih dari', en: 'more than' },
  total: { id: 'Total', en: 'Total' },
  office: { id: 'Kantor', en: 'Office' },
  region: { id: 'Wilayah', en: 'Region' },
  province: { id: 'Provinsi', en: 'Province' },
  regency: { id: 'Kabupaten/kota', en: 'Regency/city' },
  metric: { id: 'Indikator', en: 'Metric' },
  byOffice: { id: 'Per kantor', en: 'By office' },
  byRegion: { id: 'Per wilayah', en: 'By region' },
  partnerVillages: { id: 'Desa Binaan', en: 'Partner villages' },
  coverage: { id: 'Cakupan desa', en: 'Village coverage' },
  pimpasa: { id: 'Petugas Pimpasa', en: 'Pimpasa officers' },
  national: { id: 'Nasional', en: 'National' },
  reported: { id: 'dilaporkan', en: 'reported' },
  mapTitle: { id: 'Peta Desa Binaan Imigrasi', en: 'Map of immigration partner villages' },
  campaignTitle: { id: 'Capaian kampanye', en: 'Campaign results' },
  coverageTitle: { id: 'Cakupan pencegahan TPPO', en: 'TPPO prevention coverage' },
  noPoints: { id: 'Belum ada Desa Binaan dengan lokasi tercatat.', en: 'No partner villages with a recorded location yet.' },
  granularity: { id: 'Periode', en: 'Periods' },
  groupedBy: { id: 'Dirinci menurut', en: 'Split by' },
  from: { id: 'Sejak', en: 'From' },
  to: { id: 'Sampai', en: 'To' },
  allRegions: { id: 'Seluruh Indonesia', en: 'All of Indonesia' },
  withSynthetic: { id: 'termasuk data sintetis', en: 'synthetic data included' },
  licence: {
    id: 'Lisensi: angka publik dengan sumbernya; data Pantau CC0-1.0; geografi ODbL-1.0 (idn-area-data)',
    en: 'Licence: public figures with their sources; Pantau data CC0-1.0; geography ODbL-1.0 (idn-area-data)',
  },
  DAY: { id: 'harian', en: 'daily' },
  MONTH: { id: 'bulanan', en: 'monthly' },
  QUARTER: { id: 'triwulanan', en: 'quarterly' },
  YEAR: { id: 'tahunan', en: 'yearly' },
} as const satisfies Record<string, Record<Language, string>>;

export type LabelKey = keyof typeof labels;

export function t(key: LabelKey, language: Language): string {
  return labels[key][language];
}

/** A label fetched in both languages at once (`nameId`, `nameEn`). */
export interface Bilingual {
  nameId: string;
  nameEn: string;
}

export const nameIn = (value: Bilingual, language: Language) => (language === 'en' ? value.nameEn : value.nameId);
