import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';

/** The largest page any connection returns; larger `first` values are refused, not silently cut. */
export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 50;

interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

function checkPageArgs(args: PageArgs): void {
  for (const name of ['first', 'last'] as const) {
    const value = args[name];
    if (value != null && (value < 0 || value > MAX_PAGE_SIZE)) {
      throw new GraphQLError(`Argument \`${name}\` must be between 0 and ${MAX_PAGE_SIZE} (got ${value})`, {
        extensions: { code: 'BAD_USER_INPUT', argument: name },
      });
    }
  }
  for (const name of ['after', 'before'] as const) {
    const cursor = args[name];
    if (
      cursor != null &&
      !/^\d+$/.test(
        Buffer.from(cursor, 'base64')
          .toString('utf8')
          .replace(/^OffsetConnection:/, ''),
      )
    ) {
      throw new GraphQLError(`Argument \`${name}\` is not a cursor this connection issued (got "${cursor}")`, {
        extensions: { code: 'BAD_USER_INPUT', argument: name },
      });
    }
  }
}

/**
 * A page of a stably ordered list, with a lazily counted `totalCount` (one extra statement, only when
 * the query asks for it).
 */
export async function paginate<T>(args: PageArgs, fetchPage: (page: { skip: number; take: number }) => Promise<T[]>, count: () => Promise<number>) {
  checkPageArgs(args);
  const connection = await resolveOffsetConnection({ args, defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE }, ({ offset, limit }) =>
    fetchPage({ skip: offset, take: limit }),
  );
  return { ...connection, totalCount: count };
}

/** Connection options adding `totalCount`, for connections resolved with `paginate`. */
export const withTotalCount = {
  fields: <R>(t: { int: (options: { description: string; resolve: (parent: object) => Promise<number> }) => R }) => ({
    totalCount: t.int({
      description: 'Number of items matching the filter, across all pages.',
      resolve: (parent) => (parent as { totalCount: () => Promise<number> }).totalCount(),
    }),
  }),
};
