import type { IncomingMessage, ServerResponse } from 'node:http';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Logger } from 'pino';
import { boundedMemo } from './bounded-memo.ts';
import { requestCounter } from './request-counter.ts';
import { statusClassOf, routeOf, type PantauMetrics } from './metrics.ts';
import { adhocOperation, persistedHashOf } from './operation-names.ts';
import { requestLineWriter } from './request-log-line.ts';
import { isSaneRequestId, releaseRequestScope, requestIdSequence, runInRequestScope, type RequestScope } from './request-scope.ts';

type Handle = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/** Any other method (Node accepts every token) is counted as OTHER: a label never takes a caller's word. */
const methods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

export interface ObserveRequestsOptions {
  metrics: PantauMetrics | null;
  logger: Logger | null;
  /** Opens an HTTP server span for each request, the parent of its GraphQL and SQL spans. @default false */
  tracing?: boolean;
  operationNames: ReadonlyMap<string, string>;
}

/** A GET answered from the cache (or refused at the door) never reaches Yoga: its operation is read from the URL. */
function operationOfUrl(url: string, operationNames: ReadonlyMap<string, string>): string {
  if (!URL.canParse(url, 'http://localhost')) return 'unknown';
  const { searchParams } = new URL(url, 'http://localhost');
  const hash = persistedHashOf(searchParams.get('extensions'));
  if (hash) return operationNames.get(hash) ?? 'unknown';
  return searchParams.has('query') ? adhocOperation : 'unknown';
}

/**
 * An anonymous GraphQL GET: a widget's persisted read, answered from the cache almost always and
 * without a statement before Yoga. Its scope follows awaits from the execution on (use-request-labels.ts),
 * not from the door, which keeps a cached answer from paying for it.
 */
const isWidgetRead = (request: IncomingMessage, route: string) => route === '/graphql' && request.method === 'GET' && request.headers.authorization === undefined;

/**
 * Serves each request in a scope of its own and, when it is answered, writes its one log line and
 * counts it. The request id is settled here: the caller's `x-request-id` when sane, else a new one,
 * written back on the request so every later part (Yoga's errors too) reports the same id.
 */
export function observeRequests(handle: Handle, { metrics, logger, tracing = false, operationNames }: ObserveRequestsOptions): Handle {
  const tracer = trace.getTracer('pantau');
  // Parsing a widget's URL costs more than answering it from the cache.
  const operationOf = boundedMemo((url) => operationOfUrl(url, operationNames));
  const count = metrics && requestCounter(metrics);
  const writeLine = logger && requestLineWriter(logger);
  const newRequestId = requestIdSequence();
  return (request, response) => {
    const given = request.headers['x-request-id'];
    const requestId = isSaneRequestId(typeof given === 'string' ? given : null) ? (given as string) : newRequestId();
    request.headers['x-request-id'] = requestId;
    const scope: RequestScope = { requestId, operation: null, keyName: null, sqlStatements: 0, followsAsync: logger !== null, answered: false };
    const url = request.url ?? '/';
    const path = url.split('?', 1)[0] ?? '/';
    const route = routeOf(path);
    const started = performance.now();
    const span = tracing
      ? tracer.startSpan(`${request.method ?? 'GET'} ${route}`, {
          kind: SpanKind.SERVER,
          attributes: { 'http.request.method': request.method ?? '', 'http.route': route, 'url.path': path },
        })
      : null;
    response.on('close', () => {
      const seconds = (performance.now() - started) / 1000;
      const status = response.statusCode;
      const statusClass = response.writableFinished ? statusClassOf(status) : 'aborted';
      if (route === '/graphql' && scope.operation === null) scope.operation = operationOf(url);
      const cache = String(response.getHeader('x-pantau-cache') ?? 'none');
      count?.(
        {
          route,
          method: methods.has(request.method ?? '') ? (request.method as string) : 'OTHER',
          statusClass,
          refused: status === 429,
          operation: scope.operation ?? 'unknown',
          cache,
        },
        seconds,
      );
      if (span) {
        span.setAttribute('http.response.status_code', status);
        if (scope.operation) span.setAttribute('graphql.operation.name', scope.operation);
        if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      }
      writeLine?.({
        reqId: requestId,
        method: request.method,
        route,
        path,
        operation: scope.operation,
        key: scope.keyName,
        status,
        aborted: statusClass === 'aborted',
        cache: cache === 'none' ? null : cache,
        durationMs: Math.round(seconds * 1e6) / 1e3,
        sqlStatements: scope.sqlStatements,
      });
      releaseRequestScope(scope);
    });
    const follows = logger !== null && !isWidgetRead(request, route);
    if (span) return context.with(trace.setSpan(context.active(), span), () => runInRequestScope(request, scope, follows, () => handle(request, response)));
    return runInRequestScope(request, scope, follows, () => handle(request, response));
  };
}
