import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@pantau/prisma';
import { bytes, csv, header, importHarness, row } from './testing/import-harness.ts';

describe.each(testDatabaseKinds)('hostile and careless import files on %s', (kind) => {
  const { upload, expectRefused } = importHarness(kind);

  it('accepts the well-formed file the other tests break (control)', async () => {
    const answer = await upload(csv(header, row('610', '01'), row('1190', '02')), { dryRun: true });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.importObservations).toMatchObject({ rows: 2, rejectedCount: 0, rolledBack: true });
  });

  describe('CSV structure', () => {
    it('refuses a quote that is never closed, naming the line where its record starts', async () => {
      await expectRefused(
        csv(header, row(), `passports_issued,"611,2025-06-02,2025-06-02,kanwil-ditjenim-ntt,53,hostile-files-report,electronic`, row('612', '03')),
        'line 3: a quoted field opened in the record starting on this line is never closed (the file ends inside it). Add the closing ", and write a " inside a quoted field as ""',
        { line: 3 },
      );
    });

    it('refuses a line with one field too few, and one with text after a closing quote', async () => {
      await expectRefused(
        csv(header, row(), row(), 'passports_issued,612,2025-06-03,2025-06-03,kanwil-ditjenim-ntt,53,hostile-files-report'),
        'line 4: the line has 7 fields but the header has 8. Check for a missing or extra comma (","); a value that contains one must be in double quotes',
        { line: 4 },
      );
      await expectRefused(
        csv(header, 'passports_issued,"610"x,2025-06-01,2025-06-01,kanwil-ditjenim-ntt,53,hostile-files-report,electronic'),
        'line 2, column 2 (value): a quoted field has text after its closing quote. Put the whole field in quotes and write each " inside it as ""',
        { line: 2, column: 2 },
      );
    });

    it('refuses a 5 MB field, on one line or spread over quoted lines, and a field over 1,024 characters', async () => {
      const huge = 'x'.repeat(5 * 1024 * 1024);
      await expectRefused(
        csv(header, row(), `passports_issued,610,2025-06-01,2025-06-01,kanwil-ditjenim-ntt,53,hostile-files-report,${huge}`),
        'line 3: the line is longer than 16384 bytes, the longest line an import reads (no field may exceed 1024 characters). Check for a quote that is never closed, or for a file that is not a table of observations',
        { line: 3 },
      );
      // 5 MB inside one quoted field, in lines short enough to pass the line limit.
      const manyLines = `"${`${'x'.repeat(99)}\n`.repeat(50_000)}"`;
      await expectRefused(
        csv(header, `passports_issued,610,2025-06-01,2025-06-01,kanwil-ditjenim-ntt,53,hostile-files-report,${manyLines}`),
        'line 2, column 8 (dim.passport_type): the record starting on this line is longer than 16384 characters (no field may exceed 1024). Check for a quote that is never closed',
        { line: 2, column: 8 },
      );
      await expectRefused(
        csv(header, row(), `passports_issued,610,2025-06-01,2025-06-01,kanwil-ditjenim-ntt,53,hostile-files-report,${'y'.repeat(2_000)}`),
        'line 3, column 8 (dim.passport_type): the field has 2000 characters, more than the 1024 a field may hold. Check for a quote that is never closed',
        { line: 3, column: 8 },
      );
    }, 180_000); // a hang guard: 10 MB of hostile input takes tens of seconds on a loaded machine

    it('refuses unknown, duplicate and missing columns once, at the header', async () => {
      await expectRefused(
        csv(`${header},colour`, `${row()},red`),
        'line 1, column 9: "colour" is not a known column (known: metric, value, unit, period_start, period_end, office_code, region_code, program, campaign, source, is_lower_bound, dim.<key>). Rename or remove it',
        { line: 1, column: 9 },
      );
      await expectRefused(csv(`${header},value`, `${row()},5`), 'line 1, column 9: the column "value" appears twice (also column 2). Keep one', { line: 1, column: 9 });
      await expectRefused(
        csv('metric,period_start,office_code,source', 'passports_issued,2025-06-01,kanwil-ditjenim-ntt,hostile-files-report'),
        'line 1: the header lacks the column value. The first line must name the columns (metric, value, unit, period_start, period_end, office_code, region_code, program, campaign, source, is_lower_bound, dim.<key>)',
        { line: 1 },
      );
    });
  });

  describe('files that are not CSV or JSON Lines text', () => {
    it('refuses a gzip file (once accepted as a 0-row import with an audit row)', async () => {
      await expectRefused(
        gzipSync(csv(header, row())),
        'line 1, character 1: this is a gzip-compressed file, not a CSV or JSON Lines text file. Decompress it first (gunzip) and import the CSV or JSON Lines file inside.',
        { filename: 'figures.csv.gz', line: 1 },
      );
    });

    it('refuses an .xlsx workbook (a zip archive) and an old .xls workbook', async () => {
      const xlsx = bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], '[Content_Types].xml');
      await expectRefused(
        xlsx,
        'line 1, character 1: this is a zip archive (an .xlsx or .ods workbook is one), not a CSV or JSON Lines text file. Open it in Excel or LibreOffice and save it as "CSV UTF-8 (Comma delimited) (*.csv)", then import that file; for a .zip, extract the file first.',
        { filename: 'figures.xlsx', line: 1 },
      );
      await expectRefused(
        bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]),
        'line 1, character 1: this is an old Excel workbook (.xls), not a CSV or JSON Lines text file. Open it in Excel or LibreOffice and save it as "CSV UTF-8 (Comma delimited) (*.csv)", then import that file.',
        { filename: 'figures.xls', line: 1 },
      );
    });

    it('refuses binary bytes and a NUL byte inside an otherwise good CSV, with line and character', async () => {
      await expectRefused(
        bytes('BIN', [0x00, 0x01, 0x02, 0x03, 0xff, 0xfe]),
        'line 1, character 4: the file contains a NUL byte, so it is binary or UTF-16, not UTF-8 text. Import a CSV or JSON Lines file saved as UTF-8',
        { line: 1 },
      );
      await expectRefused(
        bytes(csv(header, row()), 'passports', [0x00], 'issued'),
        'line 3, character 10: the file contains a NUL byte, so it is binary or UTF-16, not UTF-8 text. Import a CSV or JSON Lines file saved as UTF-8',
        { line: 3 },
      );
    });

    it('refuses UTF-16 (with its byte-order mark) and invalid UTF-8 such as a Windows-1252 export', async () => {
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv(header, row()), 'utf16le')]);
      await expectRefused(
        utf16,
        'line 1, character 1: this is UTF-16 text (Excel\'s "Unicode Text" saves this), not a CSV or JSON Lines text file. Save it as UTF-8 instead (in Excel: "CSV UTF-8 (Comma delimited) (*.csv)").',
        { line: 1 },
      );
      // "é" in Windows-1252 is the single byte 0xE9, never valid UTF-8 before an ASCII letter.
      const before = 'passports_issued,5,2025-06-01,2025-06-01,kanwil-ditjenim-ntt,53,hostile-files-report,';
      await expectRefused(
        bytes(csv(header, row()), before, [0xe9], 'lectronic\n'),
        `line 3, character ${before.length + 1}: the file is not UTF-8 text (byte 0xE9). A spreadsheet saved as "CSV (Comma delimited)" or "CSV (MS-DOS)" uses the Windows code page: save it as "CSV UTF-8 (Comma delimited) (*.csv)" instead (LibreOffice: Character set "Unicode (UTF-8)")`,
        { line: 3 },
      );
    });

    it('refuses an empty file and a header-only file: "the file has no rows"', async () => {
      await expectRefused('', 'the file has no rows: it is empty (0 bytes). Send a CSV with a header row and at least one row of figures, or JSON Lines with at least one object', {
        line: null,
      });
      await expectRefused(csv(header), 'the file has no rows: it holds only the header. Add one row per figure below the header', { line: null });
      await expectRefused(`${header}\r\n\r\n\r\n`, 'the file has no rows: it holds only the header. Add one row per figure below the header', { line: null });
      await expectRefused('\n\n', 'the file has no rows and no header. Send a CSV whose first line names the columns, followed by one row per figure', { line: null });
      await expectRefused('\n\n', 'the file has no rows: it holds no JSON object. Send one object per line', { format: 'JSONL', line: null });
    });
  });
});
