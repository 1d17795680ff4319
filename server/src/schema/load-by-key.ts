/**
 * Loader results in the order of `keys`; a key without a row yields null, so `node(id:)` answers a
 * missing object, or one the caller may not see, with null and nothing else.
 */
export function inKeyOrder<K, T>(keys: readonly K[], rows: readonly T[], keyOf: (row: T) => K): (T | null)[] {
  const byKey = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => byKey.get(key) ?? null);
}

const MAX_ROW_ID = 2 ** 31 - 1;

/** The id part of a global ID as a row id (a positive 32-bit integer written plainly), or NaN, which matches no row. */
export function parseRowId(id: string): number {
  return /^[1-9]\d{0,9}$/.test(id) && Number(id) <= MAX_ROW_ID ? Number(id) : Number.NaN;
}

/** The keys that can be row ids; a query with any other key would fail, and no row has one. */
export function rowIds(keys: readonly number[]): number[] {
  return keys.filter((key) => Number.isInteger(key) && key > 0 && key <= MAX_ROW_ID);
}
