import { GraphQLError } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { loadPersistedOperations } from '@pantau/schema/persisted-operations';
import type { Database } from '@pantau/prisma';
import type { Caller } from './auth/api-keys.ts';
import { createContext } from './context.ts';
import { CallerGate, type Admission } from './protection/caller-gate.ts';
import { useMalformedRequestRefusals } from './malformed-requests.ts';
import { keyOperationDocument } from './partner-operations/key-operations.ts';
import { defaultLimits, type ProtectionLimits } from './protection/limits.ts';
import { useDeclaredVariables } from './protection/use-declared-variables.ts';
import { useDocumentSize } from './protection/use-document-size.ts';
import { useIntrospection } from './protection/use-introspection.ts';
import { useListLimits } from './protection/use-list-limits.ts';
import { useMaxAliases } from './protection/use-max-aliases.ts';
import { useMaxDepth } from './protection/use-max-depth.ts';
import { useMaxDirectives } from './protection/use-max-directives.ts';
import { useMaxTokens } from './protection/use-max-tokens.ts';
import { usePageCap } from './protection/use-page-cap.ts';
import { useQueryCost } from './protection/use-query-cost.ts';
import { useRateLimit } from './protection/use-rate-limit.ts';
import { useValidationStatus } from './protection/use-validation-status.ts';
import { schema } from './schema/index.ts';
import { useSqlTrace } from './trace.ts';
import { requestIdOf, useMaskedUnexpectedErrors } from './unexpected-errors.ts';
import { useUploadLimit } from './upload-limit.ts';
import { QueryQueue, useQueryQueue } from './cache/query-queue.ts';
import { useExecutionVerdict } from './cache/read-scope.ts';
import { useReadRouting } from './replicas/use-read-routing.ts';
import { errorLogOf, yogaLoggerOf } from './observability/logger.ts';
import { persistedOperationNames } from './observability/operation-names.ts';
import { useGraphQLSpans } from './observability/tracing.ts';
import { useRequestLabels } from './observability/use-request-labels.ts';
import type { Logger } from 'pino';

export interface PantauYogaOptions {
  /** Where unexpected errors are logged, with their request id. @default console */
  log?: Pick<Console, 'error'>;
  /** Adds `extensions.trace` to every response (`PANTAU_TRACE=1`). @default false */
  trace?: boolean;
  /** Request limits; see `protection/limits.ts`. @default defaultLimits */
  limits?: ProtectionLimits;
  /** Milliseconds, for the rate limiter and the memory of unknown keys; tests pass a manual clock. @default performance.now */
  clock?: () => number;
  /**
   * Who each request is from, and the token buckets: the HTTP layer passes the one it admits requests
   * through, so a request is authenticated once. @default a gate of its own (for in-process `yoga.fetch`)
   */
  gate?: CallerGate;
  /** The line executions wait in, shared by every Yoga of one server. @default a queue of its own (4 at once) */
  queue?: QueryQueue;
  /** Yoga's messages and unexpected errors go here as JSON lines (overrides `log`). @default none */
  logger?: Logger | null;
  /** GraphQL operation and resolver spans (OpenTelemetry). @default false */
  tracing?: boolean;
}

/** The caller behind the request's API key; a malformed, unknown or revoked key is refused with 401 before anything runs. */
function callerOf(admission: Admission): Caller {
  if (admission.refusal) throw new GraphQLError(admission.refusal, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } } } });
  return admission.caller;
}

/**
 * Whether a request may send a document instead of a persisted operation's hash. A refused key goes
 * on to its 401 rather than a 403 that would hide what is wrong; admin keys always may (they
 * register the operations).
 */
function mayRunArbitraryOperations(admission: Admission, limits: ProtectionLimits): boolean {
  const { caller, refusal } = admission;
  if (refusal !== null) return true;
  if (caller.kind !== 'key') return !limits.persistedOnlyForAnonymous;
  return !limits.persistedOnlyForKeys || caller.scopes.includes('ADMIN');
}

/**
 * The GraphQL endpoint. Created here and served by `start.ts`, so tests can call `yoga.fetch(...)`
 * without a port.
 */
