import type { DatabaseOptions } from './database.ts';

/** Database settings from the environment: `DATABASE_URL` selects PostgreSQL, else PGlite in `PANTAU_DATA_DIR`. */
export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseOptions {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  return { databaseUrl, dataDir: env.PANTAU_DATA_DIR?.trim() || './data' };
}

/** Where the data lives, without credentials, for log lines. */
export function describeDatabase(options: DatabaseOptions): string {
  if (!options.databaseUrl) return `PGlite in ${options.dataDir ?? 'memory'}`;
  const url = new URL(options.databaseUrl);
  const replicas = (options.replicaUrls ?? []).map((replica) => {
    const parsed = new URL(replica);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  });
  return (
    `PostgreSQL at ${url.hostname}:${url.port || '5432'}${url.pathname}` +
    (replicas.length > 0 ? `, reads from replicas ${replicas.join(', ')} (at most ${options.replicaMaxLagMs ?? 5000} ms behind)` : '')
  );
}
