import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics, type CounterConfiguration, type GaugeConfiguration } from 'prom-client';
import { BoundMetric } from './bound-metrics.ts';

/** Seconds, from a cached answer (about a millisecond) to a cold national map under load. */
const requestBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const statementBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5, 30];
const slowBuckets = [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300, 900];

/**
 * Every metric Pantau exposes, on a registry of its own (two servers in one test process never share
 * counts). Labels take only values from fixed sets: routes, persisted operation names, status classes.
 * The per-request ones are bound metrics (bound-metrics.ts): counted with plain arithmetic.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpRequests: new BoundMetric({ name: 'pantau_http_requests_total', help: 'HTTP requests answered, by route, method and status class', registry }),
    httpDuration: new BoundMetric({
      name: 'pantau_http_request_duration_seconds',
      help: 'Time from request to the last byte of the answer, by route',
      buckets: requestBuckets,
      registry,
    }),
    graphqlRequests: new BoundMetric({
      name: 'pantau_graphql_requests_total',
      help: 'GraphQL requests, by persisted operation name (adhoc for documents sent as text), status class and answer cache',
      registry,
    }),
    graphqlDuration: new BoundMetric({
      name: 'pantau_graphql_request_duration_seconds',
      help: 'GraphQL request time, by operation and answer cache',
      buckets: requestBuckets,
      registry,
    }),
    rateLimitRefusals: new BoundMetric({ name: 'pantau_rate_limit_refusals_total', help: 'Requests refused with 429 by the rate limiter, by route', registry }),
    statementDuration: new Histogram({
      name: 'pantau_db_statement_duration_seconds',
      help: 'Time of each SQL statement the Prisma client sent',
      buckets: statementBuckets,
      registers,
    }),
    importRows: new Counter({
      name: 'pantau_import_rows_total',
      help: 'Rows read by observation imports, by outcome (inserted; not_written: a dry run, or a file with a rejected row)',
      labelNames: ['outcome'],
      registers,
    }),
    importDuration: new Histogram({ name: 'pantau_import_duration_seconds', help: 'Time of each observation import, dry runs included', buckets: slowBuckets, registers }),
    rollupRefreshDuration: new Histogram({
      name: 'pantau_rollup_refresh_duration_seconds',
      help: "Time of an import's insert statement, whose triggers bring the rollups up to date for the rows it adds",
      buckets: slowBuckets,
      registers,
    }),
    changeNotificationLag: new Histogram({
      name: 'pantau_change_notification_lag_seconds',
      help: 'From an accepted change (its audit row) to this instance hearing of it and emptying its answer cache',
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120],
      registers,
    }),
    changeFeedReconnects: new Counter({
      name: 'pantau_change_feed_reconnects_total',
      help: 'Times the change feed reconnected (changes may have been missed; the cache was emptied)',
      registers,
    }),
    /** Counters and gauges read from other parts at scrape time (cache, pool): see metric-sources.ts. */
    counter: (configuration: CounterConfiguration<string>) => new Counter({ ...configuration, registers }),
    gauge: (configuration: GaugeConfiguration<string>) => new Gauge({ ...configuration, registers }),
  };
}

export type PantauMetrics = ReturnType<typeof createMetrics>;

// The same string each time: label lookups then hash nothing new (request-counter.ts).
const statusClasses = ['0xx', '1xx', '2xx', '3xx', '4xx', '5xx'];

/** `2xx`, `4xx`, `5xx`: the status class, so a label never takes one value per status code. */
export const statusClassOf = (status: number): string => statusClasses[Math.floor(status / 100)] ?? `${Math.floor(status / 100)}xx`;

const routes = ['/graphql', '/export', '/sources', '/widgets', '/graphiql', '/health', '/metrics', '/demo'];

/** The route a path belongs to (its first segment when that is one of Pantau's), never the path itself. */
export function routeOf(pathname: string): string {
  if (pathname === '/') return '/';
  const end = pathname.indexOf('/', 1);
  const first = end === -1 ? pathname : pathname.slice(0, end);
  // The list's own string, not the slice: label lookups then hash nothing new.
  return routes.find((route) => route === first) ?? 'other';
}
