import { GraphQLError } from 'graphql';

/** One broken rule: which field, and what it must be. */
export interface Violation {
  field: string;
  rule: string;
}

/** A client mistake in an argument (400, wherever it is found): the message names the argument and what would be accepted. */
export function badArgument(argument: string, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argument, http: { status: 400 }, ...extra } });
}

export function unknownValue(argument: string, what: string, value: string, validValues: readonly string[]): GraphQLError {
  return badArgument(argument, `Unknown ${what} "${value}" in argument \`${argument}\`. Valid values: ${validValues.join(', ')}`, { validValues });
}

/** A refused write: every violation, each naming its field and rule, and nothing written. */
export function invalidInput(violations: readonly Violation[]): GraphQLError {
  const summary = violations.map((v) => `\`${v.field}\` ${v.rule}`).join('; ');
  return badArgument(violations[0]?.field ?? 'input', `Invalid input: ${summary}`, { violations });
}

/** Throws `invalidInput` when any rule is broken. */
export function refuseViolations(violations: readonly Violation[]): void {
  if (violations.length > 0) throw invalidInput(violations);
}

export function conflict(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'CONFLICT', http: { status: 409 }, ...extensions } });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
}
