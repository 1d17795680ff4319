import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type ArgumentNode,
  type GraphQLNamedType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { useVariableRule, type Variables } from './use-variable-rule.ts';

export interface QueryCostOptions {
  /** @default 20_000 */
  maxCost?: number;
}

/** How many items a field may return: its `first`/`last`, or, for a list field, its longest list argument (`nodes(ids:)`). */
function multiplier(args: readonly ArgumentNode[], returnsList: boolean, variables: Variables): number {
  let most = 1;
  for (const { name, value: node } of args) {
    const value = node.kind === Kind.VARIABLE ? variables?.[node.name.value] : undefined;
    if (name.value === 'first' || name.value === 'last') {
      const count = node.kind === Kind.INT ? Number(node.value) : typeof value === 'number' ? value : 1;
      most = Math.max(most, Number.isFinite(count) ? count : 1);
    } else if (returnsList) {
      most = Math.max(most, node.kind === Kind.LIST ? node.values.length : Array.isArray(value) ? value.length : 1);
    }
  }
  return most;
}

/**
 * GraphQL Armor's estimate (objects 2, scalars 1, ×1.5 per level, × the page size), with what Armor
 * leaves out: `first`/`last` sent as variables, and list arguments such as `nodes(ids:)`, which
 * return one object per item. Fragments count as if written inline; introspection is bounded by its
 * own depth limit instead.
 */
export function queryCost(
  context: ValidationContext,
  selectionSet: SelectionSetNode,
  parent: GraphQLNamedType | undefined,
  variables: Variables,
  fragments = new Map<string, number>(),
  path = new Set<string>(),
): number {
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? (context.getSchema().getType(selection.typeCondition.name.value) ?? undefined) : parent;
      cost += queryCost(context, selection.selectionSet, type, variables, fragments, path);
    } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const name = selection.name.value;
      const fragment = context.getFragment(name);
      if (!fragment || path.has(name)) continue;
      if (!fragments.has(name)) {
        path.add(name);
        fragments.set(name, queryCost(context, fragment.selectionSet, context.getSchema().getType(fragment.typeCondition.name.value) ?? undefined, variables, fragments, path));
        path.delete(name);
      }
      cost += fragments.get(name) ?? 0;
    } else if (selection.name.value !== '__schema') {
      if (!selection.selectionSet) {
        cost += 1;
        continue;
      }
      const field = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[selection.name.value] : undefined;
      const children = queryCost(context, selection.selectionSet, field ? getNamedType(field.type) : undefined, variables, fragments, path);
      cost += (2 + 1.5 * children) * multiplier(selection.arguments ?? [], field ? isListType(getNullableType(field.type)) : false, variables);
    }
  }
  return cost;
}

/** Refuses an operation whose estimated cost is over the limit, before any resolver runs (400). */
export function useQueryCost({ maxCost = 20_000 }: QueryCostOptions = {}): Plugin {
  return useVariableRule((variables, operationName) => (validation: ValidationContext) => ({
    OperationDefinition(operation: OperationDefinitionNode) {
      if (operationName && operation.name?.value !== operationName) return;
      const root = validation.getSchema().getRootType(operation.operation) ?? undefined;
      const cost = queryCost(validation, operation.selectionSet, root, variables);
      if (cost > maxCost)
        validation.reportError(
          new GraphQLError(`Query cost limit of ${maxCost} exceeded, found ${Math.round(cost)}.`, {
            nodes: [operation],
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxCost', http: { status: 400 } },
          }),
        );
    },
  }));
}
