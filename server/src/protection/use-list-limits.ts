import { GraphQLError, getNullableType, isInputObjectType, isListType, Kind, type ArgumentNode, type GraphQLInputType, type ValidationContext, type ValueNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { useVariableRule, type Variables } from './use-variable-rule.ts';
import { defaultMaxListItems, maxListItems } from './list-limits.ts';

export interface ListLimitsOptions {
  /** The most items per list input, by schema coordinate. @default maxListItems (list-limits.ts) */
  limits?: Readonly<Record<string, number>>;
  /** For lists without an entry. @default 100 */
  defaultMax?: number;
}

/**
 * Refuses any list input longer than its stated maximum, written in the document or sent as a
 * variable, before anything runs: 400 naming the argument (`extensions.argument`, e.g. `filter.dimensions`).
 */
export function useListLimits({ limits = maxListItems, defaultMax = defaultMaxListItems }: ListLimitsOptions = {}): Plugin {
  const rule = (variables: Variables) => (context: ValidationContext) => {
    let reported = false;
    // `ast` says whether `value` is a document literal (a ValueNode) or a variable's JSON value.
    const check = (value: unknown, ast: boolean, type: GraphQLInputType, argument: string, coordinate: string): void => {
      if (reported) return;
      const node = ast ? (value as ValueNode) : null;
      if (node?.kind === Kind.VARIABLE) return check(variables?.[node.name.value], false, type, argument, coordinate);
      const nullable = getNullableType(type);
      if (isListType(nullable)) {
        const items: unknown[] = node ? (node.kind === Kind.LIST ? [...node.values] : [node]) : Array.isArray(value) ? value : [value];
        const max = limits[coordinate] ?? defaultMax;
        if (items.length > max) {
          reported = true;
          context.reportError(
            new GraphQLError(`Argument \`${argument}\` takes at most ${max} items (got ${items.length})`, {
              extensions: { code: 'BAD_USER_INPUT', argument, maxItems: max, http: { status: 400 } },
            }),
          );
          return;
        }
        for (const item of items) check(item, ast, nullable.ofType, argument, coordinate);
        return;
      }
      if (!isInputObjectType(nullable)) return;
      const fields = nullable.getFields();
      const entries: [string, unknown][] = node
        ? node.kind === Kind.OBJECT
          ? node.fields.map((field) => [field.name.value, field.value])
          : []
        : value !== null && typeof value === 'object' && !Array.isArray(value)
          ? Object.entries(value)
          : [];
      for (const [name, fieldValue] of entries) {
        const field = fields[name];
        if (field) check(fieldValue, ast, field.type, `${argument}.${name}`, `${nullable.name}.${name}`);
      }
    };
    return {
      Argument(node: ArgumentNode) {
        const definition = context.getArgument();
        const parent = context.getParentType();
        const field = context.getFieldDef();
        if (!definition) return;
        const owner = field && parent ? `${parent.name}.${field.name}` : `@${context.getDirective()?.name ?? ''}`;
        check(node.value, true, definition.type, node.name.value, `${owner}.${definition.name}`);
      },
    };
  };
  return useVariableRule((variables) => rule(variables));
}
