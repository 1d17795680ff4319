/** The two languages every label exists in; `id` (Bahasa Indonesia) is the default. */
export type Language = 'id' | 'en';

const locales: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

/** The widget's own `lang`, else the nearest ancestor's, else the page's; anything not English is Indonesian. */
export function languageOf(element: Element): Language {
  const lang = element.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang;
  return lang.toLowerCase().startsWith('en') ? 'en' : 'id';
}

/** Formats an exact decimal string for display without going through a binary float when it is whole. */
export function formatNumber(value: string | number, language: Language, maximumFractionDigits = 2): string {
  const text = String(value);
  const format = new Intl.NumberFormat(locales[language], { maximumFractionDigits });
  return /^-?\d+$/.test(text) ? format.format(BigInt(text)) : format.format(Number(text));
}

export function formatPercent(ratio: string | number | null, language: Language): string {
  if (ratio === null) return '–';
  return new Intl.NumberFormat(locales[language], { style: 'percent', maximumFractionDigits: 2 }).format(Number(ratio));
}

/** `2026-01-20` as `20 Jan 2026` / `20 Jan 2026`, in UTC so the day never shifts. */
export function formatDate(isoDate: string, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

const romanQuarters = ['I', 'II', 'III', 'IV'];

/**
 * A period as the API names it (`2025`, `2025-Q1`, `2025-03`, `2025-W07`, `2025-03-01`) in words:
 * `Triwulan I 2025` / `Q1 2025`, `Maret 2025` / `March 2025`, `Minggu 7 2025` / `Week 7 2025`.
 * Anything else is shown as it came.
 */
export function formatPeriod(period: string, language: Language): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return language === 'en' ? `Q${quarter[2]} ${quarter[1]}` : `Triwulan ${romanQuarters[Number(quarter[2]) - 1]} ${quarter[1]}`;
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (month) return `${vegaLocales[language].time.months[Number(month[2]) - 1]} ${month[1]}`;
  const week = /^(\d{4})-W(\d{2})$/.exec(period);
  if (week) return `${language === 'en' ? 'Week' : 'Minggu'} ${Number(week[2])} ${week[1]}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(period)) return formatDate(period, language);
  return period;
}

/** d3-format / d3-time-format definitions for Vega views, so axes read `20.000` in Indonesian. */
export const vegaLocales: Record<Language, { number: object; time: { months: string[] } & Record<string, unknown> }> = {
  id: {
    number: { decimal: ',', thousands: '.', grouping: [3], currency: ['Rp', ''] },
    time: {
      dateTime: '%A, %e %B %Y pukul %H.%M.%S',
      date: '%d/%m/%Y',
      time: '%H.%M.%S',
      periods: ['AM', 'PM'],
      days: ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'],
      shortDays: ['Min', 'Sen', 'Sel', 'Rab', 'Kam', 'Jum', 'Sab'],
      months: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
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
      months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
      shortMonths: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    },
  },
};

/** Every label the widgets show, in both languages. */
export const labels = {
  loading: { id: 'Memuat data…', en: 'Loading data…' },
  empty: { id: 'Belum ada data untuk ditampilkan.', en: 'No data to show yet.' },
  error: { id: 'Data tidak dapat dimuat.', en: 'The data could not be loaded.' },
  retry: { id: 'Coba lagi', en: 'Try again' },
  showTable: { id: 'Tampilkan tabel', en: 'Show table' },
  showChart: { id: 'Tampilkan grafik', en: 'Show chart' },
  downloadCsv: { id: 'Unduh CSV', en: 'Download CSV' },
  downloadPng: { id: 'Unduh PNG', en: 'Download PNG' },
  downloadSvg: { id: 'Unduh SVG', en: 'Download SVG' },
  source: { id: 'Sumber', en: 'Source' },
  sources: { id: 'Sumber', en: 'Sources' },
  synthetic: { id: 'Data sintetis', en: 'Synthetic data' },
  syntheticHint: { id: 'Sebagian angka berasal dari data sintetis untuk demo, bukan laporan resmi.', en: 'Some figures come from synthetic demo data, not official reports.' },
  lowerBound: { id: 'lebih dari', en: 'more than' },
  suppressed: { id: 'disembunyikan (sel kecil)', en: 'suppressed (small cell)' },
  definition: { id: 'Definisi', en: 'Definition' },
  chartSummary: { id: 'Grafik; tabel data tersedia lewat tombol “Tampilkan tabel”.', en: 'Chart; the data table is available through “Show table”.' },
  byOffice: { id: 'Per kantor', en: 'By office' },
  byRegion: { id: 'Per wilayah', en: 'By region' },
  total: { id: 'Total', en: 'Total' },
  office: { id: 'Kantor', en: 'Office' },
  region: { id: 'Wilayah', en: 'Region' },
  province: { id: 'Provinsi', en: 'Province' },
  regency: { id: 'Kabupaten/kota', en: 'Regency/city' },
  village: { id: 'Desa', en: 'Village' },
  designatedOn: { id: 'Ditetapkan', en: 'Designated' },
  metric: { id: 'Indikator', en: 'Metric' },
  value: { id: 'Nilai', en: 'Value' },
  unit: { id: 'Satuan', en: 'Unit' },
  period: { id: 'Periode', en: 'Period' },
  series: { id: 'Seri', en: 'Series' },
  priority: { id: 'Prioritas TPPO', en: 'TPPO priority' },
  yes: { id: 'Ya', en: 'Yes' },
  no: { id: 'Tidak', en: 'No' },
  partnerVillages: { id: 'Desa Binaan', en: 'Partner villages' },
  villages: { id: 'Jumlah desa', en: 'Villages' },
  coverage: { id: 'Cakupan desa', en: 'Village coverage' },
  pimpasa: { id: 'Petugas Pimpasa', en: 'Pimpasa officers' },
  pimpasaCoverage: { id: 'Cakupan Pimpasa', en: 'Pimpasa coverage' },
  tppoActivities: { id: 'Kegiatan pencegahan TPPO', en: 'TPPO prevention activities' },
  national: { id: 'Nasional', en: 'National' },
  reported: { id: 'dilaporkan', en: 'reported' },
  mapTitle: { id: 'Peta Desa Binaan Imigrasi', en: 'Map of immigration partner villages' },
  campaignTitle: { id: 'Capaian kampanye', en: 'Campaign results' },
  coverageTitle: { id: 'Cakupan pencegahan TPPO', en: 'TPPO prevention coverage' },
  precision: { id: 'Ketepatan lokasi', en: 'Location precision' },
  precisionVillage: { id: 'titik desa', en: 'village point' },
  precisionRegency: { id: 'titik kabupaten/kota', en: 'regency point' },
  precisionProvince: { id: 'titik ibu kota provinsi', en: 'provincial capital point' },
  priorityLegend: { id: 'Provinsi prioritas pencegahan TPPO', en: 'TPPO prevention priority province' },
  noPoints: { id: 'Belum ada Desa Binaan dengan lokasi tercatat.', en: 'No partner villages with a recorded location yet.' },
  campaign: { id: 'Kampanye', en: 'Campaign' },
  programme: { id: 'Program', en: 'Programme' },
  allRegions: { id: 'Seluruh Indonesia', en: 'All of Indonesia' },
  from: { id: 'sejak', en: 'from' },
  to: { id: 'sampai', en: 'to' },
  groupedBy: { id: 'dirinci menurut', en: 'split by' },
  withSynthetic: { id: 'termasuk data sintetis', en: 'synthetic data included' },
  DAY: { id: 'harian', en: 'daily' },
  MONTH: { id: 'bulanan', en: 'monthly' },
  QUARTER: { id: 'triwulanan', en: 'quarterly' },
  YEAR: { id: 'tahunan', en: 'yearly' },
  drawnOn: { id: 'Digambar', en: 'Drawn' },
  licence: {
    id: 'Lisensi: angka publik dengan sumbernya; data Pantau CC0-1.0; geografi ODbL-1.0 (idn-area-data)',
    en: 'Licence: public figures with their sources; Pantau data CC0-1.0; geography ODbL-1.0 (idn-area-data)',
  },
  syntheticFile: { id: 'sintetis', en: 'synthetic' },
  lowerBoundFlag: { id: 'Batas bawah (lebih dari)', en: 'Lower bound (more than)' },
  syntheticFlag: { id: 'Sintetis', en: 'Synthetic' },
  percentAxis: { id: 'Cakupan desa (%)', en: 'Village coverage (%)' },
} as const satisfies Record<string, Record<Language, string>>;

export type LabelKey = keyof typeof labels;

export function t(key: LabelKey, language: Language): string {
  return labels[key][language];
}
