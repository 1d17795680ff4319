import type { Database } from '@pantau/prisma';
import { changeChannel } from '../cache/persisted-get.ts';
import type { ResponseCache } from '../cache/response-cache.ts';
import { onActivity } from './activity.ts';
import type { PantauMetrics } from './metrics.ts';

export interface MetricSources {
  database: Database;
  /** The persisted-GET answer cache and its single-flight count. */
  answers: { cache: ResponseCache; stats: { singleFlightWaits: number }; recomputationsPending: number };
  /** Milliseconds since the epoch, for the change-notification lag. @default Date.now */
  now?: () => number;
}

type Read = () => Record<string, number> | null;
const labelsOf = (labelNames: string[], label: string) => (labelNames[0] ? { [labelNames[0]]: label } : {});

/** A counter reporting a running total kept elsewhere (by label value), read at scrape time. */
function totalCounter(metrics: PantauMetrics, name: string, help: string, labelNames: string[], read: Read) {
  const reported = new Map<string, number>();
  metrics.counter({
    name,
    help,
    labelNames,
    collect() {
      for (const [label, total] of Object.entries(read() ?? {})) {
        this.inc(labelsOf(labelNames, label), total - (reported.get(label) ?? 0));
        reported.set(label, total);
      }
    },
  });
}

/** A gauge reading its values at scrape time; none when `read` gives null. */
function readGauge(metrics: PantauMetrics, name: string, help: string, labelNames: string[], read: Read) {
  metrics.gauge({
    name,
    help,
    labelNames,
    collect() {
      for (const [label, value] of Object.entries(read() ?? {})) this.set(labelsOf(labelNames, label), value);
    },
  });
}

/**
 * Feeds the metrics from the parts that keep their own counts (answer cache, pool) and from the
 * events they emit (statements, imports, change notifications). Resolves to the function that stops it.
 */
export async function bindMetricSources(metrics: PantauMetrics, { database, answers, now = Date.now }: MetricSources): Promise<() => Promise<void>> {
  const { lookups } = answers.cache;
  totalCounter(metrics, 'pantau_cache_lookups_total', 'Answer-cache lookups by result: hit, miss (not held), stale (held but older than its max age)', ['result'], () => ({
    hit: lookups.hits,
    miss: lookups.misses,
    stale: lookups.stale,
  }));
  totalCounter(metrics, 'pantau_cache_single_flight_waits_total', 'Requests that waited for an identical request already running instead of running again', [], () => ({
    all: answers.stats.singleFlightWaits,
  }));
  readGauge(metrics, 'pantau_cache_bytes', 'Bytes the answer cache holds (bodies, keys, headers), as counted against PANTAU_CACHE_MAX_BYTES', [], () => ({
    all: answers.cache.bytes,
  }));
  readGauge(metrics, 'pantau_cache_recomputations_pending', 'Answers a change made out of date that wait or run to be recomputed ahead', [], () => ({
    all: answers.recomputationsPending,
  }));
  readGauge(metrics, 'pantau_cache_entries', 'Answers the answer cache holds', [], () => ({ all: answers.cache.size }));
  readGauge(metrics, 'pantau_db_pool_connections', 'PostgreSQL pool connections by state (in_use, idle); absent on PGlite', ['state'], () => {
    const pool = database.connections();
    return pool && { in_use: pool.open - pool.idle, idle: pool.idle };
  });
  readGauge(metrics, 'pantau_db_pool_waiting_requests', 'Callers waiting for a PostgreSQL pool connection; absent on PGlite', [], () => {
    const pool = database.connections();
    return pool && { all: pool.waiting };
  });

  const stopStatements = database.observeQueries((durationMs) => metrics.statementDuration.observe(durationMs / 1000));
  const stopActivity = onActivity((activity) => {
    if (activity.kind === 'rollup-refresh') {
      metrics.rollupRefreshDuration.observe(activity.seconds);
      return;
    }
    metrics.importDuration.observe(activity.seconds);
    metrics.importRows.inc({ outcome: 'inserted' }, activity.inserted);
    metrics.importRows.inc({ outcome: 'not_written' }, activity.rows - activity.inserted);
  });
  // A second listener next to the cache's own: the cache empties itself, this only measures.
  const stopFeed = await database.subscribe(changeChannel, (payload) => {
    if (payload === null) {
      metrics.changeFeedReconnects.inc();
      return;
    }
    const at = changeTimeOf(payload);
    if (Number.isFinite(at) && at > 0) metrics.changeNotificationLag.observe(Math.max(0, now() - at) / 1000);
  });
  return async () => {
    stopStatements();
    stopActivity();
    await stopFeed();
  };
}

/** The moment a change-feed payload says its change happened (`at`, milliseconds), or NaN. */
function changeTimeOf(payload: string): number {
  try {
    return Number((JSON.parse(payload) as { at?: unknown }).at);
  } catch {
    return Number.NaN;
  }
}
