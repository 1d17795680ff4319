import { GraphQLError } from 'graphql';

/**
 * Loader results in the order of `keys`; a key without a row yields a refusal naming it, which
 * `node(id:)` and `nodes(ids:)` pass on to the caller (a plain Error would be a masked 500).
 */
export function inKeyOrder<K, T>(keys: readonly K[], rows: readonly T[], keyOf: (row: T) => K, what: string): (T | Error)[] {
  const byKey = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => byKey.get(key) ?? new GraphQLError(`No ${what} with this ID`, { extensions: { code: 'NOT_FOUND', http: { status: 404 } } }));
}

/**
 * The row id inside a global ID: a positive 32-bit integer, else 0, which no row has, so a malformed
 * ID (`Observation:abc`, `Observation:1.5`, `Observation:1e30`) answers like a missing one.
 */
export function rowId(id: string): number {
  const value = /^[1-9]\d{0,9}$/.test(id) ? Number(id) : 0;
  return value <= 2_147_483_647 ? value : 0;
}
