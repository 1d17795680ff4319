import type { PantauMetricSeriesExportQuery, SeriesFilter } from '@pantau/schema/exports';
import { toCsv } from '../writes/csv-out.ts';
import {
  areaCode,
  codeId,
  dataflowReference,
  dimensionsOf,
  frequencyOf,
  measure,
  notApplicableCode,
  statusAttributes,
  statusCodes,
  timeDimension,
  totalCode,
  uncodedAttributes,
  unitAttribute,
} from './data-structure.ts';

type Series = PantauMetricSeriesExportQuery['metricSeries'];
type Row = Series['rows'][number];

export const sdmxCsvMediaType = 'application/vnd.sdmx.data+csv; version=2.0.0';

/**
 * A dimension's code in a row: the row's own when the series is grouped by it (`_Z` when the
 * figures have none, e.g. no office), else the one value the filter kept, else `_T` (all).
 */
function codeOf(grouped: boolean, own: string | undefined, filtered: string | null | undefined): string {
  if (own !== undefined) return own;
  if (grouped) return notApplicableCode;
  return filtered ?? totalCode;
}

/** REF_AREA, OFFICE, PROGRAMME and CAMPAIGN of a row; the area is the finest the row or the filter names. */
function fixedCodes(row: Row, groupBy: readonly string[], filter: SeriesFilter | null | undefined): string[] {
  const byArea = ['region', 'regency', 'province'].some((g) => groupBy.includes(g));
  const area = codeOf(byArea, row.region?.code ?? row.regency?.code ?? row.province?.code, filter?.regionCode);
  return [
    area === totalCode || area === notApplicableCode ? area : areaCode(area),
    codeId(codeOf(groupBy.includes('office'), row.office?.code, filter?.officeCode)),
    codeId(codeOf(groupBy.includes('program'), row.program?.key, filter?.program)),
    codeId(codeOf(groupBy.includes('campaign'), row.campaign?.slug, filter?.campaign)),
  ];
}

/**
 * SDMX-CSV 2.0 (sdmx-twg/sdmx-csv v2.0.0 field guide): `STRUCTURE,STRUCTURE_ID,ACTION`, then every
 * dimension of the metric's DSD in its order with codes (labels=id), TIME_PERIOD, OBS_VALUE and
 * the attributes (a suppressed cell: OBS_VALUE empty, OBS_STATUS `C`). Action `I` (information): the file is for reading, not for loading as a change.
 */
export function seriesSdmxCsv(series: Series, filter: SeriesFilter | null | undefined): string {
  const metricDimensions = series.metric.dimensions;
  const header = [
    'STRUCTURE',
    'STRUCTURE_ID',
    'ACTION',
    ...dimensionsOf(series.metric).map((d) => d.id),
    timeDimension.id,
    measure.id,
    unitAttribute.id,
    ...uncodedAttributes.map((a) => a.id),
    ...statusAttributes.map((a) => a.id),
  ];
  const structure = dataflowReference(series.metric.key);
  const frequency = frequencyOf[series.granularity] ?? '';
  const rows = series.rows.map((row) => [
    'dataflow',
    structure,
    'I',
    frequency,
    ...fixedCodes(row, series.groupBy, filter),
    ...metricDimensions.map((key) =>
      codeId(codeOf(series.groupBy.includes(key), row.dimensions.find((d) => d.key === key)?.value, filter?.dimensions?.find((d) => d.key === key)?.value)),
    ),
    row.period,
    row.value,
    series.metric.unit,
    row.isLowerBound,
    row.synthetic,
    row.sources.map((s) => s.key).join(' '),
    ...statusCodes(row.suppression?.rule),
  ]);
  return toCsv(header, rows);
}
