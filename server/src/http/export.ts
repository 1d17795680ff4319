import type { IncomingMessage, ServerResponse } from 'node:http';
import { PantauMetricSeriesExportDocument } from '@pantau/schema/exports';
import { refusalOf, type ExecuteAsCaller } from '../exports/execute-as-caller.ts';
import { licence, seriesCsv, seriesJson } from '../exports/metric-series-files.ts';
import { metricSeriesVariables } from '../exports/metric-series-parameters.ts';
import { sdmxCsvMediaType, seriesSdmxCsv } from '../sdmx/sdmx-csv.ts';

const formats = [
  { suffix: '.sdmx.csv', format: 'sdmx' },
  { suffix: '.csv', format: 'csv' },
  { suffix: '.json', format: 'json' },
] as const;

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

/**
 * `/export/metric-series.{csv,json,sdmx.csv}?metric=...&groupBy=...&granularity=...&regionCode=...`:
 * any `metricSeries` as a file, rendered from the execution result of `PantauMetricSeriesExport`
 * run as the request's caller, so keys, limits, validation and errors are the API's. CSV files point
 * at their JSON twin (sources and licence) with a Link header.
 */
export async function serveExport(request: IncomingMessage, response: ServerResponse, url: URL, executeAsCaller: ExecuteAsCaller): Promise<void> {
  const chosen = url.pathname.startsWith('/export/metric-series.') ? formats.find((f) => url.pathname === `/export/metric-series${f.suffix}`) : undefined;
  if (!chosen) {
    sendJson(response, 404, { errors: [{ message: 'Exports: /export/metric-series.csv, .json or .sdmx.csv', extensions: { code: 'NOT_FOUND' } }] });
    return;
  }
  const asked = metricSeriesVariables(url);
  if ('refusal' in asked) {
    sendJson(response, 400, { errors: [asked.refusal] });
    return;
  }
  const result = await executeAsCaller(request, response, PantauMetricSeriesExportDocument, asked.variables);
  const series = result.data?.metricSeries;
  if (result.errors?.length || !series) {
    const { status, headers } = refusalOf(result.errors ?? []);
    sendJson(response, status, { errors: result.errors }, headers);
    return;
  }
  const base = `metric-series-${series.metric.key}`;
  // The moment the figures stood: the one asked for, else now (the answer reads the present).
  const asOf = new Date(asked.variables.asOf ?? Date.now()).toISOString();
  const jsonTwin = `${url.pathname.replace(/\.(sdmx\.csv|csv)$/, '.json')}${url.search}`;
  const common = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'x-pantau-as-of': asOf, link: `<${jsonTwin}>; rel="describedby"; type="application/json"` };
  if (chosen.format === 'json') {
    response.writeHead(200, { ...common, 'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="${base}.json"` });
    response.end(seriesJson(series, asOf));
    return;
  }
  const sdmx = chosen.format === 'sdmx';
  response.writeHead(200, {
    ...common,
    'content-type': `${sdmx ? sdmxCsvMediaType : 'text/csv'}; charset=utf-8`,
    'content-disposition': `attachment; filename="${base}${chosen.suffix}"`,
    'x-pantau-sources': (series.total?.sources ?? []).map((s) => s.key).join(' '),
    'x-pantau-licence': licence,
  });
  response.end(sdmx ? seriesSdmxCsv(series, asked.variables.filter) : seriesCsv(series, asOf));
}
