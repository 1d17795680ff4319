import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Logger } from 'pino';
import { statusClassOf, routeOf, type PantauMetrics } from './metrics.ts';
import { adhocOperation, persistedHashOf } from './operation-names.ts';
import { isSaneRequestId, runInRequestScope, type RequestScope } from './request-scope.ts';

type Handle = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

export interface ObserveRequestsOptions {
  metrics: PantauMetrics | null;
  logger: Logger | null;
  /** Opens an HTTP server span for each request, the parent of its GraphQL and SQL spans. @default false */
  tracing?: boolean;
  operationNames: ReadonlyMap<string, string>;
}

/** A GET answered from the cache (or refused at the door) never reaches Yoga: its operation is read from the URL. */
function operationOfUrl(target: URL, operationNames: ReadonlyMap<string, string>): string {
  const hash = persistedHashOf(target.searchParams.get('extensions'));
  if (hash) return operationNames.get(hash) ?? 'unknown';
  return target.searchParams.has('query') ? adhocOperation : 'unknown';
}

/**
 * Serves each request in a scope of its own and, when it is answered, writes its one log line and
 * counts it. The request id is settled here: the caller's `x-request-id` when sane, else a new one,
 * written back on the request so every later part (Yoga's errors too) reports the same id.
 */
export function observeRequests(handle: Handle, { metrics, logger, tracing = false, operationNames }: ObserveRequestsOptions): Handle {
  const tracer = trace.getTracer('pantau');
  return (request, response) => {
    const given = request.headers['x-request-id'];
    const requestId = isSaneRequestId(typeof given === 'string' ? given : null) ? (given as string) : randomUUID();
    request.headers['x-request-id'] = requestId;
    const scope: RequestScope = { requestId, operation: null, keyName: null, sqlStatements: 0 };
    const target = URL.canParse(request.url ?? '/', 'http://localhost') ? new URL(request.url ?? '/', 'http://localhost') : null;
    const route = target ? routeOf(target.pathname) : 'other';
    const started = performance.now();
    const span = tracing ? tracer.startSpan(`${request.method ?? 'GET'} ${route}`, { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method ?? '', 'http.route': route, 'url.path': target?.pathname ?? '' } }) : null;
    response.once('close', () => {
      const seconds = (performance.now() - started) / 1000;
      const status = response.statusCode;
      const statusClass = response.writableFinished ? statusClassOf(status) : 'aborted';
      if (route === '/graphql' && scope.operation === null && target) scope.operation = operationOfUrl(target, operationNames);
      const cache = String(response.getHeader('x-pantau-cache') ?? 'none');
      if (metrics) {
        metrics.httpRequests.inc({ route, method: request.method ?? 'OTHER', status_class: statusClass });
        metrics.httpDuration.observe({ route }, seconds);
        if (status === 429) metrics.rateLimitRefusals.inc({ route });
        if (route === '/graphql') {
          metrics.graphqlRequests.inc({ operation: scope.operation ?? 'unknown', status_class: statusClass, cache });
          metrics.graphqlDuration.observe({ operation: scope.operation ?? 'unknown', cache }, seconds);
        }
      }
      if (span) {
        span.setAttribute('http.response.status_code', status);
        if (scope.operation) span.setAttribute('graphql.operation.name', scope.operation);
        if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      }
      logger?.[status >= 500 ? 'error' : 'info'](
        {
          reqId: requestId,
          method: request.method,
          route,
          path: target?.pathname ?? null,
          operation: scope.operation,
          key: scope.keyName,
          status,
          ...(statusClass === 'aborted' ? { aborted: true } : {}),
          cache: cache === 'none' ? null : cache,
          durationMs: Math.round(seconds * 1e6) / 1e3,
          sqlStatements: scope.sqlStatements,
        },
        'request',
      );
    });
    const serve = () => runInRequestScope(scope, () => handle(request, response));
    return span ? context.with(trace.setSpan(context.active(), span), serve) : serve();
  };
}
