import { Readable } from 'node:stream';
import { CsvError, parse as parseCsv, type Options } from 'csv-parse';
import { readDecimalComma } from './import-decimal.ts';
import { MAX_FIELD_CHARS, MAX_LINE_BYTES } from './import-file-format.ts';
import { csvColumns, type ParsedRecord } from './import-record.ts';
import { fileRefused } from './import-refusal.ts';
import type { ObservationFields } from './observation-rules.ts';

const required = ['metric', 'value', 'period_start', 'source'];
const knownColumns = `${Object.keys(csvColumns).join(', ')}, dim.<key>`;
const delimiterName = { ',': 'comma', ';': 'semicolon', '\t': 'tab' } as const;
type Delimiter = keyof typeof delimiterName;

/**
 * The delimiter the header uses. No column name holds `,`, `;` or a tab, so the header says it
 * unambiguously: `;` is what Excel writes under Indonesian regional settings.
 */
function delimiterOf(header: string): Delimiter {
  const used = (Object.keys(delimiterName) as Delimiter[]).filter((d) => header.includes(d));
  if (used.length > 1)
    throw fileRefused(
      `the header mixes ${used.map((d) => `"${d === '\t' ? '\\t' : d}"`).join(' and ')} as separators. Use one separator throughout the file (a comma, or the semicolon Excel writes under Indonesian settings)`,
      { line: 1 },
    );
  return used[0] ?? ',';
}

/** Each field's column name (null: a nameless column, as Excel leaves after the last one), checked. */
function readHeader(fields: string[]): (string | null)[] {
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

/** A parsed record with the line it ends on. */
interface CsvRecord {
  values: string[];
  lines: number;
}

const slashDay = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** One data row as observation fields, with the problems that only the file's conventions reveal. */
function readRow(names: (string | null)[], values: string[], delimiter: Delimiter, line: number, record: number): ParsedRecord {
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

/** csv-parse's structural errors, as refusals that say where and what to do. */
function refusalOf(error: CsvError, startLine: number, names: string[] | null): Error {
  const details = error as CsvError & { lines?: number; column?: number | string };
  const column = typeof details.column === 'number' ? details.column + 1 : null;
  const columnName = column && names ? names[column - 1] || null : null;
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return fileRefused(
        `a quoted field opened in the record starting on this line is never closed (the file ends inside it). Add the closing ", and write a " inside a quoted field as ""`,
        { line: startLine },
      );
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return fileRefused('a quoted field has text after its closing quote. Put the whole field in quotes and write each " inside it as ""', {
        line: details.lines ?? startLine,
        column,
        columnName,
      });
    case 'INVALID_OPENING_QUOTE':
      return fileRefused('a field has a " in the middle of it. Put the whole field in quotes and write each " inside it as ""', {
        line: details.lines ?? startLine,
        column,
        columnName,
      });
    case 'CSV_MAX_RECORD_SIZE':
      return fileRefused(
        `the record starting on this line is longer than ${MAX_LINE_BYTES} characters (no field may exceed ${MAX_FIELD_CHARS}). Check for a quote that is never closed`,
        { line: startLine, column, columnName },
      );
    default:
      return fileRefused(`the CSV cannot be read (${error.message}). Check the quotes and separators on this line`, { line: details.lines ?? startLine });
  }
}

/**
 * Reads a CSV with a header row, record by record: the separator (`,`, `;` or tab) comes from the
 * header, and in a `;` file values use the decimal comma. Any structural fault (a quote never closed,
 * a line with more or fewer fields than the header, an oversized field, no rows) refuses the file.
 */
export async function* readCsvRecords(text: AsyncIterable<string>): AsyncGenerator<ParsedRecord> {
  const iterator = text[Symbol.asyncIterator]();
  let start = '';
  while (!start.includes('\n')) {
    const next = await iterator.next();
    if (next.done) break;
    start += next.value;
  }
  let delimiter: Delimiter;
  try {
    if (/^\s*[[{]/.test(start))
      throw fileRefused(
        'the file starts like JSON Lines, not like a CSV header. Send it with format JSONL (CLI: --format jsonl), or send a CSV whose first line names the columns',
        { line: 1 },
      );
    delimiter = delimiterOf((start.split('\n')[0] ?? '').replace(/\r$/, ''));
  } catch (error) {
    await iterator.return?.();
    throw error;
  }
  const input = Readable.from(
    (async function* () {
      try {
        yield start;
        for (;;) {
          const next = await iterator.next();
          if (next.done) return;
          yield next.value;
        }
      } finally {
        // Stopped early (a refused line): let the file's stream close now.
        await iterator.return?.();
      }
    })(),
  );
  // Where the last complete record ended and what the header holds, as the parser sees them: it
  // parses ahead of this loop, so an error can arrive before the records that preceded it. Blank
  // lines come through as records of one empty field, so every record's first line is known.
  let parsedUpTo = 0;
  let parsedHeader: string[] | null = null;
  const options: Options<CsvRecord, string[]> = {
    delimiter,
    relax_column_count: true,
    trim: true,
    max_record_size: MAX_LINE_BYTES,
    on_record: (record, context) => {
      parsedUpTo = context.lines;
      if (!parsedHeader && record.some((value) => value !== '')) parsedHeader = record.map((name) => (name.startsWith('dim.') ? name : name.toLowerCase()));
      return { values: record, lines: context.lines };
    },
  };
  const parser = parseCsv(options as unknown as Options);
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);

  let names: (string | null)[] | null = null;
  let previousEnd = 0;
  let records = 0;
  try {
    for await (const { values, lines } of parser as AsyncIterable<CsvRecord>) {
      const line = previousEnd + 1;
      previousEnd = lines;
      if (values.every((value) => value === '')) continue;
      const long = values.findIndex((value) => value.length > MAX_FIELD_CHARS);
      if (long >= 0)
        throw fileRefused(`the field has ${values[long]?.length ?? 0} characters, more than the ${MAX_FIELD_CHARS} a field may hold. Check for a quote that is never closed`, {
          line,
          column: long + 1,
          columnName: names?.[long] ?? null,
        });
      if (!names) {
        names = readHeader(values);
        continue;
      }
      if (values.length !== names.length) {
        throw fileRefused(
          `the line has ${values.length} fields but the header has ${names.length}. Check for a missing or extra ${delimiterName[delimiter]} ("${delimiter === '\t' ? '\\t' : delimiter}"); a value that contains one must be in double quotes`,
          { line },
        );
      }
      records += 1;
      yield readRow(names, values, delimiter, line, records);
    }
  } catch (error) {
    if (error instanceof CsvError) throw refusalOf(error, parsedUpTo + 1, parsedHeader);
    throw error;
  } finally {
    input.destroy();
  }
  if (!names) throw fileRefused('the file has no rows and no header. Send a CSV whose first line names the columns, followed by one row per figure');
  if (records === 0) throw fileRefused('the file has no rows: it holds only the header. Add one row per figure below the header');
}
