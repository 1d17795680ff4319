import type { SqlConnection } from '../sql-driver.ts';

/** A value COPY can carry: text, a number, a boolean, a day, JSON (an object or array) or null. */
export type CopyValue = string | number | boolean | Date | null | undefined | object;

/** One field in COPY's text format: backslash, tab, newline and carriage return escaped, `\N` for null. */
function field(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  const text = typeof value === 'string' ? value : value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : text;
}

const ROWS_PER_CHUNK = 1_000;

async function* copyText(rows: AsyncIterable<readonly CopyValue[]> | Iterable<readonly CopyValue[]>, counted: { rows: number }): AsyncGenerator<string> {
  let lines: string[] = [];
  for await (const row of rows) {
    lines.push(`${row.map(field).join('\t')}\n`);
    counted.rows += 1;
    if (lines.length >= ROWS_PER_CHUNK) {
      yield lines.join('');
      lines = [];
    }
  }
  if (lines.length) yield lines.join('');
}

/**
 * Streams rows into `table (columns)` with COPY, the fastest way PostgreSQL and PGlite take rows, and
 * returns how many it sent. Statement triggers fire once per COPY, as for one INSERT.
 */
export async function copyRows(
  connection: SqlConnection,
  table: string,
  columns: readonly string[],
  rows: AsyncIterable<readonly CopyValue[]> | Iterable<readonly CopyValue[]>,
): Promise<number> {
  const counted = { rows: 0 };
  await connection.copyFrom(`${table} (${columns.join(', ')})`, copyText(rows, counted));
  return counted.rows;
}
