import { GraphQLError, Kind, type DefinitionNode, type OperationDefinitionNode, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { useVariableRule } from './use-variable-rule.ts';

/**
 * Refuses variables the operation does not declare (400 naming the first). graphql-js would ignore
 * them, but each made-up one would make a new entry in the persisted-GET cache.
 */
export function useDeclaredVariables(): Plugin {
  return useVariableRule((variables, operationName) => (validation: ValidationContext) => {
    const sent = Object.keys(variables ?? {});
    const operations = validation
      .getDocument()
      .definitions.filter((definition: DefinitionNode): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
    const chosen = operationName ? operations.find((operation) => operation.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
    const declared = new Set(chosen?.variableDefinitions?.map((definition) => definition.variable.name.value) ?? []);
    const undeclared = chosen ? sent.find((name) => !declared.has(name)) : undefined;
    if (undeclared !== undefined) {
      validation.reportError(
        new GraphQLError(`Variable "$${undeclared}" is not declared by the operation: send only the variables it declares`, {
          extensions: { code: 'BAD_USER_INPUT', variable: undeclared, http: { status: 400 } },
        }),
      );
    }
    return {};
  });
}
