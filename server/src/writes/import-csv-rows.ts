import { readDecimalComma } from './import-decimal.ts';
import { csvColumns, type ParsedRecord } from './import-record.ts';
import { fileRefused } from './import-refusal.ts';
import type { ObservationFields } from './observation-rules.ts';

/** A CSV's header and rows as observation fields: the conventions of the file, checked before any rule. */

const required = ['metric', 'value', 'period_start', 'source'];
const knownColumns = `${Object.keys(csvColumns).join(', ')}, dim.<key>`;
export const delimiterName = { ',': 'comma', ';': 'semicolon', '\t': 'tab' } as const;
export type Delimiter = keyof typeof delimiterName;

/**
 * The delimiter the header uses. No column name holds `,`, `;` or a tab, so the header says it
 * unambiguously: `;` is what Excel writes under Indonesian regional settings.
 */
export function delimiterOf(header: string): Delimiter {
  const used = (Object.keys(delimiterName) as Delimiter[]).filter((d) => header.includes(d));
  if (used.length > 1)
    throw fileRefused(
      `the header mixes ${used.map((d) => `"${d === '\t' ? '\\t' : d}"`).join(' and ')} as separators. Use one separator throughout the file (a comma, or the semicolon Excel writes under Indonesian settings)`,
      { line: 1 },
    );
  return used[0] ?? ',';
}

/** Each field's column name (null: a nameless column, as Excel leaves after the last one), checked. */
export function readHeader(fields: string[]): (string | null)[] {
  const seen = new Map<string, number>();
  const names = fields.map((field, index) => {
    const name = field.trim();
    if (!name) return null;
    const column = name.startsWith('dim.') ? name : name.toLowerCase();
    if (!csvColumns[column] && !/^dim\.[a-z][a-z0-9_]{0,62}$/.test(column)) {
      throw fileRefused(`"${name.slice(0, 100)}" is not a known column (known: ${knownColumns}). Rename or remove it`, { line: 1, column: index + 1 });
    }
    if (seen.has(column)) throw fileRefused(`the column "${column}" appears twice (also column ${(seen.get(column) ?? 0) + 1}). Keep one`, { line: 1, column: index + 1 });
    seen.set(column, index);
    return column;
  });
  const missing = required.filter((column) => !seen.has(column));
  if (missing.length)
    throw fileRefused(`the header lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}. The first line must name the columns (${knownColumns})`, { line: 1 });
  return names;
}

const slashDay = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** One data row as observation fields, with the problems that only the file's conventions reveal. */
export function readRow(names: (string | null)[], values: string[], delimiter: Delimiter, line: number, record: number): ParsedRecord {
  const fields: ObservationFields & { dimensions: Record<string, string> } = { dimensions: {} };
  const problems: ParsedRecord['problems'] = [];
  names.forEach((column, index) => {
    const raw = values[index] ?? '';
    if (column === null) {
      if (raw) problems.push({ column: `column ${index + 1}`, reason: `column ${index + 1} has a value but no name in the header: name it, or empty it` });
      return;
    }
    if (!raw) return;
    if (column.startsWith('dim.')) {
      fields.dimensions[column.slice(4)] = raw;
      return;
    }
    let value: string = raw;
    if (column === 'value' && delimiter === ';') {
      const reading = readDecimalComma(raw);
      if ('problem' in reading) problems.push({ column, reason: `value ${reading.problem}` });
      else value = reading.value;
    }
    if ((column === 'period_start' || column === 'period_end') && slashDay.test(raw)) {
      problems.push({
        column,
        reason: `${column} must be a day written YYYY-MM-DD (got "${raw}", which could be day/month or month/day): format the column as yyyy-mm-dd (Format Cells > Custom) before saving`,
      });
    }
    // Excel under Indonesian settings writes TRUE/FALSE as BENAR/SALAH.
    if (column === 'is_lower_bound' && /^(benar|salah)$/i.test(raw)) value = raw.toLowerCase() === 'benar' ? 'true' : 'false';
    (fields as unknown as Record<string, unknown>)[csvColumns[column] ?? column] = value;
  });
  return { line, record, fields, problems };
}
