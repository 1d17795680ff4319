import { fileRefused } from './import-refusal.ts';

/** The longest physical line an import reads (bytes). No observation comes near it; a longer line is a wrong file. */
export const MAX_LINE_BYTES = 16_384;
/** The longest single field (characters): a dimension value is at most 100, every key far less. */
export const MAX_FIELD_CHARS = 1_024;

const saveAsCsv = 'Open it in Excel or LibreOffice and save it as "CSV UTF-8 (Comma delimited) (*.csv)", then import that file';

/** Files that are not text, recognised by their first bytes. */
const signatures: { bytes: number[]; what: string; fix: string }[] = [
  { bytes: [0x1f, 0x8b], what: 'a gzip-compressed file', fix: 'Decompress it first (gunzip) and import the CSV or JSON Lines file inside' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a zip archive (an .xlsx or .ods workbook is one)', fix: `${saveAsCsv}; for a .zip, extract the file first` },
  { bytes: [0x50, 0x4b, 0x05, 0x06], what: 'an empty zip archive', fix: 'Import the CSV or JSON Lines file itself' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'an old Excel workbook (.xls)', fix: saveAsCsv },
  { bytes: [0x42, 0x5a, 0x68], what: 'a bzip2-compressed file', fix: 'Decompress it first and import the file inside' },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: 'an xz-compressed file', fix: 'Decompress it first and import the file inside' },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], what: 'a zstd-compressed file', fix: 'Decompress it first and import the file inside' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive', fix: 'Extract it first and import the file inside' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document', fix: 'Export the table as CSV UTF-8 instead' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image', fix: 'Export the table as CSV UTF-8 instead' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image', fix: 'Export the table as CSV UTF-8 instead' },
  // UTF-32 LE starts like UTF-16 LE, so it comes first.
  { bytes: [0xff, 0xfe, 0x00, 0x00], what: 'UTF-32 text', fix: 'Save it as UTF-8 (in Excel: "CSV UTF-8 (Comma delimited) (*.csv)")' },
  { bytes: [0x00, 0x00, 0xfe, 0xff], what: 'UTF-32 text', fix: 'Save it as UTF-8 (in Excel: "CSV UTF-8 (Comma delimited) (*.csv)")' },
  { bytes: [0xff, 0xfe], what: 'UTF-16 text (Excel\'s "Unicode Text" saves this)', fix: 'Save it as UTF-8 instead (in Excel: "CSV UTF-8 (Comma delimited) (*.csv)")' },
  { bytes: [0xfe, 0xff], what: 'UTF-16 text', fix: 'Save it as UTF-8 instead (in Excel: "CSV UTF-8 (Comma delimited) (*.csv)")' },
];

function refuseSignature(head: Uint8Array): void {
  for (const { bytes, what, fix } of signatures) {
    if (head.length >= bytes.length && bytes.every((b, i) => head[i] === b))
      throw fileRefused(`this is ${what}, not a CSV or JSON Lines text file. ${fix}.`, { line: 1, character: 1 });
  }
}

/** Bytes from any chunked source, as Uint8Array chunks. */
export type ByteChunks = AsyncIterable<Uint8Array>;

/**
 * Checks an import file byte by byte while it streams and hands on its text: refuses compressed,
 * binary and UTF-16 files from their first bytes, skips a UTF-8 byte-order mark, and refuses invalid
 * UTF-8 (such as a Windows-1252 export), NUL and other control bytes, and lines over `MAX_LINE_BYTES`,
 * each with its line and column. `onBytes` sees every byte as received (for the file's hash).
 */
