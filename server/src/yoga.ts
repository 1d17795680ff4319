import { randomUUID } from 'node:crypto';
import { createYoga, maskError } from 'graphql-yoga';
import type { Database } from '@pantau/prisma';
import { createContext } from './context.ts';
import { schema } from './schema/index.ts';

/**
 * The GraphQL endpoint. Created here and served by `start.ts`, so tests can call `yoga.fetch(...)`
 * without a port.
 */
export function createPantauYoga(database: Database, log: Pick<Console, 'error'> = console) {
  return createYoga({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: { title: 'Pantau GraphQL' },
    context: ({ request }) => createContext(database, request.headers.get('x-request-id') ?? randomUUID()),
    maskedErrors: {
      // Client mistakes (bad arguments, unknown keys) are GraphQLErrors and pass through; anything else
      // is logged with the request id and replaced by a generic message that carries only that id.
      maskError(error, message, isDev) {
        const original = (error as { originalError?: unknown }).originalError;
        if (original && !(original instanceof Error && 'extensions' in original)) {
          const requestId = randomUUID();
          log.error(`[${requestId}] Unexpected error`, original);
          const masked = maskError(error, message, isDev);
          return Object.assign(masked, { extensions: { ...(masked as { extensions?: object }).extensions, code: 'INTERNAL_SERVER_ERROR', requestId } });
        }
        return maskError(error, message, isDev);
      },
    },
  });
}
