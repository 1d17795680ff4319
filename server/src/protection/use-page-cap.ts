import { getOperationAST, GraphQLError, Kind, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { MAX_PAGE_SIZE } from '../schema/pagination.ts';

export interface PageCapOptions {
  /** The largest `first` or `last` a connection may be asked for. @default MAX_PAGE_SIZE (schema/pagination.ts) */
  maxPageSize?: number;
}

/** The page cap is also checked by the resolvers; checking it here refuses the request before any runs. */
export function usePageCap({ maxPageSize = MAX_PAGE_SIZE }: PageCapOptions = {}): Plugin {
  return {
    onExecute({ args }) {
      // A variable left out takes its declared default (`query($n: Int = 100000)`), as execution would.
      const defaults = new Map<string, number>();
      for (const definition of getOperationAST(args.document, args.operationName)?.variableDefinitions ?? []) {
        if (definition.defaultValue?.kind === Kind.INT) defaults.set(definition.variable.name.value, Number(definition.defaultValue.value));
      }
      visit(args.document, {
        Argument(argument) {
          if (argument.name.value !== 'first' && argument.name.value !== 'last') return;
          const variable = argument.value.kind === Kind.VARIABLE ? argument.value.name.value : null;
          const given = variable === null ? undefined : args.variableValues?.[variable];
          const value = argument.value.kind === Kind.INT ? Number(argument.value.value) : variable !== null ? Number(given ?? defaults.get(variable) ?? 0) : 0;
          if (value > maxPageSize || value < 0) {
            throw new GraphQLError(`Argument \`${argument.name.value}\` must be between 0 and ${maxPageSize} (got ${value})`, {
              extensions: { code: 'BAD_USER_INPUT', argument: argument.name.value, http: { status: 400 } },
            });
          }
        },
      });
    },
  };
}
