import { createRequire } from 'node:module';
import { SpanKind, trace } from '@opentelemetry/api';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { Plugin } from 'graphql-yoga';
import type { Database } from '@pantau/prisma';
import type * as EnvelopOpenTelemetry from '@envelop/opentelemetry';

/** True when an OTLP endpoint is configured: the only case in which `main.ts` starts tracing. */
export function tracingConfigured(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim());
}

/**
 * Starts the OpenTelemetry SDK with the pg instrumentation. It must run before `pg` is first loaded
 * (the instrumentation patches the module as it loads), hence the dynamic imports here and in
 * `main.ts`. Without `spanProcessors` the exporter is the one the OTEL_* variables configure (OTLP).
 */
export async function startTracing(spanProcessors?: SpanProcessor[]): Promise<{ shutdown(): Promise<void> }> {
  const { NodeSDK } = await import('@opentelemetry/sdk-node');
  const { PgInstrumentation } = await import('@opentelemetry/instrumentation-pg');
  const sdk = new NodeSDK({
    serviceName: 'pantau',
    // Only statements inside a request's trace: the pool's housekeeping and the change feed are noise.
    instrumentations: [new PgInstrumentation({ requireParentSpan: true })],
    ...(spanProcessors ? { spanProcessors } : {}),
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}

/** The GraphQL operation's span, child of the request's HTTP span (resolver spans: resolver-spans.ts). */
export function useGraphQLSpans(): Plugin {
  // Loaded only when tracing is on: the plugin and the SDK parts it pulls in take most of a second
  // to load, which every start without tracing would pay.
  const { useOpenTelemetry } = createRequire(import.meta.url)('@envelop/opentelemetry') as typeof EnvelopOpenTelemetry;
  return useOpenTelemetry({ resolvers: false, variables: false, result: false, document: false }, trace.getTracerProvider(), SpanKind.INTERNAL) as Plugin;
}

/**
 * PGlite runs in this process, so no driver instrumentation sees its statements: each one the Prisma
 * client sends becomes a span here, under whatever span is active. (On PostgreSQL the pg
 * instrumentation makes them.) Returns the function that stops it.
 */
export function traceEmbeddedStatements(database: Database): () => void {
  if (database.kind !== 'pglite') return () => undefined;
  const tracer = trace.getTracer('pantau');
  return database.observeQueries((durationMs) => {
    const endTime = performance.timeOrigin + performance.now();
    tracer
      .startSpan('pglite.query', { kind: SpanKind.CLIENT, startTime: endTime - durationMs, attributes: { 'db.system': 'postgresql', 'db.system.name': 'pglite' } })
      .end(endTime);
  });
}
