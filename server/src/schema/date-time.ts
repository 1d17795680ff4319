import { GraphQLError } from 'graphql';
import { builder } from './builder.ts';

// A moment needs its time zone: "2026-12-02T10:00" would mean another instant in Jakarta than in UTC.
const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses an ISO 8601 moment with its time zone (`2026-12-02T04:00:00Z`, `2026-12-02T11:00:00+07:00`). */
export function parseDateTime(value: unknown, argument = 'asOf'): Date {
  const date = typeof value === 'string' && ISO_MOMENT.test(value) ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1950) {
    throw new GraphQLError(
      `\`${argument}\` must be a moment written ISO 8601 with its time zone, 1950 or later, e.g. "2026-12-02T04:00:00Z" or "2026-12-02T11:00:00+07:00" (got ${JSON.stringify(value)?.slice(0, 60)})`,
      { extensions: { code: 'BAD_USER_INPUT', argument, http: { status: 400 } } },
    );
  }
  return date;
}

builder.scalarType('DateTime', {
  description: 'A moment, written ISO 8601 with its time zone, e.g. `2026-12-02T04:00:00Z`; answers are in UTC with milliseconds.',
  serialize: (value) => (value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString()),
  parseValue: (value) => parseDateTime(value),
  parseLiteral: (node) => parseDateTime(node.kind === 'StringValue' ? node.value : null),
});
