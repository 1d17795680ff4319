import { isScaleName, type DatabaseOptions, type ScaleName } from '@pantau/prisma';
import { limitsFromEnv, type ProtectionLimits } from './protection/limits.ts';
import { observabilityFromEnv, type ObservabilityConfig } from './observability/config.ts';
import { rateLimitStoreFromEnv, replicasFromEnv } from './replicas/replica-config.ts';

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly database: DatabaseOptions;
  /** Synthetic data loaded (flagged) when a fresh database is first seeded; `none` loads nothing. */
  readonly syntheticOnFirstStart: ScaleName | 'none';
  /** Adds `extensions.trace` (SQL statements, database time) to every GraphQL response. */
  readonly trace: boolean;
  /** Request limits and CORS for keyed callers (README: "Protection"). */
  readonly limits: ProtectionLimits;
  /** The origin the docs pages' snippets name (behind a proxy); unset: the request's Host. */
  readonly publicOrigin: string | undefined;
  /** Logs, metrics and traces (README: "For operators"). */
  readonly observability: ObservabilityConfig;
  /** Where rate-limit buckets live (`PANTAU_RATE_LIMIT_STORE`): shared through PostgreSQL by default, else this instance's memory. */
  readonly rateLimitStore: 'memory' | 'database';
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 4000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535 (got "${raw}")`);
  }
  return port;
}

function parseDatabaseUrl(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  if (!/^postgres(ql)?:\/\/[^/]+/.test(value)) {
    throw new ConfigError('DATABASE_URL must be a PostgreSQL URL such as postgresql://user:password@host:5432/pantau');
  }
  return value;
}

function parseSynthetic(raw: string | undefined): ScaleName | 'none' {
  const value = raw?.trim() || 'small';
  if (value === 'none' || isScaleName(value)) return value;
  throw new ConfigError(`PANTAU_SYNTHETIC must be one of none, small, medium, large (got "${raw}")`);
}

function parseTimeout(raw: string | undefined): number {
  if (!raw?.trim()) return 5_000;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 100) throw new ConfigError(`PANTAU_DB_TIMEOUT_MS must be a whole number of milliseconds, at least 100 (got "${raw}")`);
  return value;
}

function parseFlag(name: string, raw: string | undefined): boolean {
  const value = raw?.trim().toLowerCase() ?? '';
  if (value === '' || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  throw new ConfigError(`${name} must be 1/true or 0/false (got "${raw}")`);
}

function parsePublicOrigin(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password || url.search || url.hash || url.pathname !== '/' || value.replace(/\/$/, '') !== url.origin) {
    throw new ConfigError(`PANTAU_PUBLIC_ORIGIN must be an origin such as https://pantau.example.go.id, with no path (got "${raw}")`);
  }
  return url.origin;
}

/** Reads and validates the environment once at start; every problem names its variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: parsePort(env.PORT),
    host: env.HOST?.trim() || '0.0.0.0',
    database: {
      databaseUrl: parseDatabaseUrl(env.DATABASE_URL),
      dataDir: env.PANTAU_DATA_DIR?.trim() || './data',
      timeoutMs: parseTimeout(env.PANTAU_DB_TIMEOUT_MS),
      ...replicasFromEnv(env, parseDatabaseUrl(env.DATABASE_URL), (message) => new ConfigError(message)),
    },
    syntheticOnFirstStart: parseSynthetic(env.PANTAU_SYNTHETIC),
    trace: parseFlag('PANTAU_TRACE', env.PANTAU_TRACE),
    limits: limitsFromEnv(env, (message) => new ConfigError(message)),
    publicOrigin: parsePublicOrigin(env.PANTAU_PUBLIC_ORIGIN),
    observability: observabilityFromEnv(env, (message) => new ConfigError(message)),
    rateLimitStore: rateLimitStoreFromEnv(env, (message) => new ConfigError(message)),
  };
}
