import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import TracingPlugin from '@pothos/plugin-tracing';
import { GraphQLError } from 'graphql';
import type { AuthScopes, GraphQLContext } from '../context.ts';
import { mayTouchDatabase, withResolverSpan } from '../observability/resolver-spans.ts';

export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  AuthScopes: AuthScopes;
  DefaultFieldNullability: false;
  Scalars: {
    Date: { Input: string; Output: Date };
    DateTime: { Input: Date; Output: Date };
    Decimal: { Input: string; Output: string | { toString(): string } };
    File: { Input: File; Output: never };
    PartnerVillageColumns: { Input: never; Output: unknown };
    MetricSeriesColumns: { Input: never; Output: unknown };
    ID: { Input: string; Output: string | number };
  };
}>({
  plugins: [ScopeAuthPlugin, RelayPlugin, DataloaderPlugin, TracingPlugin],
  tracing: { default: mayTouchDatabase, wrap: (resolver) => withResolverSpan(resolver) },
  scopeAuth: {
    authScopes: (context) => context.scopes,
    unauthorizedError: (_parent, context, info) =>
      new GraphQLError(
        context.caller.kind === 'anonymous'
          ? `\`${info.fieldName}\` needs an API key (Authorization: Bearer <key>)`
          : `The API key${context.caller.kind === 'key' ? ` "${context.caller.name}"` : ''} lacks the scope \`${info.fieldName}\` needs`,
        { extensions: { code: context.caller.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN', http: { status: context.caller.kind === 'anonymous' ? 401 : 403 } } },
      ),
  },
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: { description: 'Fetches any object by its global ID.' },
    nodesQueryOptions: { description: 'Fetches several objects by their global IDs, in the order given.' },
    nodeTypeOptions: { description: 'An object with a global ID, fetchable with `node(id:)`.' },
    idFieldOptions: { description: 'Global ID (Relay), stable across requests; use it with `node(id:)`.' },
  },
});

builder.mutationType({ description: 'Changes, each validated, audited and safe to retry with an `idempotencyKey`. All need an API key.' });

builder.queryType({ description: 'Read access to Pantau: entities with Relay pagination, and analytics over observations.' });
