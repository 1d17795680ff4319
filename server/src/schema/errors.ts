import { GraphQLError } from 'graphql';

/** A client mistake in an argument (400, wherever it is found): the message names the argument and what would be accepted. */
export function badArgument(argument: string, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argument, http: { status: 400 }, ...extra } });
}

export function unknownValue(argument: string, what: string, value: string, validValues: readonly string[]): GraphQLError {
  return badArgument(argument, `Unknown ${what} "${value}" in argument \`${argument}\`. Valid values: ${validValues.join(', ')}`, { validValues });
}
