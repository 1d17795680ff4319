/** Numbers, days and periods in the reader's language: `20.000` and `20 Januari 2026`, or `20,000` and `20 January 2026`. */
export type Lang = 'ID' | 'EN';

const locales: Record<Lang, string> = { ID: 'id-ID', EN: 'en-GB' };
const romanQuarters = ['I', 'II', 'III', 'IV'];

/**
 * A decimal as the API stores it (`14213.0000`), grouped for the language. Intl formats the string
 * itself, so the digits stay exact: no detour through a floating-point number.
 */
export function formatDecimal(value: string, lang: Lang): string {
  return new Intl.NumberFormat(locales[lang], { maximumFractionDigits: 4 }).format(value as Intl.StringNumericLiteral);
}

/** A calendar day (stored at midnight UTC) in words, e.g. `Selasa, 20 Januari 2026` with `weekday`. */
export function formatDay(day: Date, lang: Lang, options: { weekday?: boolean } = {}): string {
  return new Intl.DateTimeFormat(locales[lang], { ...(options.weekday ? { weekday: 'long' } : {}), day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(day);
}

const iso = (day: Date) => day.toISOString().slice(0, 10);
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

/**
 * A period in words: one day, a whole year (`2025`), a quarter (`Triwulan I 2025` / `Q1 2025`),
 * a month (`Januari 2026`), or else its first and last day (`1 – 15 Januari 2026`).
 */
export function formatPeriod(start: Date, end: Date, lang: Lang): string {
  if (iso(start) === iso(end)) return formatDay(start, lang);
  const year = start.getUTCFullYear();
  const month = start.getUTCMonth();
  const sameYear = end.getUTCFullYear() === year;
  const startsMonth = start.getUTCDate() === 1;
  const endsMonth = end.getUTCDate() === lastDayOfMonth(end.getUTCFullYear(), end.getUTCMonth());
  if (sameYear && startsMonth && endsMonth) {
    const months = end.getUTCMonth() - month + 1;
    if (months === 12) return String(year);
    if (months === 3 && month % 3 === 0) return lang === 'EN' ? `Q${month / 3 + 1} ${year}` : `Triwulan ${romanQuarters[month / 3]} ${year}`;
    if (months === 1) return new Intl.DateTimeFormat(locales[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(start);
  }
  return new Intl.DateTimeFormat(locales[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).formatRange(start, end);
}

/** An article's dateline: its place and its day with the weekday, e.g. `Kupang, Senin, 26 Januari 2026`. */
export function formatDateline(place: string | null, day: Date | null, lang: Lang): string | null {
  const parts = [place, day ? formatDay(day, lang, { weekday: true }) : null].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join(', ') : null;
}
