import { GraphQLError, validate, type ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export type Variables = Readonly<Record<string, unknown>> | undefined;

/** A validation rule that needs the request's variables (and chosen operation) as well as its document. */
export type VariableRule = (variables: Variables, operationName: string | undefined) => ValidationRule;

/**
 * Runs `rule` once the variables are known, before any resolver: Yoga caches validation results by
 * document, so a rule whose answer depends on variables cannot run in validation. Errors answer 400.
 */
export function useVariableRule(rule: VariableRule): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const errors = validate(args.schema, args.document, [rule(args.variableValues ?? undefined, args.operationName ?? undefined)]);
      if (errors.length === 0) return;
      setResultAndStopExecution({
        errors: errors.map((error) =>
          error.extensions.http
            ? error
            : new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: 'BAD_USER_INPUT', ...error.extensions, http: { status: 400 } } }),
        ),
      });
    },
  };
}
