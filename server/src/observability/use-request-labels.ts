import type { Plugin } from 'graphql-yoga';
import type { GraphQLContext } from '../context.ts';
import { adhocOperation, persistedHashOf } from './operation-names.ts';
import { requestScopeOf } from './request-scope.ts';

/**
 * Tells the request's scope which operation runs (a persisted one by name, anything else `adhoc`) and
 * for which key, for its log line and metrics. A caller-chosen `operationName` never becomes a label.
 */
export function useRequestLabels(operationNames: ReadonlyMap<string, string>): Plugin<GraphQLContext> {
  return {
    onParams({ params, context }) {
      const scope = requestScopeOf(context);
      if (!scope) return;
      const hash = persistedHashOf(params.extensions);
      scope.operation = (hash && operationNames.get(hash)) ?? (params.query || !hash ? adhocOperation : 'unknown');
    },
    onExecute({ args }) {
      const scope = requestScopeOf(args.contextValue);
      const { caller } = args.contextValue;
      if (scope) scope.keyName = caller.kind === 'key' ? caller.name : caller.kind === 'anonymous' ? null : caller.kind;
    },
  };
}
