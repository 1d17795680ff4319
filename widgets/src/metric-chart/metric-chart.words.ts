import { nameIn } from '../core/bilingual.ts';
import { filterLine, groupName, rangeWords } from '../core/filter-words.ts';
import { formatNumber, formatPeriod, t, type Language } from '../core/i18n.ts';
import { regionName } from '../core/region-names.ts';
import { changeWords, extremes, figureWords, sentence } from '../core/summary-words.ts';
import type { ChartWords, WidgetData } from '../core/widget-data.ts';
import { seriesRowsOf, unitOf, type MetricChartAnswer, type MetricChartRow } from './metric-chart.data.ts';

export interface SeriesFilters {
  language: Language;
  region: string | null;
  granularity: 'DAY' | 'MONTH' | 'QUARTER' | 'YEAR';
  groupBy: readonly string[];
  from: string | null;
  to: string | null;
  includeSynthetic: boolean;
}

type Shown = MetricChartRow & { value: string };

/**
 * `Paspor diterbitkan, 2024–2025: total 39.363 dokumen; pada 2025 tertinggi Paspor elektronik (14.213
 * dokumen), terendah Paspor biasa (7.150 dokumen); 2025 naik 18,68% dibanding 2024.`
 */
export function seriesSummary(rows: readonly MetricChartRow[], answer: MetricChartAnswer, language: Language): string {
  const { metric, total } = answer.metricSeries;
  const unit = unitOf(metric, language);
  const en = language === 'en';
  const shown = rows.filter((row): row is Shown => row.period !== 'total' && row.value !== null);
  const periods = [...new Set(shown.map((row) => row.period))].sort();
  const [first, last] = [periods[0], periods.at(-1)];
  if (first === undefined || last === undefined) return '';
  const label = (period: string) => formatPeriod(period, language);
  const figure = (row: { value: string; isLowerBound: boolean }) => figureWords(row.value, row.isLowerBound, unit, language);
  const range = first === last ? label(first) : `${label(first)}–${label(last)}`;
  const whole = total?.value != null ? figure({ value: total.value, isLowerBound: total.isLowerBound }) : null;
  const head = `${nameIn(metric, language)}, ${range}${whole ? (en ? `: ${whole} in total` : `: total ${whole}`) : ''}`;
  const series = new Set(shown.map((row) => row.series));
  const latest = shown.filter((row) => row.period === last);
  const ends = series.size > 1 ? extremes(latest, (row) => Number(row.value)) : extremes(shown, (row) => Number(row.value));
  const name = (row: Shown) => (series.size > 1 ? row.series : label(row.period));
  const within = series.size > 1 && periods.length > 1 ? (en ? `in ${label(last)}, ` : `pada ${label(last)} `) : '';
  const spread =
    ends &&
    (series.size > 1 || periods.length > 1) &&
    (en
      ? `${within}highest ${name(ends.largest)} (${figure(ends.largest)}), lowest ${name(ends.smallest)} (${figure(ends.smallest)})`
      : `${within}tertinggi ${name(ends.largest)} (${figure(ends.largest)}), terendah ${name(ends.smallest)} (${figure(ends.smallest)})`);
  const before = periods.at(-2);
  const inPeriod = (period: string | undefined) => shown.filter((row) => row.period === period);
  const sum = (part: Shown[]) => part.reduce((acc, row) => acc + Number(row.value), 0);
  const comparable = before !== undefined && ![...latest, ...inPeriod(before)].some((row) => row.isLowerBound);
  const change = comparable && `${label(last)} ${changeWords(sum(latest), sum(inPeriod(before)), label(before), unit, language)}`;
  const hidden = rows.filter((row) => row.period !== 'total' && row.value === null).length;
  const suppressed = hidden > 0 && `${formatNumber(hidden, language)} ${en ? `cell${hidden > 1 ? 's' : ''} suppressed` : 'sel disembunyikan'}`;
  const synthetic = Boolean(total?.synthetic) || rows.some((row) => row.synthetic);
  return sentence([head, spread, change, suppressed], synthetic, language);
}

/** The series chart's filters, summary and per-row facts. */
export function seriesWords(data: WidgetData<MetricChartRow>, answer: MetricChartAnswer, filters: SeriesFilters): ChartWords<MetricChartRow> {
  const { language, region, groupBy } = filters;
  const places = seriesRowsOf(answer).flatMap((row) => [row.province, row.regency, row.region].filter((place) => place !== null && place !== undefined));
  const named = new Map(places.map((place) => [place.code, place.name]));
  const unit = unitOf(answer.metricSeries.metric, language);
  return {
    filters: filterLine(
      [
        region ? `${t('region', language)}: ${regionName(region, named)}` : t('allRegions', language),
        t(filters.granularity, language),
        ...rangeWords(filters.from, filters.to, language),
        groupBy.length > 0 && `${t('groupedBy', language)} ${groupBy.map((key) => groupName(key, language)).join(', ')}`,
      ],
      filters.includeSynthetic,
      language,
    ),
    summary: seriesSummary(data.rows, answer, language),
    facts: (row) => ({ unit, isLowerBound: row.isLowerBound, synthetic: row.synthetic, sources: row.sources }),
  };
}