export async function* importText(chunks: ByteChunks, onBytes: (chunk: Uint8Array) => void): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let line = 1;
  let column = 0;
  let lineBytes = 0;
  let first = true;
  let empty = true;
  // UTF-8 state: continuation bytes still expected, and the allowed range of the next one.
  let pending = 0;
  let low = 0x80;
  let high = 0xbf;
  let lead = 0;
  let head: Uint8Array = new Uint8Array(0);

  const notUtf8 = (byte: number) =>
    fileRefused(
      `the file is not UTF-8 text (byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')}). A spreadsheet saved as "CSV (Comma delimited)" or "CSV (MS-DOS)" uses the Windows code page: save it as "CSV UTF-8 (Comma delimited) (*.csv)" instead (LibreOffice: Character set "Unicode (UTF-8)")`,
      { line, character: column },
    );

  const scan = (bytes: Uint8Array): void => {
    for (let i = 0; i < bytes.length; i += 1) {
      const byte = bytes[i] ?? 0;
      if (pending > 0) {
        if (byte < low || byte > high) throw notUtf8(lead);
        pending -= 1;
        low = 0x80;
        high = 0xbf;
        lineBytes += 1;
        continue;
      }
      lineBytes += 1;
      if (byte === 0x0a) {
        line += 1;
        column = 0;
        lineBytes = 0;
        continue;
      }
      if (lineBytes > MAX_LINE_BYTES) {
        throw fileRefused(
          `the line is longer than ${MAX_LINE_BYTES} bytes, the longest line an import reads (no field may exceed ${MAX_FIELD_CHARS} characters). Check for a quote that is never closed, or for a file that is not a table of observations`,
          { line },
        );
      }
      column += 1;
      if (byte < 0x80) {
        if (byte < 0x20 && byte !== 0x09 && byte !== 0x0d) {
          throw fileRefused(
            byte === 0
              ? 'the file contains a NUL byte, so it is binary or UTF-16, not UTF-8 text. Import a CSV or JSON Lines file saved as UTF-8'
              : `the file contains the control character 0x${byte.toString(16).padStart(2, '0')}, which no CSV or JSON Lines text has. Import a CSV or JSON Lines file saved as UTF-8`,
            { line, character: column },
          );
        }
        continue;
      }
      lead = byte;
      if (byte >= 0xc2 && byte <= 0xdf) pending = 1;
      else if (byte >= 0xe0 && byte <= 0xef) {
        pending = 2;
        if (byte === 0xe0) low = 0xa0;
        if (byte === 0xed) high = 0x9f; // no UTF-16 surrogates
      } else if (byte >= 0xf0 && byte <= 0xf4) {
        pending = 3;
        if (byte === 0xf0) low = 0x90;
        if (byte === 0xf4) high = 0x8f; // nothing above U+10FFFF
      } else throw notUtf8(byte);
    }
  };

  const text = (bytes: Uint8Array, final = false): string => {
    scan(bytes);
    return decoder.decode(bytes, { stream: !final });
  };

  for await (const raw of chunks) {
    const chunk = raw instanceof Uint8Array ? raw : new Uint8Array(raw as ArrayBufferLike);
    if (chunk.length === 0) continue;
    onBytes(chunk);
    empty = false;
    if (first) {
      // Enough of the start to recognise a signature (the longest is 8 bytes).
      head = head.length ? Buffer.concat([head, chunk]) : chunk;
      if (head.length < 8) continue;
      first = false;
      refuseSignature(head);
      const start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
      yield text(head.subarray(start));
      continue;
    }
    const decoded = text(chunk);
    if (decoded) yield decoded;
  }
  if (empty) throw fileRefused('the file has no rows: it is empty (0 bytes). Send a CSV with a header row and at least one row of figures, or JSON Lines with at least one object');
  if (first) {
    refuseSignature(head);
    const start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
    const decoded = text(head.subarray(start));
    if (decoded) yield decoded;
  }
  if (pending > 0)
    throw fileRefused('the file ends in the middle of a UTF-8 character: it was cut short or is not UTF-8. Send the whole file, saved as UTF-8', { line, character: column });
  const rest = decoder.decode();
  if (rest) yield rest;
}
