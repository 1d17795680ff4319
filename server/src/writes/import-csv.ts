import { Readable } from 'node:stream';
import { CsvError, parse as parseCsv, type Options } from 'csv-parse';
import { delimiterName, delimiterOf, readHeader, readRow, type Delimiter } from './import-csv-rows.ts';
import { MAX_FIELD_CHARS, MAX_LINE_BYTES } from './import-file-format.ts';
import type { ParsedRecord } from './import-record.ts';
import { fileRefused } from './import-refusal.ts';

/** A parsed record with the line it ends on. */
interface CsvRecord {
  values: string[];
  lines: number;
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
