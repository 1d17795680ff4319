import { randomUUID } from 'node:crypto';
import { createYoga } from 'graphql-yoga';
import type { Database } from '@pantau/prisma';
import { createContext } from './context.ts';
import { schema } from './schema/index.ts';
import { useSqlTrace } from './trace.ts';
import { useMaskedUnexpectedErrors } from './unexpected-errors.ts';

export interface PantauYogaOptions {
  /** Where unexpected errors are logged, with their request id. @default console */
  log?: Pick<Console, 'error'>;
  /** Adds `extensions.trace` to every response (`PANTAU_TRACE=1`). @default false */
  trace?: boolean;
}

/** The caller's `x-request-id` when it is a sane token (so logs can be joined with theirs), else a new one. */
function requestIdOf(request: Request): string {
  const given = request.headers.get('x-request-id');
  return given && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
}

/**
 * The GraphQL endpoint. Created here and served by `start.ts`, so tests can call `yoga.fetch(...)`
 * without a port.
 */
export function createPantauYoga(database: Database, { log = console, trace = false }: PantauYogaOptions = {}) {
  return createYoga({
    schema,
    plugins: [useMaskedUnexpectedErrors(log), ...(trace ? [useSqlTrace(database)] : [])],
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: { title: 'Pantau GraphQL' },
    // Widgets on any site read public data: any origin, never with cookies or other credentials.
    cors: { origin: '*', credentials: false, methods: ['GET', 'POST'] },
    context: ({ request }) => createContext(database, requestIdOf(request)),
    // Faults outside execution (parsing, context) keep Yoga's own masking; resolver faults are masked
    // with the request id by useMaskedUnexpectedErrors.
    maskedErrors: true,
  });
}
