// The words a snapshot draws. The widgets' own labels and Vega locales (widgets/src/core/i18n.ts)
// come from `labels.json`, which the widgets build writes beside `specs/`: the server never imports
// widget code, and keeps here only the words no element shows (filters in words, the licence line).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

const romanQuarters = ['I', 'II', 'III', 'IV'];

/** `2025-Q1` as `Triwulan I 2025` / `Q1 2025`, `2025-03` as `Maret 2025`, `2025-W07` as `Minggu 7 2025`. */
export function formatPeriod(period: string, language: Language): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return language === 'en' ? `Q${quarter[2]} ${quarter[1]}` : `Triwulan ${romanQuarters[Number(quarter[2]) - 1]} ${quarter[1]}`;
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (month) return `${widgetWords().vegaLocales[language].time.months[Number(month[2]) - 1]} ${month[1]}`;
  const week = /^(\d{4})-W(\d{2})$/.exec(period);
  if (week) return `${language === 'en' ? 'Week' : 'Minggu'} ${Number(week[2])} ${week[1]}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(period)) return formatDate(period, language);
  return period;
}

/** Words of the pictures that no element shows. */
const serverLabels = {
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
  comparedWith: { id: 'dibanding', en: 'compared with' },
  sameAs: { id: 'sama dengan', en: 'same as' },
} as const satisfies Record<string, Record<Language, string>>;

/** The widgets' labels a picture draws; `useWidgetWords` checks that `labels.json` has each of them. */
const widgetLabelKeys = [
  'empty',
  'source',
  'sources',
  'synthetic',
  'syntheticHint',
  'lowerBound',
  'total',
  'office',
  'region',
  'province',
  'regency',
  'metric',
  'byOffice',
  'byRegion',
  'partnerVillages',
  'coverage',
  'pimpasa',
  'national',
  'reported',
  'mapTitle',
  'campaignTitle',
  'coverageTitle',
  'noPoints',
  'period',
] as const;

export type LabelKey = keyof typeof serverLabels | (typeof widgetLabelKeys)[number];

interface WidgetWords {
  labels: Record<string, Record<Language, string>>;
  vegaLocales: Record<Language, { number: object; time: { months: string[] } & Record<string, unknown> }>;
}

let loaded: WidgetWords | null = null;

/** Reads the widgets' words from `<widgetsDir>/labels.json` (once per directory), naming any label it lacks. */
export function useWidgetWords(widgetsDir: string): void {
  const words = JSON.parse(readFileSync(join(widgetsDir, 'labels.json'), 'utf8')) as WidgetWords;
  const missing = widgetLabelKeys.filter((key) => typeof words.labels[key]?.id !== 'string' || typeof words.labels[key]?.en !== 'string');
  if (missing.length) throw new Error(`${join(widgetsDir, 'labels.json')} lacks the labels ${missing.join(', ')}: rebuild the widgets`);
  loaded = words;
}

function widgetWords(): WidgetWords {
  if (!loaded) throw new Error('The widgets’ words are not loaded: call useWidgetWords(widgetsDir) first');
  return loaded;
}

/** d3 number and time locales for Vega, as the widgets use them, so axes read `20.000` in Indonesian. */
export const vegaLocaleOf = (language: Language) => widgetWords().vegaLocales[language];

export function t(key: LabelKey, language: Language): string {
  return key in serverLabels ? serverLabels[key as keyof typeof serverLabels][language] : (widgetWords().labels[key]?.[language] ?? key);
}

/** A label fetched in both languages at once (`nameId`, `nameEn`). */
export interface Bilingual {
  nameId: string;
  nameEn: string;
}

export const nameIn = (value: Bilingual, language: Language) => (language === 'en' ? value.nameEn : value.nameId);
