import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** Armor's refusals are plain GraphQLErrors; mark every validation failure as one, so each answers 400. */
export function useValidationStatus(): Plugin {
  return {
    onValidate() {
      return ({ result, setResult }) => {
        if (result.length === 0) return;
        setResult(
          result.map((error) =>
            error.extensions.http
              ? error
              : new GraphQLError(error.message, {
                  nodes: error.nodes,
                  extensions: { ...error.extensions, code: error.extensions.code ?? 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
                }),
          ),
        );
      };
    },
  };
}
