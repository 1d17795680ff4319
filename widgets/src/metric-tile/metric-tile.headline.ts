import type { PantauMetricTileQuery } from '@pantau/schema';
import { formatNumber, formatPeriod, t, type Language } from '../core/i18n.ts';

/** The answer to schema/operations/metric-tile.graphql, typed from the contract. */
export type MetricTileAnswer = PantauMetricTileQuery;
/** One period of the series with a figure shown (a suppressed small cell has none and is left out). */
export type TilePeriod = MetricTileAnswer['metricSeries']['rows'][number] & { value: string };

/** The tile's number: one period's figure and, when the data has the period before, the change against it. */
export interface Headline {
  current: TilePeriod;
  previous: TilePeriod | null;
  /** `current − previous`, exact; null when there is no previous period or either figure is a lower bound. */
  change: { difference: string; ratio: number | null } | null;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The period before `period`, named as the API names periods (`2024` before `2025`, `2024-Q4` before
 * `2025-Q1`, `2025-02` before `2025-03`, the day before a day), or null for a form without one here.
 */
export function previousPeriod(period: string): string | null {
  if (/^\d{4}$/.test(period)) return String(Number(period) - 1);
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return Number(quarter[2]) === 1 ? `${Number(quarter[1]) - 1}-Q4` : `${quarter[1]}-Q${Number(quarter[2]) - 1}`;
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return Number(month[2]) === 1 ? `${Number(month[1]) - 1}-12` : `${month[1]}-${pad(Number(month[2]) - 1)}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(period)) {
    const day = new Date(`${period}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() - 1);
    return day.toISOString().slice(0, 10);
  }
  return null;
}

/** `a − b` for exact decimal strings, without a binary float in between. */
export function subtractDecimals(a: string, b: string): string {
  const scale = Math.max(a.split('.')[1]?.length ?? 0, b.split('.')[1]?.length ?? 0);
  const toUnits = (text: string) => {
    const [whole = '0', fraction = ''] = text.replace(/^-/, '').split('.');
    const units = BigInt(whole + fraction.padEnd(scale, '0'));
    return text.startsWith('-') ? -units : units;
  };
  const difference = toUnits(a) - toUnits(b);
  const negative = difference < 0n;
  const digits = (negative ? -difference : difference).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale ? digits.slice(-scale).replace(/0+$/, '') : '';
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/**
 * The headline of a series: the period asked for, else the latest one, and the change against the
 * period right before it when the series has that period and neither figure is a lower bound.
 */
export function metricHeadline(rows: readonly MetricTileAnswer['metricSeries']['rows'][number][], { period }: { period?: string | null } = {}): Headline | null {
  const sorted = rows.filter((row): row is TilePeriod => row.value !== null).sort((a, b) => a.period.localeCompare(b.period));
  const current = period ? sorted.find((row) => row.period === period) : sorted.at(-1);
  if (!current) return null;
  const before = previousPeriod(current.period);
  const previous = sorted.find((row) => row.period === before) ?? null;
  if (!previous || previous.isLowerBound || current.isLowerBound) return { current, previous, change: null };
  const difference = subtractDecimals(current.value, previous.value);
  return { current, previous, change: { difference, ratio: Number(previous.value) === 0 ? null : Number(difference) / Number(previous.value) } };
}

const locales: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

/** `+3.363 (+18,7%) dibanding 2024` / `+3,363 (+18.7%) compared with 2024`; `sama dengan 2024` when nothing changed. */
export function changeLine(headline: Headline, language: Language): string | null {
  const { change, previous } = headline;
  if (!change || !previous) return null;
  const against = formatPeriod(previous.period, language);
  if (/^-?0(\.0+)?$/.test(change.difference)) return language === 'en' ? `same as ${against}` : `sama dengan ${against}`;
  const negative = change.difference.startsWith('-');
  const amount = `${negative ? '−' : '+'}${formatNumber(change.difference.replace(/^-/, ''), language)}`;
  const ratio =
    change.ratio === null
      ? ''
      : ` (${new Intl.NumberFormat(locales[language], { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(change.ratio).replace('-', '−')})`;
  return `${amount}${ratio} ${language === 'en' ? 'compared with' : 'dibanding'} ${against}`;
}

/** What a screen reader hears for the tile (its summary): the number in words around it, as one sentence, `data sintetis` when it is. */
export function tileSentence(headline: Headline, metricName: string, unit: string, language: Language): string {
  const synthetic = headline.current.synthetic || Boolean(headline.change && headline.previous?.synthetic);
  const { current } = headline;
  const figure = `${current.isLowerBound ? `${t('lowerBound', language)} ` : ''}${formatNumber(current.value, language)} ${unit}`;
  const change = changeLine(headline, language);
  return `${metricName}, ${formatPeriod(current.period, language)}: ${figure}${change ? `; ${change}` : ''}${synthetic ? `; ${t('synthetic', language).toLowerCase()}` : ''}.`;
}