const persistedOperations = loadPersistedOperations();
const operationNames = persistedOperationNames(persistedOperations);

export function createPantauYoga(
  database: Database,
  {
    log: consoleLog = console,
    trace = false,
    limits = defaultLimits,
    clock,
    gate = new CallerGate(database, { limits, ...(clock ? { clock } : {}) }),
    queue = new QueryQueue(),
    logger = null,
    tracing = false,
  }: PantauYogaOptions = {},
) {
  const log = logger ? errorLogOf(logger) : consoleLog;
  return createYoga({
    schema,
    ...(logger ? { logging: yogaLoggerOf(logger) } : {}),
    plugins: [
      ...(tracing ? [useGraphQLSpans()] : []),
      useRequestLabels(operationNames),
      // Widgets send the SHA-256 of an operation in schema/operations instead of its text; a key's
      // holder may also send the hash of an operation an admin registered for that key.
      usePersistedOperations({
        getPersistedOperation: (hash, request) => {
          const caller = gate.admissionOf(request).caller;
          return persistedOperations.get(hash) ?? (caller.kind === 'key' ? keyOperationDocument(database, caller.id, hash) : null);
        },
        allowArbitraryOperations: (request) => mayRunArbitraryOperations(gate.admissionOf(request), limits),
        customErrors: {
          notFound: { message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 404 } } },
          persistedQueryOnly: ({ request }) =>
            new GraphQLError(
              gate.admissionOf(request).caller.kind === 'key'
                ? 'This API key may run only persisted operations: those of schema/operations and the ones an admin registered for the key (send extensions.persistedQuery.sha256Hash)'
                : 'Without an API key, only the persisted operations of schema/operations may run (send extensions.persistedQuery.sha256Hash)',
              { extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 403 } } },
            ),
        },
      }),
      // Limits checked before any resolver runs, in this order: document size, tokens, rate (per
      // verified key or client address, aliases counted), then in validation depth, aliases
      // (`__typename` too), directives, list lengths, cost, declared variables and introspection;
      // the page cap at execution.
      useDocumentSize({ maxBytes: limits.maxDocumentBytes }),
      useMaxTokens({ maxTokens: limits.maxTokens }),
      useRateLimit({ gate, burst: limits.rateLimitBurst }),
      useMaxDepth({ maxDepth: limits.maxDepth }),
      useMaxAliases({ maxAliases: limits.maxAliases }),
      useMaxDirectives({ maxDirectives: limits.maxDirectives }),
      // List lengths before cost: "at most 500 ids" says more than the cost those ids add up to.
      useListLimits(),
      useQueryCost({ maxCost: limits.maxCost }),
      useDeclaredVariables(),
      useIntrospection({ gate, anonymous: limits.anonymousIntrospection, maxDepth: limits.maxIntrospectionDepth }),
      useValidationStatus(),
      usePageCap(),
      // Requests a browser could send cross-site without a preflight (GET, text/plain, forms, multipart)
      // must carry this header; the widgets' JSON POSTs need nothing.
      useCSRFPrevention({ requestHeaders: ['x-pantau-client'] }),
      useMaskedUnexpectedErrors(log),
      useUploadLimit(limits.maxUploadBytes),
      useMalformedRequestRefusals(),
      ...(trace ? [useSqlTrace(database)] : []),
      useExecutionVerdict(),
      useReadRouting({ database, gate }),
      useQueryQueue(queue),
    ],
    batching: false,
    // Yoga's own body limit would cut imports at 25 MB; uploads are limited by useUploadLimit instead.
    maxRequestBodySize: limits.maxUploadBytes,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // GraphiQL is served from the installed packages by http/graphiql-page.ts, not from a CDN.
    graphiql: false,
    // CORS is answered by the HTTP layer (http/cors.ts), the same for every route.
    cors: false,
    context: ({ request }) => createContext(database, requestIdOf(request), callerOf(gate.admissionOf(request))),
    // Faults outside execution (parsing, context) keep Yoga's own masking; resolver faults are masked
    // with the request id by useMaskedUnexpectedErrors.
    maskedErrors: true,
  });
}
