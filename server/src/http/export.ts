import type { ServerResponse } from 'node:http';
import { toCsv } from '../writes/csv-out.ts';

/** Runs a GraphQL operation as the request's own caller (key, IP, limits), as the export's source of truth. */
export interface ExportAnswer {
  data?: { metricSeries?: Series | null } | null;
  errors?: { message: string; extensions?: object }[];
}

export type Execute = (query: string, variables: Record<string, unknown>) => Promise<{ status: number; body: ExportAnswer }>;

interface Series {
  metric: { key: string; nameEn: string; nameId: string; unit: string; unitEn: string };
  granularity: string;
  groupBy: string[];
  rows: Row[];
  total: { value: string; isLowerBound: boolean; synthetic: boolean; sources: { key: string }[] } | null;
}

const seriesDocument = `query PantauExport($metric: String!, $groupBy: [String!], $granularity: Granularity, $filter: SeriesFilter, $includeSynthetic: Boolean) {
  metricSeries(metric: $metric, groupBy: $groupBy, granularity: $granularity, filter: $filter, includeSynthetic: $includeSynthetic) {
    metric { key nameEn: name(lang: EN) nameId: name(lang: ID) unit unitEn: unitLabel(lang: EN) }
    granularity groupBy
    rows {
      period periodStart periodEnd value isLowerBound synthetic sources { key }
      dimensions { key value } province { code } regency { code } region { code } office { code } program { key } campaign { slug }
    }
    total { value isLowerBound synthetic sources { key kind publisher title publishedOn url licence claim(lang: EN) } }
  }
}`;

interface Row {
  period: string;
  periodStart: string;
  periodEnd: string;
  value: string;
  isLowerBound: boolean;
  synthetic: boolean;
  sources: { key: string }[];
  dimensions: { key: string; value: string }[];
  province: { code: string } | null;
  regency: { code: string } | null;
  region: { code: string } | null;
  office: { code: string } | null;
  program: { key: string } | null;
  campaign: { slug: string } | null;
}

/** The licence of everything Pantau publishes itself; each source's own licence is listed with it. */
const licence = 'Figures: public facts with their sources; Pantau data CC0-1.0; geography ODbL-1.0 (idn-area-data)';

function groupValue(row: Row, group: string): string {
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

const frequency: Record<string, string> = { YEAR: 'A', QUARTER: 'Q', MONTH: 'M', DAY: 'D' };

/** The query parameters an export reads; each may be given once. */
const parameters = ['metric', 'groupBy', 'granularity', 'regionCode', 'officeCode', 'program', 'campaign', 'from', 'to', 'includeSynthetic'] as const;

function variablesFrom(url: URL): Record<string, unknown> {
  const get = (name: string) => url.searchParams.get(name) ?? undefined;
  const filter = Object.fromEntries(
    [
      ['regionCode', get('regionCode')],
      ['officeCode', get('officeCode')],
      ['program', get('program')],
      ['campaign', get('campaign')],
      ['from', get('from')],
      ['to', get('to')],
    ].filter(([, value]) => value !== undefined),
  );
  return {
    metric: get('metric') ?? '',
    groupBy: (get('groupBy') ?? '').split(',').map((g) => g.trim()).filter(Boolean),
    granularity: (get('granularity') ?? 'YEAR').toUpperCase(),
    filter,
    includeSynthetic: get('includeSynthetic') === 'true',
  };
}

/**
 * `/export/metric-series.{csv,json,sdmx.csv}?metric=...&groupBy=...&granularity=...&regionCode=...`:
 * any `metricSeries` as a file. Runs through the GraphQL API itself, so keys, limits, validation and
 * errors are the API's. CSV files point at their JSON twin (sources and licence) with a Link header.
 */
export async function serveExport(response: ServerResponse, url: URL, execute: Execute): Promise<void> {
  const format = url.pathname.endsWith('.sdmx.csv') ? 'sdmx' : url.pathname.endsWith('.csv') ? 'csv' : url.pathname.endsWith('.json') ? 'json' : null;
  if (!url.pathname.startsWith('/export/metric-series.') || !format) {
    response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'Exports: /export/metric-series.csv, .json or .sdmx.csv' }));
    return;
  }
  const repeated = parameters.find((name) => url.searchParams.getAll(name).length > 1);
  if (repeated) {
    const hint = repeated === 'groupBy' ? ': list the groupings comma-separated, e.g. groupBy=province,passport_type' : '';
    response.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: `The \`${repeated}\` query parameter may be given only once (got ${url.searchParams.getAll(repeated).length})${hint}`, extensions: { code: 'BAD_USER_INPUT', argument: repeated } }] }));
    return;
  }
  if (!url.searchParams.get('metric')) {
    response.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: 'The `metric` query parameter is required, e.g. ?metric=passports_issued' }] }));
    return;
  }
  const variables = variablesFrom(url);
  const { status, body } = await execute(seriesDocument, variables);
  const series = body.data?.metricSeries;
  if (body.errors?.length || !series) {
    response.writeHead(status >= 400 ? status : 400, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ errors: body.errors }));
    return;
  }
  const rows = series.rows;
  const groups = series.groupBy;
  const sources = series.total?.sources ?? [];
  const base = `metric-series-${series.metric.key}`;
  const jsonTwin = `${url.pathname.replace(/\.(sdmx\.csv|csv)$/, '.json')}${url.search}`;
  const common = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', link: `<${jsonTwin}>; rel="describedby"; type="application/json"` };

  if (format === 'json') {
    response.writeHead(200, { ...common, 'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="${base}.json"` });
    response.end(JSON.stringify({ metric: series.metric, granularity: series.granularity, groupBy: groups, licence, sources, total: series.total ? { value: series.total.value, isLowerBound: series.total.isLowerBound, synthetic: series.total.synthetic } : null, rows: rows.map((row) => ({ period: row.period, periodStart: row.periodStart, periodEnd: row.periodEnd, ...Object.fromEntries(groups.map((g) => [g, groupValue(row, g)])), value: row.value, unit: series.metric.unit, isLowerBound: row.isLowerBound, synthetic: row.synthetic, sources: row.sources.map((s) => s.key) })) }, null, 2));
    return;
  }

  const csv =
    format === 'csv'
      ? toCsv(['period', 'period_start', 'period_end', ...groups, 'value', 'unit', 'is_lower_bound', 'synthetic', 'sources'], rows.map((row) => [row.period, row.periodStart, row.periodEnd, ...groups.map((g) => groupValue(row, g)), row.value, series.metric.unit, row.isLowerBound, row.synthetic, row.sources.map((s) => s.key).join(' ')]))
      : toCsv(
          ['DATAFLOW', 'FREQ', ...groups.map((g) => g.toUpperCase()), 'TIME_PERIOD', 'OBS_VALUE', 'UNIT_MEASURE', 'LOWER_BOUND', 'SYNTHETIC', 'SOURCE'],
          rows.map((row) => [`PANTAU:DF_${series.metric.key.toUpperCase()}(1.0)`, frequency[series.granularity] ?? '', ...groups.map((g) => groupValue(row, g)), row.period, row.value, series.metric.unit, row.isLowerBound, row.synthetic, row.sources.map((s) => s.key).join(' ')]),
        );
  response.writeHead(200, {
    ...common,
    'content-type': format === 'sdmx' ? 'application/vnd.sdmx.data+csv; version=1.0.0; charset=utf-8' : 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${base}${format === 'sdmx' ? '.sdmx' : ''}.csv"`,
    'x-pantau-sources': sources.map((s) => s.key).join(' '),
    'x-pantau-licence': licence,
  });
  response.end(csv);
}
