import { GraphQLError } from 'graphql';

/** One broken rule: which field, and what it must be. */
export interface Violation {
  field: string;
  rule: string;
}

/** A refused write: every violation, each naming its field and rule, and nothing written. */
export function invalidInput(violations: readonly Violation[]): GraphQLError {
  const summary = violations.map((v) => `\`${v.field}\` ${v.rule}`).join('; ');
  return new GraphQLError(`Invalid input: ${summary}`, {
    extensions: { code: 'BAD_USER_INPUT', argument: violations[0]?.field, violations, http: { status: 400 } },
  });
}

export function conflict(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'CONFLICT', http: { status: 409 }, ...extensions } });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
}
