import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Database } from '@pantau/prisma';
import type { CallerGate } from '../protection/caller-gate.ts';
import { bindMetricSources, type MetricSources } from './metric-sources.ts';
import { serveMetrics } from './metrics-endpoint.ts';
import { createMetrics, type PantauMetrics } from './metrics.ts';
import { observeRequests } from './observe-requests.ts';
import { persistedOperationNames } from './operation-names.ts';
import { currentRequestScope } from './request-scope.ts';
import { traceEmbeddedStatements } from './tracing.ts';

export interface ObservabilityOptions {
  /** Prometheus metrics, served at `/metrics` to admin keys (and on `PANTAU_METRICS_PORT`). @default true */
  metrics?: boolean;
  /** Where each request's JSON line and every error go; null writes none. @default null */
  logger?: Logger | null;
  /** Spans for each request (the SDK is started by `main.ts`, or by a test). @default false */
  tracing?: boolean;
}

type Handle = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

interface Parts {
  database: Database;
  answers: MetricSources['answers'];
  gate: CallerGate;
  operations: ReadonlyMap<string, string>;
}

/**
 * Wraps Pantau's request handler with its metrics, request log lines and spans, and answers
 * `/metrics`. `stop` releases what it listens to.
 */
export async function observe(handle: Handle, parts: Parts, { metrics: withMetrics = true, logger = null, tracing = false }: ObservabilityOptions = {}) {
  const metrics: PantauMetrics | null = withMetrics ? createMetrics() : null;
  const stops: (() => unknown)[] = [];
  if (metrics) stops.push(await bindMetricSources(metrics, parts));
  if (logger) {
    stops.push(
      parts.database.observeQueries(() => {
        const scope = currentRequestScope();
        if (scope) scope.sqlStatements += 1;
      }),
    );
  }
  if (tracing) stops.push(traceEmbeddedStatements(parts.database));
  const operationNames = persistedOperationNames(parts.operations);
  const served: Handle = async (request, response) => {
    if ((request.url ?? '').split('?')[0] === '/metrics') return serveMetrics(request, response, metrics, parts.gate);
    return handle(request, response);
  };
  return {
    metrics,
    handle: logger || metrics || tracing ? observeRequests(served, { metrics, logger, tracing, operationNames }) : served,
    async stop() {
      for (const stop of stops) await stop();
    },
  };
}
