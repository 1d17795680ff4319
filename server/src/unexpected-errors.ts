import { randomUUID } from 'node:crypto';
import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GraphQLContext } from './context.ts';

const requestIds = new WeakMap<Request, string>();

/**
 * The request's id: the caller's `x-request-id` when it is a sane token (so logs can be joined with
 * theirs), else a new one. The same for the whole request, from parsing to the last error.
 */
export function requestIdOf(request: Request): string {
  let id = requestIds.get(request);
  if (id === undefined) {
    const given = request.headers.get('x-request-id');
    id = given && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
    requestIds.set(request, id);
  }
  return id;
}

/** A client mistake is a GraphQLError of our own (it carries extensions); anything else is a fault. */
function isUnexpected(error: GraphQLError): boolean {
  const original = error.originalError;
  return original !== undefined && !(original instanceof GraphQLError);
}

export const codeOfStatus: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  411: 'LENGTH_REQUIRED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

interface HttpExtension {
  status?: number;
  headers?: Record<string, string>;
}

/**
 * Every error leaves with an `extensions.code` and the request id. A client mistake without a status
 * (graphql-js refusing a variable, a resolver refusing an argument) is a 400, wherever it was found;
 * a fault Yoga masked before execution (the key lookup with the database down) is the same 500 that
 * a resolver fault gets.
 */
function normalised(error: GraphQLError, requestId: string, log: Pick<Console, 'error'>): GraphQLError {
  const { http, unexpected, ...extensions } = error.extensions as { http?: HttpExtension; unexpected?: boolean; code?: unknown; requestId?: unknown };
  if (typeof extensions.code === 'string' && extensions.requestId === requestId && http?.status) return error;
  const masked = unexpected === true || extensions.code === 'INTERNAL_SERVER_ERROR' || isUnexpected(error);
  if (masked && extensions.requestId !== requestId) log.error(`[${requestId}] Unexpected error before execution (cause logged just above):`, error.originalError ?? error.message);
  const status = masked ? 500 : (http?.status ?? 400);
  const code = masked ? 'INTERNAL_SERVER_ERROR' : typeof extensions.code === 'string' ? extensions.code : (codeOfStatus[status] ?? 'BAD_USER_INPUT');
  return new GraphQLError(masked ? 'Unexpected error.' : error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: { ...extensions, code, requestId, http: { ...http, status } },
  });
}

/** Every error of `result` with a code, the request id and a status, as Yoga answers them (for results rendered outside Yoga, such as exports). */
export function withNormalisedErrors(result: ExecutionResult, requestId: string, log: Pick<Console, 'error'>): ExecutionResult {
  if (!result.errors?.length) return result;
  return { ...result, errors: result.errors.map((error) => normalised(error, requestId, log)) };
}

/**
 * Replaces each unexpected resolver error with a generic one that carries only the request id, and
 * logs the original with that id, so a caller can quote the id and an operator can find the cause.
 * Then gives every error of every answer a code and the request id.
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
    onResultProcess({ request, result, setResult }) {
      if (Symbol.asyncIterator in result) return;
      const requestId = requestIdOf(request);
      setResult(
        Array.isArray(result) ? result.map((one: ExecutionResult) => withNormalisedErrors(one, requestId, log)) : withNormalisedErrors(result as ExecutionResult, requestId, log),
      );
    },
  };
}
