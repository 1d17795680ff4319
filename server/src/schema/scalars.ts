import { GraphQLError } from 'graphql';
import { builder } from './builder.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Parses `YYYY-MM-DD` into a UTC midnight date, refusing impossible days such as 2025-02-30. */
export function parseDate(value: unknown): Date {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) {
    throw new GraphQLError(`Date must be a calendar date written YYYY-MM-DD (got ${JSON.stringify(value)})`, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
  }
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new GraphQLError(`Date ${value} does not exist in the calendar`, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
  }
  // The calendar has no year 0 (1 BC is followed by AD 1), and PostgreSQL refuses it.
  if (value.startsWith('0000')) throw new GraphQLError(`Date ${value} is before 0001-01-01`, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
  return date;
}

builder.scalarType('Date', {
  description: 'A calendar day, written YYYY-MM-DD (no time zone).',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue: (value) => {
    parseDate(value);
    return value as string;
  },
});

builder.scalarType('Decimal', {
  description: 'An exact decimal number, written as a string (e.g. "21363" or "0.0015") so no precision is lost.',
  serialize: (value) => {
    const text = value.toString();
    return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
  },
  parseValue: (value) => {
    if (typeof value !== 'string' || !/^-?\d+(\.\d+)?$/.test(value)) {
      throw new GraphQLError(`Decimal must be a string of digits such as "20000" or "12.5" (got ${JSON.stringify(value)})`, {
        extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
      });
    }
    return value;
  },
});

export const Lang = builder.enumType('Lang', {
  description: 'Language of labels: Bahasa Indonesia (the default) or English.',
  values: { ID: { description: 'Bahasa Indonesia' }, EN: { description: 'English' } } as const,
});

export const pick = (lang: 'ID' | 'EN' | null | undefined, id: string, en: string) => (lang === 'EN' ? en : id);

builder.scalarType('File', {
  description: 'An uploaded file (GraphQL multipart request): input only.',
  serialize: () => {
    throw new GraphQLError('File is an input-only scalar');
  },
  parseValue: (value) => {
    // Yoga hands over its own File implementation, so check the shape rather than the class.
    if (value && typeof value === 'object' && typeof (value as File).stream === 'function' && typeof (value as File).name === 'string') return value as File;
    throw new GraphQLError('Expected an uploaded file (multipart request)', { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
  },
});
