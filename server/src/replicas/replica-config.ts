import type { DatabaseOptions } from '@pantau/prisma';

/**
 * `DATABASE_REPLICA_URLS` (comma-separated streaming replicas of `DATABASE_URL`) and
 * `PANTAU_REPLICA_MAX_LAG_MS` (how far behind a replica may be and still serve reads, default 5000).
 */
export function replicasFromEnv(
  env: NodeJS.ProcessEnv,
  primaryUrl: string | undefined,
  fail: (message: string) => Error,
): Pick<DatabaseOptions, 'replicaUrls' | 'replicaMaxLagMs'> {
  const urls = (env.DATABASE_REPLICA_URLS ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter((url) => url !== '');
  const lag = env.PANTAU_REPLICA_MAX_LAG_MS?.trim();
  const replicaMaxLagMs = lag ? Number(lag) : 5_000;
  if (!Number.isInteger(replicaMaxLagMs) || replicaMaxLagMs < 0) {
    throw fail(`PANTAU_REPLICA_MAX_LAG_MS must be a whole number of milliseconds, 0 or more (got "${env.PANTAU_REPLICA_MAX_LAG_MS}")`);
  }
  if (urls.length === 0) return { replicaMaxLagMs };
  if (!primaryUrl) throw fail('DATABASE_REPLICA_URLS needs DATABASE_URL: replicas are streaming copies of a PostgreSQL primary, not of PGlite');
  urls.forEach((url, index) => {
    if (!/^postgres(ql)?:\/\/[^/]+/.test(url)) {
      throw fail(`DATABASE_REPLICA_URLS entry ${index + 1} must be a PostgreSQL URL such as postgresql://user:password@replica-1:5432/pantau`);
    }
  });
  return { replicaUrls: urls, replicaMaxLagMs };
}

/** `PANTAU_RATE_LIMIT_STORE`: `database` (default; one budget per caller across instances, PostgreSQL only) or `memory` (each instance its own). */
export function rateLimitStoreFromEnv(env: NodeJS.ProcessEnv, fail: (message: string) => Error): 'memory' | 'database' {
  const value = env.PANTAU_RATE_LIMIT_STORE?.trim() || 'database';
  if (value === 'memory' || value === 'database') return value;
  throw fail(`PANTAU_RATE_LIMIT_STORE must be database or memory (got "${env.PANTAU_RATE_LIMIT_STORE}")`);
}
