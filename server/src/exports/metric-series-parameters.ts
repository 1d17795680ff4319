import type { PantauMetricSeriesExportQueryVariables } from '@pantau/schema/exports';

/** The query parameters an export reads; each may be given once. */
const parameters = ['metric', 'groupBy', 'granularity', 'regionCode', 'officeCode', 'program', 'campaign', 'from', 'to', 'includeSynthetic', 'asOf'] as const;
const filterParameters = ['regionCode', 'officeCode', 'program', 'campaign', 'from', 'to'] as const;

/** A refusal in the API's error shape, naming the parameter. */
export interface ParameterRefusal {
  message: string;
  extensions: { code: 'BAD_USER_INPUT'; argument: string };
}

/**
 * The export's query parameters as the variables of `PantauMetricSeriesExport`, or the first
 * parameter that is wrong. Everything else (unknown metric, grouping, dates) is the API's to refuse.
 */
export function metricSeriesVariables(url: URL): { variables: PantauMetricSeriesExportQueryVariables } | { refusal: ParameterRefusal } {
  const repeated = parameters.find((name) => url.searchParams.getAll(name).length > 1);
  if (repeated) {
    const hint = repeated === 'groupBy' ? ': list the groupings comma-separated, e.g. groupBy=province,passport_type' : '';
    return {
      refusal: {
        message: `The \`${repeated}\` query parameter may be given only once (got ${url.searchParams.getAll(repeated).length})${hint}`,
        extensions: { code: 'BAD_USER_INPUT', argument: repeated },
      },
    };
  }
  const get = (name: (typeof parameters)[number]) => url.searchParams.get(name) ?? undefined;
  const metric = get('metric');
  if (!metric)
    return { refusal: { message: 'The `metric` query parameter is required, e.g. ?metric=passports_issued', extensions: { code: 'BAD_USER_INPUT', argument: 'metric' } } };
  const filter = Object.fromEntries(filterParameters.flatMap((name) => (get(name) === undefined ? [] : [[name, get(name)]])));
  return {
    variables: {
      metric,
      groupBy: (get('groupBy') ?? '')
        .split(',')
        .map((g) => g.trim())
        .filter(Boolean),
      granularity: (get('granularity') ?? 'YEAR').toUpperCase() as PantauMetricSeriesExportQueryVariables['granularity'],
      filter,
      includeSynthetic: get('includeSynthetic') === 'true',
      ...(get('asOf') === undefined ? {} : { asOf: get('asOf') }),
    },
  };
}
