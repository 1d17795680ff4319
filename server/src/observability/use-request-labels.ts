import type { Plugin } from 'graphql-yoga';
import type { GraphQLContext } from '../context.ts';
import { adhocOperation, persistedHashOf } from './operation-names.ts';
import { followRequestScope, requestScopeOf } from './request-scope.ts';

/**
 * Tells the request's scope which operation runs (a persisted one by name, anything else `adhoc`) and
 * for which key, for its log line and metrics, and lets the execution's awaited work find the scope.
 * A caller-chosen `operationName` never becomes a label.
 */
export function useRequestLabels(operationNames: ReadonlyMap<string, string>): Plugin<GraphQLContext> {
  return {
    onParams({ params, context }) {
      const scope = requestScopeOf(context);
      if (!scope) return;
      const hash = persistedHashOf(params.extensions);
      scope.operation = (hash && operationNames.get(hash)) ?? (params.query || !hash ? adhocOperation : 'unknown');
    },
    onExecute({ args, executeFn, setExecuteFn }) {
      const scope = requestScopeOf(args.contextValue);
      if (!scope) return;
      const { caller } = args.contextValue;
      scope.keyName = caller.kind === 'key' ? caller.name : caller.kind === 'anonymous' ? null : caller.kind;
      // A widget's GET entered no scope at the door (most are answered from the cache): the execution does.
      if (scope.followsAsync) setExecuteFn((executeArgs) => followRequestScope(scope, () => executeFn(executeArgs)));
    },
  };
}
