/**
 * Numbers from a `;`-separated CSV, as Excel writes them under Indonesian (id-ID) regional settings:
 * decimal comma, and `.` between groups of three digits (`1.234,5` is 1234.5). A value is converted
 * only when it can mean one number; anything that could mean two is refused, because an exact
 * figure read wrongly is worse than a figure not read.
 */
export type DecimalReading = { value: string } | { problem: string };

const howToExport = 'format the column as a number without thousands separators (Format Cells > Number, untick "Use 1000 Separator (.)") before saving';

export function readDecimalComma(raw: string): DecimalReading {
  const text = raw.trim();
  if (/^\d+$/.test(text)) return { value: text };
  if (/^\d+,\d+$/.test(text)) return { value: text.replace(',', '.') };
  // Dots between groups of three digits, then a decimal comma: the comma says which is which.
  if (/^\d{1,3}(\.\d{3})+,\d+$/.test(text)) return { value: text.replaceAll('.', '').replace(',', '.') };
  // Two or more dots can only be group separators (1.234.567).
  if (/^\d{1,3}(\.\d{3}){2,}$/.test(text)) return { value: text.replaceAll('.', '') };
  if (/^\d{1,3}\.\d{3}$/.test(text)) {
    return {
      problem: `is ambiguous (got "${text}"): in a file separated by ";" it could be ${text.replace('.', '')} (with a thousands separator) or ${text.replace('.', ',')} (with a decimal point). Write ${text.replace('.', '')} or ${text.replace('.', ',')}, or ${howToExport}`,
    };
  }
  if (/^\d+\.\d+$/.test(text)) {
    return {
      problem: `uses a decimal point (got "${text}") in a file separated by ";", where decimals are written with a comma: write ${text.replace('.', ',')}, or save the file with "," as the separator and "." as the decimal point`,
    };
  }
  if (/^[\d.,]+$/.test(text) && /\d/.test(text)) {
    return {
      problem: `is not a number written with a decimal comma (got "${text}"): write digits, optionally a comma and at most four decimals, such as 1234,5, or ${howToExport}`,
    };
  }
  // Not a number at all (empty, negative, words): the observation rules name what is wrong.
  return { value: text };
}
