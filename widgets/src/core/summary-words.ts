import { formatNumber, formatPercent, t, type Language } from './i18n.ts';

/**
 * Building blocks of the one-sentence summaries each widget writes from its rows. Pure: the same
 * rows give the same words, so unit tests can state the sentence they expect.
 */

/** `lebih dari 500 orang` / `more than 500 people` for a lower bound, `20.000 bibit` otherwise. */
export function figureWords(value: string | number, isLowerBound: boolean, unit: string, language: Language): string {
  return `${isLowerBound ? `${t('lowerBound', language)} ` : ''}${formatNumber(value, language)}${unit ? ` ${unit}` : ''}`;
}

/** The first row with the largest value and the last with the smallest, or null without rows. */
export function extremes<T extends object>(rows: readonly T[], value: (row: T) => number): { largest: T; smallest: T } | null {
  const [first] = rows;
  if (first === undefined) return null;
  let largest = first;
  let smallest = first;
  for (const row of rows) {
    if (value(row) > value(largest)) largest = row;
    if (value(row) <= value(smallest)) smallest = row;
  }
  return { largest, smallest };
}

/** `naik 18,7% dibanding 2024` / `up 18.7% on 2024`; the difference itself when the earlier figure is zero. */
export function changeWords(current: number, previous: number, against: string, unit: string, language: Language): string {
  if (current === previous) return language === 'en' ? `the same as ${against}` : `sama dengan ${against}`;
  const up = current > previous;
  const size = previous === 0 ? figureWords(Math.abs(current - previous), false, unit, language) : formatPercent(Math.abs(current - previous) / previous, language);
  if (language === 'en') return `${up ? 'up' : 'down'} ${size} on ${against}`;
  return `${up ? 'naik' : 'turun'} ${size} dibanding ${against}`;
}

/** `x dari y` / `x of y`, both counted in the widget's language. */
export const ofWords = (part: number, whole: number, language: Language) => `${formatNumber(part, language)} ${language === 'en' ? 'of' : 'dari'} ${formatNumber(whole, language)}`;

/** Clauses joined into one sentence: capitalised, `;` between clauses, `data sintetis` last when it applies. */
export function sentence(clauses: readonly (string | false | null | undefined)[], synthetic: boolean, language: Language): string {
  const kept = clauses.filter((clause): clause is string => Boolean(clause));
  if (synthetic) kept.push(t('synthetic', language).toLowerCase());
  const text = kept.join('; ');
  return text ? `${text.charAt(0).toUpperCase()}${text.slice(1)}.` : '';
}
