import type { SqlConnection } from '../sql-driver.ts';

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Runs `load` (inside the caller's transaction) with `table`'s foreign keys and non-unique indexes
 * dropped, then puts them back as they were. A COPY of a million rows otherwise checks each foreign
 * key row by row (one index probe per key per row) and grows every index row by row; rebuilding an
 * index and validating a foreign key are each one set-based pass. The definitions are read from the
 * catalogue, so a key or an index added by a later migration is kept too.
 */
export async function withoutRowChecks<T>(connection: SqlConnection, table: string, load: () => Promise<T>): Promise<T> {
  const foreignKeys = await connection.query<{ name: string; definition: string }>(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'f' ORDER BY conname`,
    [table],
  );
  const indexes = await connection.query<{ name: string; definition: string }>(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
     WHERE i.indrelid = $1::regclass AND NOT i.indisunique AND NOT i.indisprimary ORDER BY c.relname`,
    [table],
  );
  for (const key of foreignKeys) await connection.exec(`ALTER TABLE ${quoted(table)} DROP CONSTRAINT ${quoted(key.name)}`);
  for (const index of indexes) await connection.exec(`DROP INDEX ${quoted(index.name)}`);
  const result = await load();
  for (const index of indexes) await connection.exec(index.definition);
  for (const key of foreignKeys) await connection.exec(`ALTER TABLE ${quoted(table)} ADD CONSTRAINT ${quoted(key.name)} ${key.definition}`);
  return result;
}
