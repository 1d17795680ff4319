export interface Column<Row> {
  /** Header as shown and exported. */
  header: string;
  /** The value for CSV: raw numbers (not formatted), text as is. */
  raw: (row: Row) => string | number | boolean | null;
  /** The value as displayed in the table. */
  display: (row: Row) => string;
  numeric?: boolean;
}

/**
 * RFC 4180 CSV. Cells that a spreadsheet would read as a formula (`=`, `+`, `-`, `@` followed by
 * text) get a leading apostrophe; plain negative numbers stay numbers.
 */
export function toCsv<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  const cell = (value: string | number | boolean | null) => {
    if (value === null) return '';
    let text = String(value);
    if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
    return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [columns.map((c) => cell(c.header)).join(','), ...rows.map((row) => columns.map((c) => cell(c.raw(row))).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
