import { locales, type Language } from './language.ts';
import { vegaLocales } from './vega-locales.ts';

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
