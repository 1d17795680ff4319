import { GraphQLError, Kind, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { MAX_PAGE_SIZE } from '../schema/pagination.ts';

/** The page cap is also checked by the resolvers; checking it here refuses the request before any runs. */
export function usePageCap(): Plugin {
  return {
    onExecute({ args }) {
      visit(args.document, {
        Argument(argument) {
          if (argument.name.value !== 'first' && argument.name.value !== 'last') return;
          const value =
            argument.value.kind === Kind.INT ? Number(argument.value.value) : argument.value.kind === Kind.VARIABLE ? Number(args.variableValues?.[argument.value.name.value] ?? 0) : 0;
          if (value > MAX_PAGE_SIZE) throw new GraphQLError(`Argument \`${argument.name.value}\` must be between 0 and ${MAX_PAGE_SIZE} (got ${value})`, { extensions: { code: 'BAD_USER_INPUT', argument: argument.name.value, http: { status: 400 } } });
        },
      });
    },
  };
}
