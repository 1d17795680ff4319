import { logLevels, type LogLevel } from './logger.ts';
import { tracingConfigured } from './tracing.ts';

export interface ObservabilityConfig {
  /** `PANTAU_LOG_LEVEL`: fatal, error, warn, info (default), debug, trace or silent. */
  readonly logLevel: LogLevel;
  /** `PANTAU_LOG_PRETTY=1` and a terminal on standard output: human-readable lines (pino-pretty). */
  readonly logPretty: boolean;
  /** `PANTAU_METRICS=0` switches the metrics off. */
  readonly metrics: boolean;
  /** `PANTAU_METRICS_PORT`: serve `/metrics` without a key on this port too. */
  readonly metricsPort: number | undefined;
  /** `PANTAU_METRICS_HOST`: the interface that port listens on. @default 127.0.0.1 */
  readonly metricsHost: string;
  /** OTEL_EXPORTER_OTLP_ENDPOINT (or its traces variant) is set. */
  readonly tracing: boolean;
}

/** Reads the operators' variables; each problem names its variable. */
export function observabilityFromEnv(env: NodeJS.ProcessEnv, fail: (message: string) => Error, stdoutIsTerminal = Boolean(process.stdout.isTTY)): ObservabilityConfig {
  const level = env.PANTAU_LOG_LEVEL?.trim().toLowerCase() || 'info';
  if (!(logLevels as readonly string[]).includes(level)) throw fail(`PANTAU_LOG_LEVEL must be one of ${logLevels.join(', ')} (got "${env.PANTAU_LOG_LEVEL}")`);
  const flag = (name: string, fallback: boolean) => {
    const value = env[name]?.trim().toLowerCase() ?? '';
    if (value === '') return fallback;
    if (value === '1' || value === 'true') return true;
    if (value === '0' || value === 'false') return false;
    throw fail(`${name} must be 1/true or 0/false (got "${env[name]}")`);
  };
  const rawPort = env.PANTAU_METRICS_PORT?.trim();
  const metricsPort = rawPort ? Number(rawPort) : undefined;
  if (metricsPort !== undefined && (!Number.isInteger(metricsPort) || metricsPort < 0 || metricsPort > 65_535)) {
    throw fail(`PANTAU_METRICS_PORT must be a whole number from 0 to 65535 (got "${env.PANTAU_METRICS_PORT}")`);
  }
  return {
    logLevel: level as LogLevel,
    logPretty: flag('PANTAU_LOG_PRETTY', false) && stdoutIsTerminal,
    metrics: flag('PANTAU_METRICS', true),
    metricsPort,
    metricsHost: env.PANTAU_METRICS_HOST?.trim() || '127.0.0.1',
    tracing: tracingConfigured(env),
  };
}
