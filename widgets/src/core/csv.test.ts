import { describe, expect, it } from 'vitest';
import { toCsv, type Column } from './csv.ts';

interface Row {
  name: string;
  value: string;
}

const columns: Column<Row>[] = [
  { header: 'Nama', raw: (row) => row.name, display: (row) => row.name },
  { header: 'Nilai', raw: (row) => row.value, display: (row) => row.value, numeric: true },
];

describe('CSV downloads', () => {
  it('write RFC 4180 lines with CRLF, quoting commas, quotes and line breaks', () => {
    expect(
      toCsv(columns, [
        { name: 'Kupang, NTT', value: '7150' },
        { name: 'Kanim "Atambua"\nBelu', value: '12.5' },
      ]),
    ).toBe('Nama,Nilai\r\n"Kupang, NTT",7150\r\n"Kanim ""Atambua""\nBelu",12.5\r\n');
  });

  it('defuse cells a spreadsheet would run as a formula, but keep negative numbers numbers', () => {
    expect(
      toCsv(columns, [
        { name: '=HYPERLINK("x")', value: '-42' },
        { name: '@SUM(A1)', value: '-3.5' },
        { name: '+1', value: '-x' },
      ]),
    ).toBe(`Nama,Nilai\r\n"'=HYPERLINK(""x"")",-42\r\n'@SUM(A1),-3.5\r\n'+1,'-x\r\n`);
  });
});
