import { joinFilters, uniqueSources, type SourceRef, type WidgetModel } from '../picture.ts';
import { key, oneOf, regionCode } from '../widget-attributes.ts';
import { formatNumber, formatPeriod, nameIn, t, type Bilingual, type Language } from '../words.ts';

interface TileRow {
  period: string;
  value: string | null;
  isLowerBound: boolean;
  synthetic: boolean;
  sources: SourceRef[];
}

interface Answer {
  metricSeries: { metric: Bilingual & { key: string; unitId: string; unitEn: string }; rows: TileRow[] };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The period before `period` as the API names periods, or null (widgets/src/metric-tile/metric-tile.headline.ts). */
function previousPeriod(period: string): string | null {
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

/** `a − b` of exact decimal strings, through BigInt so no digit is lost. */
function subtractDecimals(a: string, b: string): string {
  const scale = Math.max(a.split('.')[1]?.length ?? 0, b.split('.')[1]?.length ?? 0);
  const units = (text: string) => {
    const [whole = '0', fraction = ''] = text.replace(/^-/, '').split('.');
    const value = BigInt(whole + fraction.padEnd(scale, '0'));
    return text.startsWith('-') ? -value : value;
  };
  const difference = units(a) - units(b);
  const digits = (difference < 0n ? -difference : difference).toString().padStart(scale + 1, '0');
  const fraction = scale ? digits.slice(-scale).replace(/0+$/, '') : '';
  return `${difference < 0n ? '-' : ''}${digits.slice(0, digits.length - scale)}${fraction ? `.${fraction}` : ''}`;
}

/** `+3.363 (+18,7%) dibanding 2024`, as the tile's change line reads. */
function changeLine(current: TileRow & { value: string }, previous: TileRow & { value: string }, language: Language): string {
  const against = formatPeriod(previous.period, language);
  const difference = subtractDecimals(current.value, previous.value);
  if (/^-?0(\.0+)?$/.test(difference)) return `${t('sameAs', language)} ${against}`;
  const amount = `${difference.startsWith('-') ? '−' : '+'}${formatNumber(difference.replace(/^-/, ''), language)}`;
  const ratio =
    Number(previous.value) === 0
      ? ''
      : ` (${new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'id-ID', { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' })
          .format(Number(difference) / Number(previous.value))
          .replace('-', '−')})`;
  return `${amount}${ratio} ${t('comparedWith', language)} ${against}`;
}

const periodRule = {
  values: 'a period as the API names it (`2025`, `2025-Q1`, `2025-03`, `2025-W07`, `2025-03-01`)',
  valid: (v: string) => /^\d{4}(-Q[1-4]|-\d{2}|-W\d{2}|-\d{2}-\d{2})?$/.test(v),
};

/** As `<pantau-metric-tile>` (widgets/src/metric-tile/metric-tile.ts): one headline number, its period and the change against the one before. */
export const metricTile: WidgetModel = {
  name: 'metric-tile',
  tag: 'pantau-metric-tile',
  operation: 'metric-tile.graphql',
  attributes: { metric: { ...key, required: true }, granularity: oneOf('DAY', 'MONTH', 'QUARTER', 'YEAR'), region: regionCode, period: periodRule },
  variables: ({ own, includeSynthetic }) => ({
    metric: own.get('metric'),
    granularity: own.get('granularity') ?? 'YEAR',
    filter: own.get('region') ? { regionCode: own.get('region') } : {},
    includeSynthetic,
  }),
  regionCodes: ({ own }) => (own.get('region') ? [own.get('region') as string] : []),
  picture(answer, { own, language, heading, includeSynthetic }, { regionNames }) {
    const { metric, rows } = (answer as Answer).metricSeries;
    const unit = language === 'en' ? metric.unitEn : metric.unitId;
    const figures = rows.filter((row): row is TileRow & { value: string } => row.value !== null).sort((a, b) => a.period.localeCompare(b.period));
    const current = own.get('period') ? figures.find((row) => row.period === own.get('period')) : figures.at(-1);
    const previous = current ? (figures.find((row) => row.period === previousPeriod(current.period)) ?? null) : null;
    const comparable = current && previous && !current.isLowerBound && !previous.isLowerBound ? previous : null;
    const shown = [current, comparable].filter((row): row is TileRow & { value: string } => Boolean(row));
    const region = own.get('region');
    const granularity = (own.get('granularity') ?? 'YEAR') as 'DAY' | 'MONTH' | 'QUARTER' | 'YEAR';
    return {
      title: heading || nameIn(metric, language),
      subtitle: current && comparable ? changeLine(current, comparable, language) : null,
      filters: joinFilters([
        region ? `${t('region', language)}: ${regionNames.get(region) ?? region}` : t('allRegions', language),
        t(granularity, language),
        includeSynthetic && t('withSynthetic', language),
      ]),
      tiles: current
        ? [
            {
              value: `${current.isLowerBound ? `${t('lowerBound', language)} ` : ''}${formatNumber(current.value, language)} ${unit}`,
              label: `${t('period', language)}: ${formatPeriod(current.period, language)}`,
            },
          ]
        : [],
      chart: null,
      note: current ? null : t('empty', language),
      sources: uniqueSources(shown.map((row) => row.sources)),
      synthetic: shown.some((row) => row.synthetic),
    };
  },
};
