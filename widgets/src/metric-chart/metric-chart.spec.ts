import { nameIn } from '../core/bilingual.ts';
import { formatNumber, t } from '../core/i18n.ts';
import type { ChartRequest, SpecOptions } from '../core/widget-data.ts';
import seriesBarsSpec from '../specs/series-bars.vl.json?vega';
import seriesLineSpec from '../specs/series-line.vl.json?vega';
import { unitOf, type MetricChartRow, type SeriesMetric } from './metric-chart.data.ts';

export interface MetricChartSpecOptions extends SpecOptions {
  metric: SeriesMetric;
  type: 'bar' | 'line';
}

/** Bars (or lines) of each series over the periods; the total row is the table's, not the chart's. */
export function metricChartSpec(rows: readonly MetricChartRow[], { metric, type, language }: MetricChartSpecOptions): ChartRequest {
  const unit = unitOf(metric, language);
  const values = rows
    // A suppressed cell (value null) has no bar: drawing it as zero would state a figure the API hid.
    .filter((row): row is MetricChartRow & { value: string } => row.period !== 'total' && row.value !== null)
    .map((row) => ({
      period: row.periodLabel,
      series: row.series,
      value: Number(row.value),
      tip: { [t('period', language)]: row.periodLabel, [t('series', language)]: row.series, [t('value', language)]: `${formatNumber(row.value, language)} ${unit}` },
    }));
  return { spec: type === 'line' ? seriesLineSpec : seriesBarsSpec, datasets: { rows: values }, description: `${nameIn(metric, language)} (${unit}).` };
}
