import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError, type ExecutionResult } from 'graphql';
import type { TypedDocumentString } from '@pantau/schema/exports';
import type { CallerGate } from '../protection/caller-gate.ts';
import { requestIdOf, withNormalisedErrors } from '../unexpected-errors.ts';
import type { createPantauYoga } from '../yoga.ts';

type PantauYoga = Pick<ReturnType<typeof createPantauYoga>, 'getEnveloped'>;

/** An operation's answer: data of the document's result type, or errors that say the HTTP status to answer with. */
export type CallerResult<Result> = ExecutionResult<Result>;

/**
 * Runs one of the server's own typed documents as the HTTP request's caller, through the same
 * plugins as a GraphQL request (Yoga's `processRequest`: parse, validate, context, execute): the
 * caller's key and scopes, the rate limit (the door's token counted), depth, cost, list limits,
 * variable rules, the page cap and error masking. Only the HTTP hooks are skipped, which have
 * nothing to read: the document is ours, not the caller's text.
 */
export function createCallerExecutor(yoga: PantauYoga, gate: CallerGate, log: Pick<Console, 'error'>) {
  return async function executeAsCaller<Result, Variables>(
    req: IncomingMessage,
    res: ServerResponse,
    document: TypedDocumentString<Result, Variables>,
    variables: Variables,
  ): Promise<CallerResult<Result>> {
    const headers = new Headers();
    for (const name of ['authorization', 'x-request-id']) {
      const value = req.headers[name];
      if (typeof value === 'string') headers.set(name, value);
    }
    const request = new Request(`http://pantau.internal${req.url ?? '/'}`, { headers });
    const query = document.toString();
    const params = { query, variables: variables as Record<string, unknown> };
    await gate.enter(request, req);
    const enveloped = yoga.getEnveloped({ request, params, req, res });
    let result: ExecutionResult;
    try {
      const parsed = enveloped.parse(query);
      const errors = enveloped.validate(enveloped.schema, parsed);
      if (errors.length > 0) result = { errors };
      else {
        const contextValue = await enveloped.contextFactory();
        result = (await enveloped.execute({ schema: enveloped.schema, document: parsed, contextValue, variableValues: params.variables })) as ExecutionResult;
      }
    } catch (error) {
      // Refusals before execution (rate limit, a refused key) are thrown as GraphQLErrors, as in Yoga.
      if (!(error instanceof GraphQLError)) throw error;
      result = { errors: [error] };
    }
    return withNormalisedErrors(result, requestIdOf(request), log) as CallerResult<Result>;
  };
}

export type ExecuteAsCaller = ReturnType<typeof createCallerExecutor>;

/** The status and headers a failed answer asks for (the highest status among its errors), as Yoga answers them. */
export function refusalOf(errors: readonly GraphQLError[]): { status: number; headers: Record<string, string> } {
  let status = 0;
  let headers: Record<string, string> = {};
  for (const error of errors) {
    const http = error.extensions.http as { status?: number; headers?: Record<string, string> } | undefined;
    headers = { ...headers, ...http?.headers };
    status = Math.max(status, http?.status ?? 400);
  }
  return { status: status || 400, headers };
}
