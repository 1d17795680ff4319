import { GraphQLError, type ValidationContext } from 'graphql';

/** A refusal before execution, answered with `status` (GraphQL over HTTP with `application/graphql-response+json`). */
export function refused(status: number, message: string, extensions: Record<string, unknown> = {}, headers: Record<string, string> = {}): GraphQLError {
  const code = status === 429 ? 'RATE_LIMITED' : status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST';
  return new GraphQLError(message, { extensions: { code, ...extensions, http: { status, headers } } });
}

/**
 * Armor throws out of validation by default, which Yoga answers with 200; reported as validation
 * errors instead, they answer 400 like any invalid document.
 */
export const reportAsValidationError = {
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
};
