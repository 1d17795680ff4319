/** Loader results in the order of `keys`; a key without a row yields an error naming it. */
export function inKeyOrder<K, T>(keys: readonly K[], rows: readonly T[], keyOf: (row: T) => K, what: string): (T | Error)[] {
  const byKey = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => byKey.get(key) ?? new Error(`Unknown ${what} ${String(key)}`));
}
