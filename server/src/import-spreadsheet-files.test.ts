import { describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@pantau/prisma';
import { bytes, csv, header, idHeader, idRow, importHarness, row } from './testing/import-harness.ts';

describe.each(testDatabaseKinds)('JSON Lines and spreadsheet import files on %s', (kind) => {
  const { upload, counts, expectRefused, database } = importHarness(kind);

  describe('JSON Lines', () => {
    const object = JSON.stringify({
      metric: 'passports_issued',
      value: '610',
      periodStart: '2025-06-01',
      periodEnd: '2025-06-30',
      officeCode: 'kanwil-ditjenim-ntt',
      regionCode: '53',
      source: 'hostile-files-report',
      dimensions: { passport_type: 'electronic' },
    });

    it('refuses a line that holds an array, a number or a string, naming the line', async () => {
      await expectRefused(`${object}\n[1,2]\n`, 'line 2: the line holds an array, not a JSON object. Each line must hold one object with the fields of an observation', {
        format: 'JSONL',
        line: 2,
      });
      await expectRefused(`${object}\n\n42\n`, 'line 3: the line holds a number, not a JSON object. Each line must hold one object with the fields of an observation', {
        format: 'JSONL',
        line: 3,
      });
      await expectRefused(`"${'x'.repeat(10)}"\n`, 'line 1: the line holds a string, not a JSON object. Each line must hold one object with the fields of an observation', {
        format: 'JSONL',
        line: 1,
      });
    });

    it('refuses a line that is not JSON, and a CSV sent as JSON Lines, with what to do', async () => {
      await expectRefused(
        `${object}\n{"metric": "passports_issued",}\n`,
        'line 2, character 31: the line is not valid JSON. Each line must hold one JSON object, such as {"metric": "passports_issued", "value": "610", ...}.',
        { format: 'JSONL', line: 2 },
      );
      const answer = await upload(csv(header, row()), { format: 'JSONL' });
      expect(answer.status).toBe(400);
      expect(answer.errors?.[0]?.message).toMatch(
        /^line 1(, character \d+)?: the line is not valid JSON\. .* If this is a CSV file, send it with format CSV \(CLI: --format csv\)\.$/,
      );
      await expectRefused(
        `${object}\n`,
        'line 1: the file starts like JSON Lines, not like a CSV header. Send it with format JSONL (CLI: --format jsonl), or send a CSV whose first line names the columns',
        { format: 'CSV', line: 1 },
      );
    });

    it('reports fields an observation does not have as rejected rows, writing nothing', async () => {
      const before = await counts();
      // July, not June: the same figure twice would be refused as well.
      const answer = await upload(`${object}\n${JSON.stringify({ ...JSON.parse(object), periodStart: '2025-07-01', periodEnd: '2025-07-31', colour: 'red' })}\n`, {
        format: 'JSONL',
      });
      expect(answer.data?.importObservations).toMatchObject({
        rows: 2,
        inserted: 0,
        rolledBack: true,
        rejected: [
          {
            line: 2,
            record: 2,
            column: 'colour',
            reason:
              'colour is not a field of an observation (fields: metric, value, unit, periodStart, periodEnd, officeCode, regionCode, program, campaign, source, isLowerBound, dimensions)',
          },
        ],
      });
      expect(await counts()).toEqual(before);
    });
  });

  describe('spreadsheets saved with Indonesian regional settings', () => {
    it('reads ";" as the separator and the decimal comma, with a UTF-8 byte-order mark, storing the exact values', async () => {
      const before = await counts();
      // 1.234.567 is 1234567; 1.234,5 is 1234.5; 12,75 is 12.75; 0,0001 is 0.0001; 610 is 610.
      const file = bytes(
        [0xef, 0xbb, 0xbf],
        `${idHeader};is_lower_bound\r\n`,
        ['1.234.567', '1.234,5', '12,75', '0,0001', '610'].map((value, i) => `${idRow(value, `1${i}`)};${i === 0 ? 'BENAR' : 'SALAH'}\r\n`).join(''),
        ';;;;;;;;\r\n',
      );
      const answer = await upload(file);
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.importObservations).toMatchObject({ rows: 5, inserted: 5, rejectedCount: 0, rolledBack: false });
      const stored = await database().sql.run((connection) =>
        connection.query<{ value: string; lower: boolean }>(
          `SELECT value::text AS value, is_lower_bound AS lower FROM observation WHERE period_start BETWEEN '2025-06-10' AND '2025-06-14' ORDER BY period_start`,
        ),
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
            reason:
              'value is ambiguous (got "1.234"): in a file separated by ";" it could be 1234 (with a thousands separator) or 1,234 (with a decimal point). Write 1234 or 1,234, or format the column as a number without thousands separators (Format Cells > Number, untick "Use 1000 Separator (.)") before saving',
          },
          {
            line: 4,
            record: 3,
            column: 'value',
            reason:
              'value uses a decimal point (got "12.5") in a file separated by ";", where decimals are written with a comma: write 12,5, or save the file with "," as the separator and "." as the decimal point',
          },
          {
            line: 5,
            record: 4,
            column: 'value',
            reason:
              'value is not a number written with a decimal comma (got "1,234.5"): write digits, optionally a comma and at most four decimals, such as 1234,5, or format the column as a number without thousands separators (Format Cells > Number, untick "Use 1000 Separator (.)") before saving',
          },
        ],
      });
      expect(await counts()).toEqual(before);
    });

    it('refuses days written day/month/year with how to format the column', async () => {
      const answer = await upload(csv(idHeader, 'passports_issued;610;01/06/2025;30/06/2025;kanwil-ditjenim-ntt;53;hostile-files-report;electronic'));
      expect(answer.data?.importObservations.rejected).toEqual([
        {
          line: 2,
          record: 1,
          column: 'period_start',
          reason:
            'period_start must be a day written YYYY-MM-DD (got "01/06/2025", which could be day/month or month/day): format the column as yyyy-mm-dd (Format Cells > Custom) before saving',
        },
        {
          line: 2,
          record: 1,
          column: 'period_end',
          reason:
            'period_end must be a day written YYYY-MM-DD (got "30/06/2025", which could be day/month or month/day): format the column as yyyy-mm-dd (Format Cells > Custom) before saving',
        },
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
      await expectRefused(
        csv('metric;value,period_start;source', 'x'),
        'line 1: the header mixes "," and ";" as separators. Use one separator throughout the file (a comma, or the semicolon Excel writes under Indonesian settings)',
        { line: 1 },
      );
    });
  });
});
