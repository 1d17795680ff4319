import { context, trace } from '@opentelemetry/api';
import { isEnumField, isExposedField, isScalarField, isRootField } from '@pothos/plugin-tracing';
import { createOpenTelemetryWrapper } from '@pothos/tracing-opentelemetry';
import type { PothosOutputFieldConfig, SchemaTypes } from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';

/**
 * The fields that may reach the database: root fields and every field with a resolver of its own
 * that returns objects (loadable and relation fields). Scalars and exposed properties only read
 * what their parent already holds; a span each would bury the ones that matter.
 */
export function mayTouchDatabase<Types extends SchemaTypes>(config: PothosOutputFieldConfig<Types>): boolean {
  return isRootField(config) || (!isScalarField(config) && !isEnumField(config) && !isExposedField(config));
}

const spanOf = createOpenTelemetryWrapper(trace.getTracer('pantau'), {
  includeArgs: false,
  // `Query.campaign`, as the GraphQL operation's own plugin names its spans, not `graphql.resolve`.
  onSpan: (span, _options, _parent, _args, _context, info) => span.updateName(`${info.parentType.name}.${info.fieldName}`),
});

/**
 * Runs the resolver inside a span of its own when the request is traced (its operation span is
 * recording), so the SQL it causes, DataLoader batches included, becomes the span's child. Untraced
 * requests call the resolver directly.
 */
export function withResolverSpan<Context extends object>(
  resolver: GraphQLFieldResolver<unknown, Context, Record<string, unknown>>,
): GraphQLFieldResolver<unknown, Context, Record<string, unknown>> {
  const traced = spanOf(resolver, undefined);
  return (parent, args, contextValue, info) =>
    trace.getSpan(context.active())?.isRecording() ? traced(parent, args, contextValue, info) : resolver(parent, args, contextValue, info);
}
