import type { TypedDocumentString } from './generated/graphql.ts';

export * from './generated/graphql.ts';

/** An operation of `schema/operations`: sent by its hash, its text kept for servers that lack it. */
export interface PersistedDocument<Result, Variables> {
  hash: string;
  document: string;
  /** Never set: carries the result type to `requestGraphQL`. */
  readonly __result?: Result;
  /** Never set: carries the variables' type. */
  readonly __variables?: Variables;
}

/**
 * The hash and text a typed document is sent by. The hash is the persisted id the server's store
 * knows (SHA-256 of the operation's file), put on the document by `codegen.ts`.
 */
export function persistedDocument<Result, Variables>(typed: TypedDocumentString<Result, Variables>): PersistedDocument<Result, Variables> {
  const hash: unknown = typed.__meta__?.['hash'];
  if (typeof hash !== 'string') throw new Error('This document is not one of schema/operations, so it has no persisted id');
  return { hash, document: typed.toString() };
}

export { seriesColumnRows, type SeriesColumnRow } from './series-columns.ts';
export type { MetricSeriesColumns, SeriesGroupColumn } from './scalars.ts';
