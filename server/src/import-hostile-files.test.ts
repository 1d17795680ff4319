import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, prepareDatabase, testDatabaseKinds, type TestDatabase } from '@pantau/prisma';
import { createApiKey } from './auth/api-keys.ts';
import { multipartBody } from './testing/multipart-upload.ts';
import { createPantauYoga } from './yoga.ts';

/** The header and a valid row of the tests' CSV files: a June 2025 figure for Kanwil Ditjenim NTT. */
const header = 'metric,value,period_start,period_end,office_code,region_code,source,dim.passport_type';
const row = (value = '610', day = '01') => `passports_issued,${value},2025-06-${day},2025-06-${day},kanwil-ditjenim-ntt,53,hostile-files-report,electronic`;
const csv = (...lines: string[]) => `${lines.join('\n')}\n`;
const bytes = (...parts: (string | number[] | Uint8Array)[]) => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

/** The same rows as Excel writes them under Indonesian regional settings: `;` between fields. */
const idHeader = header.replaceAll(',', ';');
const idRow = (value: string, day = '01') => row('VALUE', day).replaceAll(',', ';').replace('VALUE', value);

type Result = { status: number; data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, any> }[] };

describe.each(testDatabaseKinds)('hostile and careless import files on %s', (kind) => {
  let database: TestDatabase;
  let yoga: ReturnType<typeof createPantauYoga>;
  let key = '';
  let nextKey = 0;

  async function upload(file: Uint8Array | string, options: { filename?: string; format?: 'CSV' | 'JSONL'; dryRun?: boolean } = {}): Promise<Result & { idempotencyKey: string }> {
    // Every upload carries a fresh idempotency key, so the tests can show that none was recorded.
    const idempotencyKey = `hostile-${++nextKey}`;
    const { body, contentType } = await multipartBody(file, options.filename ?? 'figures.csv', { format: options.format ?? 'CSV', dryRun: options.dryRun ?? false, key: idempotencyKey });
    const response = await yoga.fetch('http://pantau.test/graphql', {
      method: 'POST',
      headers: { accept: 'application/graphql-response+json', authorization: `Bearer ${key}`, 'x-pantau-client': 'hostile-files-test', 'content-type': contentType, 'content-length': String(body.length) },
      body,
    });
    return { status: response.status, idempotencyKey, ...((await response.json()) as object) };
  }

  const counts = async () => ({
    observations: await database.prisma.observation.count(),
    audit: await database.prisma.auditEntry.count(),
    idempotency: await database.prisma.idempotencyRecord.count(),
  });

  /** Uploads a file that must be refused as a whole: 400, the message given, and nothing written. */
  async function expectRefused(file: Uint8Array | string, message: string, options: Parameters<typeof upload>[1] & { line?: number | null; column?: number | null } = {}) {
    const before = await counts();
    const answer = await upload(file, options);
    expect(answer.status, message).toBe(400);
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.[0]?.message).toBe(message);
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'file', line: options.line === undefined ? expect.anything() : options.line });
    if (options.column !== undefined) expect(answer.errors?.[0]?.extensions?.column).toBe(options.column);
    expect(await counts()).toEqual(before);
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
    yoga = createPantauYoga(database, { log: { error: (...args: unknown[]) => console.error(...args) } });
    key = (await createApiKey(database, { name: 'data-desk', scopes: ['WRITE_OBSERVATIONS'] })).secret;
    await database.prisma.source.create({ data: { key: 'hostile-files-report', kind: 'DATASET', publisher: 'Kanwil Ditjenim NTT', title: 'Laporan bulanan Juni 2025', claimId: 'Laporan bulanan', claimEn: 'Monthly report' } });
  });
  afterAll(() => database.close());

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
      await expectRefused(csv(`${header},colour`, `${row()},red`), 'line 1, column 9: "colour" is not a known column (known: metric, value, unit, period_start, period_end, office_code, region_code, program, campaign, source, is_lower_bound, dim.<key>). Rename or remove it', { line: 1, column: 9 });
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
      await expectRefused(bytes('BIN', [0x00, 0x01, 0x02, 0x03, 0xff, 0xfe]), 'line 1, character 4: the file contains a NUL byte, so it is binary or UTF-16, not UTF-8 text. Import a CSV or JSON Lines file saved as UTF-8', { line: 1 });
      await expectRefused(bytes(csv(header, row()), 'passports', [0x00], 'issued'), 'line 3, character 10: the file contains a NUL byte, so it is binary or UTF-16, not UTF-8 text. Import a CSV or JSON Lines file saved as UTF-8', { line: 3 });
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
      await expectRefused('', 'the file has no rows: it is empty (0 bytes). Send a CSV with a header row and at least one row of figures, or JSON Lines with at least one object', { line: null });
      await expectRefused(csv(header), 'the file has no rows: it holds only the header. Add one row per figure below the header', { line: null });
      await expectRefused(`${header}\r\n\r\n\r\n`, 'the file has no rows: it holds only the header. Add one row per figure below the header', { line: null });
      await expectRefused('\n\n', 'the file has no rows and no header. Send a CSV whose first line names the columns, followed by one row per figure', { line: null });
      await expectRefused('\n\n', 'the file has no rows: it holds no JSON object. Send one object per line', { format: 'JSONL', line: null });
    });
  });

  describe('JSON Lines', () => {
    const object = JSON.stringify({ metric: 'passports_issued', value: '610', periodStart: '2025-06-01', periodEnd: '2025-06-30', officeCode: 'kanwil-ditjenim-ntt', regionCode: '53', source: 'hostile-files-report', dimensions: { passport_type: 'electronic' } });

    it('refuses a line that holds an array, a number or a string, naming the line', async () => {
      await expectRefused(`${object}\n[1,2]\n`, 'line 2: the line holds an array, not a JSON object. Each line must hold one object with the fields of an observation', { format: 'JSONL', line: 2 });
      await expectRefused(`${object}\n\n42\n`, 'line 3: the line holds a number, not a JSON object. Each line must hold one object with the fields of an observation', { format: 'JSONL', line: 3 });
      await expectRefused(`"${'x'.repeat(10)}"\n`, 'line 1: the line holds a string, not a JSON object. Each line must hold one object with the fields of an observation', { format: 'JSONL', line: 1 });
    });

    it('refuses a line that is not JSON, and a CSV sent as JSON Lines, with what to do', async () => {
      await expectRefused(`${object}\n{"metric": "passports_issued",}\n`, 'line 2, character 31: the line is not valid JSON. Each line must hold one JSON object, such as {"metric": "passports_issued", "value": "610", ...}.', { format: 'JSONL', line: 2 });
      const answer = await upload(csv(header, row()), { format: 'JSONL' });
      expect(answer.status).toBe(400);
      expect(answer.errors?.[0]?.message).toMatch(/^line 1(, character \d+)?: the line is not valid JSON\. .* If this is a CSV file, send it with format CSV \(CLI: --format csv\)\.$/);
      await expectRefused(`${object}\n`, 'line 1: the file starts like JSON Lines, not like a CSV header. Send it with format JSONL (CLI: --format jsonl), or send a CSV whose first line names the columns', { format: 'CSV', line: 1 });
    });

    it('reports fields an observation does not have as rejected rows, writing nothing', async () => {
      const before = await counts();
      const answer = await upload(`${object}\n${JSON.stringify({ ...JSON.parse(object), colour: 'red' })}\n`, { format: 'JSONL' });
      expect(answer.data?.importObservations).toMatchObject({
        rows: 2,
        inserted: 0,
        rolledBack: true,
        rejected: [{ line: 2, record: 2, column: 'colour', reason: 'colour is not a field of an observation (fields: metric, value, unit, periodStart, periodEnd, officeCode, regionCode, program, campaign, source, isLowerBound, dimensions)' }],
      });
      expect(await counts()).toEqual(before);
    });
  });

  describe('spreadsheets saved with Indonesian regional settings', () => {
    it('reads ";" as the separator and the decimal comma, with a UTF-8 byte-order mark, storing the exact values', async () => {
      const before = await counts();
      // 1.234.567 is 1234567; 1.234,5 is 1234.5; 12,75 is 12.75; 0,0001 is 0.0001; 610 is 610.
      const file = bytes([0xef, 0xbb, 0xbf], `${idHeader};is_lower_bound\r\n`, ['1.234.567', '1.234,5', '12,75', '0,0001', '610'].map((value, i) => `${idRow(value, `1${i}`)};${i === 0 ? 'BENAR' : 'SALAH'}\r\n`).join(''), ';;;;;;;;\r\n');
      const answer = await upload(file);
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.importObservations).toMatchObject({ rows: 5, inserted: 5, rejectedCount: 0, rolledBack: false });
      const stored = await database.sql.run((connection) =>
        connection.query<{ value: string; lower: boolean }>(`SELECT value::text AS value, is_lower_bound AS lower FROM observation WHERE period_start BETWEEN '2025-06-10' AND '2025-06-14' ORDER BY period_start`),
      );
      expect(stored).toEqual([
        { value: '1234567.0000', lower: true },
        { value: '1234.5000', lower: false },
        { value: '12.7500', lower: false },
        { value: '0.0001', lower: false },
        { value: '610.0000', lower: false },
      ]);
      expect(await counts()).toEqual({ observations: before.observations + 5, audit: before.audit + 1, idempotency: before.idempotency + 1 });
    });

    it('refuses values that could mean two numbers, and decimal points in a ";" file, writing nothing', async () => {
      const before = await counts();
      const answer = await upload(csv(idHeader, idRow('610'), idRow('1.234', '02'), idRow('12.5', '03'), idRow('1,234.5', '04')));
      expect(answer.status).toBe(200);
      expect(answer.data?.importObservations).toMatchObject({
        rows: 4,
        inserted: 0,
        rejectedCount: 3,
        rolledBack: true,
        rejected: [
          {
            line: 3,
            record: 2,
            column: 'value',
            reason: 'value is ambiguous (got "1.234"): in a file separated by ";" it could be 1234 (with a thousands separator) or 1,234 (with a decimal point). Write 1234 or 1,234, or format the column as a number without thousands separators (Format Cells > Number, untick "Use 1000 Separator (.)") before saving',
          },
          { line: 4, record: 3, column: 'value', reason: 'value uses a decimal point (got "12.5") in a file separated by ";", where decimals are written with a comma: write 12,5, or save the file with "," as the separator and "." as the decimal point' },
          {
            line: 5,
            record: 4,
            column: 'value',
            reason: 'value is not a number written with a decimal comma (got "1,234.5"): write digits, optionally a comma and at most four decimals, such as 1234,5, or format the column as a number without thousands separators (Format Cells > Number, untick "Use 1000 Separator (.)") before saving',
          },
        ],
      });
      expect(await counts()).toEqual(before);
    });

    it('refuses days written day/month/year with how to format the column', async () => {
      const answer = await upload(csv(idHeader, 'passports_issued;610;01/06/2025;30/06/2025;kanwil-ditjenim-ntt;53;hostile-files-report;electronic'));
      expect(answer.data?.importObservations.rejected).toEqual([
        { line: 2, record: 1, column: 'period_start', reason: 'period_start must be a day written YYYY-MM-DD (got "01/06/2025", which could be day/month or month/day): format the column as yyyy-mm-dd (Format Cells > Custom) before saving' },
        { line: 2, record: 1, column: 'period_end', reason: 'period_end must be a day written YYYY-MM-DD (got "30/06/2025", which could be day/month or month/day): format the column as yyyy-mm-dd (Format Cells > Custom) before saving' },
      ]);
    });

    it('refuses a Windows-1252 ";" export with how to save it as UTF-8', async () => {
      const before = 'passports_issued;610;2025-06-01;2025-06-01;kanwil-ditjenim-ntt;53;hostile-files-report;';
      await expectRefused(
        bytes(`${idHeader}\n`, before, [0xe9], '\n'),
        `line 2, character ${before.length + 1}: the file is not UTF-8 text (byte 0xE9). A spreadsheet saved as "CSV (Comma delimited)" or "CSV (MS-DOS)" uses the Windows code page: save it as "CSV UTF-8 (Comma delimited) (*.csv)" instead (LibreOffice: Character set "Unicode (UTF-8)")`,
        { line: 2 },
      );
    });

    it('refuses a header that mixes separators', async () => {
      await expectRefused(csv('metric;value,period_start;source', 'x'), 'line 1: the header mixes "," and ";" as separators. Use one separator throughout the file (a comma, or the semicolon Excel writes under Indonesian settings)', { line: 1 });
    });
  });
});
