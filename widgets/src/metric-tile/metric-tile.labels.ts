import { formatNumber, formatPeriod, t, type Language } from '../core/i18n.ts';
import type { Headline } from './metric-tile.headline.ts';

const locales: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

/** `+3.363 (+18,7%) dibanding 2024` / `+3,363 (+18.7%) compared with 2024`; `sama dengan 2024` when nothing changed. */
export function changeLine(headline: Headline, language: Language): string | null {
  const { change, previous } = headline;
  if (!change || !previous) return null;
  const against = formatPeriod(previous.period, language);
  if (/^-?0(\.0+)?$/.test(change.difference)) return language === 'en' ? `same as ${against}` : `sama dengan ${against}`;
  const negative = change.difference.startsWith('-');
  const amount = `${negative ? '−' : '+'}${formatNumber(change.difference.replace(/^-/, ''), language)}`;
  const ratio = change.ratio === null ? '' : ` (${new Intl.NumberFormat(locales[language], { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(change.ratio).replace('-', '−')})`;
  return `${amount}${ratio} ${language === 'en' ? 'compared with' : 'dibanding'} ${against}`;
}

/** What a screen reader hears for the tile: the number in words around it, as one sentence. */
export function tileSentence(headline: Headline, metricName: string, unit: string, language: Language): string {
  const { current } = headline;
  const figure = `${current.isLowerBound ? `${t('lowerBound', language)} ` : ''}${formatNumber(current.value, language)} ${unit}`;
  const change = changeLine(headline, language);
  return `${metricName}, ${formatPeriod(current.period, language)}: ${figure}${change ? `; ${change}` : ''}.`;
}
