import type { PantauMetricSeriesExportQuery } from '@pantau/schema/exports';
import { toCsv } from '../writes/csv-out.ts';

export type ExportedSeries = PantauMetricSeriesExportQuery['metricSeries'];
export type ExportedRow = ExportedSeries['rows'][number];

/** The licence of everything Pantau publishes itself; each source's own licence is listed with it. */
export const licence = 'Figures: public facts with their sources; Pantau data CC0-1.0; geography ODbL-1.0 (idn-area-data)';

/** The code a row has for one of the series' groupings (a built-in one or a dimension key), or ''. */
export function groupValue(row: ExportedRow, group: string): string {
  switch (group) {
    case 'province':
      return row.province?.code ?? '';
    case 'regency':
      return row.regency?.code ?? '';
    case 'region':
      return row.region?.code ?? '';
    case 'office':
      return row.office?.code ?? '';
    case 'program':
      return row.program?.key ?? '';
    case 'campaign':
      return row.campaign?.slug ?? '';
    default:
      return row.dimensions.find((d) => d.key === group)?.value ?? '';
  }
}

/**
 * One row per period and group: value (empty when suppressed), unit, `suppressed` and the rule that
 * hid it (`BELOW_THRESHOLD`, `COMPLEMENTARY`), lower-bound and synthetic flags, source keys, and the
 * moment the figures stood (`as_of`).
 */
export function seriesCsv(series: ExportedSeries, asOf: string): string {
  const groups = series.groupBy;
  return toCsv(
    ['period', 'period_start', 'period_end', ...groups, 'value', 'unit', 'suppressed', 'suppression_rule', 'is_lower_bound', 'synthetic', 'sources', 'as_of'],
    series.rows.map((row) => [
      row.period,
      row.periodStart,
      row.periodEnd,
      ...groups.map((g) => groupValue(row, g)),
      row.value,
      series.metric.unit,
      row.suppressed,
      row.suppression?.rule ?? '',
      row.isLowerBound,
      row.synthetic,
      row.sources.map((s) => s.key).join(' '),
      asOf,
    ]),
  );
}

/** The CSV's rows plus the metric, the total, the licence and every source with its details. */
export function seriesJson(series: ExportedSeries, asOf: string): string {
  const groups = series.groupBy;
  const { key, nameEn, nameId, unit, unitEn } = series.metric;
  const total = series.total;
  return JSON.stringify(
    {
      metric: { key, nameEn, nameId, unit, unitEn },
      granularity: series.granularity,
      groupBy: groups,
      asOf,
      licence,
      sources: total?.sources ?? [],
      total: total ? { value: total.value, suppressed: total.suppressed, suppression: total.suppression, isLowerBound: total.isLowerBound, synthetic: total.synthetic } : null,
      rows: series.rows.map((row) => ({
        period: row.period,
        periodStart: row.periodStart,
        periodEnd: row.periodEnd,
        ...Object.fromEntries(groups.map((g) => [g, groupValue(row, g)])),
        value: row.value,
        unit,
        suppressed: row.suppressed,
        suppression: row.suppression,
        isLowerBound: row.isLowerBound,
        synthetic: row.synthetic,
        sources: row.sources.map((s) => s.key),
      })),
    },
    null,
    2,
  );
}
