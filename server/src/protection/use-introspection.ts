import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { BREAK, GraphQLError, NoSchemaIntrospectionCustomRule, visit, type DocumentNode, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { CallerGate } from './caller-gate.ts';
import { reportAsValidationError } from './refusal.ts';

export interface IntrospectionOptions {
  gate: CallerGate;
  /** Whether callers without a verified key may introspect (keyed callers always may). @default true */
  anonymous?: boolean;
  /** Deepest `__schema` query, fragments flattened; graphql-js's (GraphiQL's) introspection query is 15 deep. @default 20 */
  maxDepth?: number;
}

function asksForSchema(document: DocumentNode): boolean {
  let found = false;
  visit(document, { Field: (field) => (field.name.value === '__schema' ? ((found = true), BREAK) : undefined) });
  return found;
}

/** graphql-js ends messages with `Did you mean "x"?` or `Did you mean the enum value "X"?`: schema names. */
const suggestion = /\s*Did you mean [^?]*\?/g;

function withoutSuggestions(error: GraphQLError): GraphQLError {
  if (!suggestion.test(error.message)) return error;
  suggestion.lastIndex = 0;
  return new GraphQLError(error.message.replace(suggestion, ''), {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: error.extensions,
  });
}

/**
 * Introspection off means off: anonymous callers get no `__schema`/`__type`, and no error hints at
 * names ("Did you mean ...?"). Introspection queries, which the main depth limit skips, get one of
 * their own.
 */
export function useIntrospection({ gate, anonymous = true, maxDepth = 20 }: IntrospectionOptions): Plugin {
  const closedTo = (request: Request) => !anonymous && gate.admissionOf(request).caller.kind !== 'key';
  const depthRule = maxDepthRule({
    n: maxDepth,
    ignoreIntrospection: false,
    flattenFragments: true,
    exposeLimits: false,
    errorMessage: `Introspection depth limit of ${maxDepth} exceeded.`,
    ...reportAsValidationError,
  });
  return {
    onValidate({ context, addValidationRule, params }) {
      if (closedTo((context as unknown as { request: Request }).request)) addValidationRule(NoSchemaIntrospectionCustomRule);
      if (asksForSchema(params.documentAST)) addValidationRule(depthRule);
    },
    onResultProcess({ request, result, setResult }) {
      if (!closedTo(request) || Array.isArray(result) || Symbol.asyncIterator in result) return;
      const plain = result as ExecutionResult;
      if (plain.errors?.length) setResult({ ...plain, errors: plain.errors.map((error) => (error instanceof GraphQLError ? withoutSuggestions(error) : error)) });
    },
  };
}
