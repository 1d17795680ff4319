import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GraphQLContext } from './context.ts';

/** A client mistake is a GraphQLError of our own (it carries extensions); anything else is a fault. */
function isUnexpected(error: GraphQLError): boolean {
  const original = error.originalError;
  return original !== undefined && !(original instanceof GraphQLError);
}

/**
 * Replaces each unexpected resolver error with a generic one that carries only the request id, and
 * logs the original with that id, so a caller can quote the id and an operator can find the cause.
 */
export function useMaskedUnexpectedErrors(log: Pick<Console, 'error'>): Plugin<GraphQLContext> {
  return {
    onExecute({ args }) {
      const { requestId } = args.contextValue;
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result || !result.errors?.some(isUnexpected)) return;
          const errors = result.errors.map((error) => {
            if (!isUnexpected(error)) return error;
            log.error(`[${requestId}] Unexpected error at ${error.path?.join('.') ?? 'the operation'}:`, error.originalError);
            return new GraphQLError('Unexpected error.', { nodes: error.nodes, path: error.path, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId, http: { status: 500 } } });
          });
          setResult({ ...result, errors });
        },
      };
    },
  };
}
