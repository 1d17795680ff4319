import { seriesColumnRows, type PantauMetricChartQuery, type SeriesColumnRow } from '@pantau/schema';
import { nameIn, uniqueSources } from '../core/bilingual.ts';
import { formatNumber, formatPeriod, t, type Language } from '../core/i18n.ts';
import type { WidgetData } from '../core/widget-data.ts';

/** The answer to schema/operations/metric-chart.graphql, typed from the contract. */
export type MetricChartAnswer = PantauMetricChartQuery;
export type SeriesSource = MetricChartAnswer['metricSeries']['sources'][number];
export type SeriesRow = SeriesColumnRow<SeriesSource>;
export type SeriesMetric = MetricChartAnswer['metricSeries']['metric'];

const decoded = new WeakMap<MetricChartAnswer['metricSeries'], SeriesRow[]>();

/** The answer's rows, read from its columns once. */
export function seriesRowsOf(answer: MetricChartAnswer): SeriesRow[] {
  let rows = decoded.get(answer.metricSeries);
  if (!rows) decoded.set(answer.metricSeries, (rows = seriesColumnRows(answer.metricSeries)));
  return rows;
}

/** One line of the data table: a period of one series, or the total (`period: 'total'`). */
export interface MetricChartRow {
  /** The period as the API names it (`2025-03`), for CSV. */
  period: string;
  /** The period in the widget's language (`Maret 2025`). */
  periodLabel: string;
  series: string;
  /** The exact decimal the API gave; null when the cell is suppressed (a small cell of a sensitive metric). */
  value: string | null;
  isLowerBound: boolean;
  synthetic: boolean;
  sources: SeriesRow['sources'];
}

export const unitOf = (metric: SeriesMetric, language: Language) => (language === 'en' ? metric.unitEn : metric.unitId);

/** A series' name: its place, office, programme, campaign and dimension labels, or "Total". */
export function seriesName(row: SeriesRow, language: Language): string {
  const parts = [
    row.province?.name,
    row.regency?.name,
    row.region?.name,
    row.office && nameIn(row.office, language),
    row.program && nameIn(row.program, language),
    row.campaign && nameIn(row.campaign, language),
    ...row.dimensions.map((d) => (language === 'en' ? d.labelEn : d.labelId)),
  ].filter((part): part is string => Boolean(part));
  return parts.join(' · ') || t('total', language);
}

const amount = (value: string | null, isLowerBound: boolean, unit: string, language: Language) =>
  value === null ? t('suppressed', language) : `${isLowerBound ? `${t('lowerBound', language)} ` : ''}${formatNumber(value, language)} ${unit}`;

/** The series as table rows in `language`, with the total as a last row when there is more than one. */
export function presentSeries(answer: MetricChartAnswer, language: Language): WidgetData<MetricChartRow> {
  const { metric, total } = answer.metricSeries;
  const rows = seriesRowsOf(answer);
  const unit = unitOf(metric, language);
  const tableRows: MetricChartRow[] = rows.map((row) => ({
    period: row.period,
    periodLabel: formatPeriod(row.period, language),
    series: seriesName(row, language),
    value: row.value,
    isLowerBound: row.isLowerBound,
    synthetic: row.synthetic,
    sources: row.sources,
  }));
  if (total && rows.length > 1) {
    tableRows.push({
      period: 'total',
      periodLabel: t('total', language),
      series: '',
      value: total.value,
      isLowerBound: total.isLowerBound,
      synthetic: total.synthetic,
      sources: total.sources,
    });
  }
  return {
    rows: rows.length ? tableRows : [],
    synthetic: Boolean(total?.synthetic) || rows.some((r) => r.synthetic),
    sources: uniqueSources([...rows.map((r) => r.sources), total?.sources ?? []]),
    subtitle: total ? `${t('total', language)}: ${amount(total.value, total.isLowerBound, unit, language)}` : undefined,
    caption: `${nameIn(metric, language)} (${unit})`,
    columns: [
      { header: t('period', language), raw: (row) => row.period, display: (row) => row.periodLabel },
      { header: t('series', language), raw: (row) => row.series, display: (row) => row.series },
      { header: t('value', language), raw: (row) => row.value, display: (row) => amount(row.value, row.isLowerBound, unit, language), numeric: true },
    ],
  };
}
