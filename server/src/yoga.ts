import { GraphQLError } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { loadPersistedOperations } from '@pantau/schema/persisted-operations';
import type { Database } from '@pantau/prisma';
import { AuthenticationError, authenticate, type Caller } from './auth/api-keys.ts';
import { createContext } from './context.ts';
import { useMalformedRequestRefusals } from './malformed-requests.ts';
import { defaultLimits, type ProtectionLimits } from './protection/limits.ts';
import { protectionPlugins } from './protection/protection-plugins.ts';
import { schema } from './schema/index.ts';
import { useSqlTrace } from './trace.ts';
import { requestIdOf, useMaskedUnexpectedErrors } from './unexpected-errors.ts';

export interface PantauYogaOptions {
  /** Where unexpected errors are logged, with their request id. @default console */
  log?: Pick<Console, 'error'>;
  /** Adds `extensions.trace` to every response (`PANTAU_TRACE=1`). @default false */
  trace?: boolean;
  /** Request limits; see `protection/limits.ts`. */
  limits?: ProtectionLimits;
}


/** The caller behind the request's API key; a bad or revoked key is refused with 401 before anything runs. */
async function callerOf(database: Database, request: Request): Promise<Caller> {
  try {
    return await authenticate(database, request.headers.get('authorization'));
  } catch (error) {
    if (error instanceof AuthenticationError) {
      throw new GraphQLError(error.message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } } } });
    }
    throw error;
  }
}

/**
 * The GraphQL endpoint. Created here and served by `start.ts`, so tests can call `yoga.fetch(...)`
 * without a port.
 */
const persistedOperations = loadPersistedOperations();

export function createPantauYoga(database: Database, { log = console, trace = false, limits = defaultLimits }: PantauYogaOptions = {}) {
  return createYoga({
    schema,
    plugins: [
      // Widgets send the SHA-256 of an operation in schema/operations instead of its text.
      usePersistedOperations({
        getPersistedOperation: (hash) => persistedOperations.get(hash) ?? null,
        allowArbitraryOperations: (request) => !limits.persistedOnlyForAnonymous || request.headers.has('authorization'),
        customErrors: {
          notFound: { message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 404 } } },
          persistedQueryOnly: { message: 'Without an API key, only the persisted operations of schema/operations may run (send extensions.persistedQuery.sha256Hash)', extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 403 } } },
        },
      }),
      ...protectionPlugins(limits),
      // Requests a browser could send cross-site without a preflight (GET, text/plain, forms, multipart)
      // must carry this header; the widgets' JSON POSTs need nothing.
      useCSRFPrevention({ requestHeaders: ['x-pantau-client'] }),
      useMaskedUnexpectedErrors(log),
      useMalformedRequestRefusals(),
      ...(trace ? [useSqlTrace(database)] : []),
    ],
    batching: false,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: { title: 'Pantau GraphQL' },
    // CORS is answered by the HTTP layer (http/cors.ts), the same for every route.
    cors: false,
    context: async ({ request }) => createContext(database, requestIdOf(request), await callerOf(database, request)),
    // Faults outside execution (parsing, context) keep Yoga's own masking; resolver faults are masked
    // with the request id by useMaskedUnexpectedErrors.
    maskedErrors: true,
  });
}
