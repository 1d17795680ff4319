import type { ParsedRecord } from './import-record.ts';
import { fileRefused } from './import-refusal.ts';
import type { ObservationFields } from './observation-rules.ts';

const fieldNames = ['metric', 'value', 'unit', 'periodStart', 'periodEnd', 'officeCode', 'regionCode', 'program', 'campaign', 'source', 'isLowerBound', 'dimensions'];

/** The text's lines, numbered from 1 (the text is already limited to short lines by importText). */
async function* linesOf(text: AsyncIterable<string>): AsyncGenerator<{ line: number; text: string }> {
  let rest = '';
  let line = 0;
  for await (const chunk of text) {
    rest += chunk;
    let end: number;
    while ((end = rest.indexOf('\n')) >= 0) {
      yield { line: ++line, text: rest.slice(0, end).replace(/\r$/, '') };
      rest = rest.slice(end + 1);
    }
  }
  if (rest) yield { line: line + 1, text: rest.replace(/\r$/, '') };
}

/** Where JSON.parse stopped, as a character on the line (Node names the position in its message). */
function characterOf(error: unknown): number | null {
  const match = /position (\d+)/.exec((error as Error).message);
  return match ? Number(match[1]) + 1 : null;
}

function fieldsOf(object: Record<string, unknown>, line: number, record: number): ParsedRecord {
  const problems: ParsedRecord['problems'] = [];
  for (const key of Object.keys(object)) {
    if (!fieldNames.includes(key)) problems.push({ column: key, reason: `${key.slice(0, 100)} is not a field of an observation (fields: ${fieldNames.join(', ')})` });
  }
  const text = (v: unknown) => (v === undefined || v === null ? null : typeof v === 'string' ? v : typeof v === 'number' ? String(v) : JSON.stringify(v));
  let dimensions: Record<string, string> = {};
  if (object.dimensions !== undefined && object.dimensions !== null) {
    if (typeof object.dimensions !== 'object' || Array.isArray(object.dimensions))
      problems.push({ column: 'dimensions', reason: 'dimensions must be an object such as {"passport_type": "electronic"}' });
    else dimensions = Object.fromEntries(Object.entries(object.dimensions as Record<string, unknown>).map(([k, v]) => [k, text(v) ?? '']));
  }
  const fields: ObservationFields = {
    metric: text(object.metric),
    value: text(object.value),
    unit: text(object.unit),
    periodStart: text(object.periodStart),
    periodEnd: text(object.periodEnd),
    officeCode: text(object.officeCode),
    regionCode: text(object.regionCode),
    program: text(object.program),
    campaign: text(object.campaign),
    source: text(object.source),
    isLowerBound: typeof object.isLowerBound === 'boolean' ? object.isLowerBound : text(object.isLowerBound),
    dimensions,
  };
  return { line, record, fields, problems };
}

/**
 * Reads JSON Lines: one JSON object per line, blank lines skipped. A line that is not JSON, or is
 * JSON but not an object, refuses the whole file with its line, as does a file with no objects.
 */
export async function* readJsonLinesRecords(text: AsyncIterable<string>): AsyncGenerator<ParsedRecord> {
  let records = 0;
  for await (const { line, text: content } of linesOf(text)) {
    if (!content.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(content);
    } catch (error) {
      const hint = line === 1 && !content.trimStart().startsWith('{') ? ' If this is a CSV file, send it with format CSV (CLI: --format csv).' : '';
      throw fileRefused(`the line is not valid JSON. Each line must hold one JSON object, such as {"metric": "passports_issued", "value": "610", ...}.${hint}`, {
        line,
        character: characterOf(error),
      });
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      const kind = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
      throw fileRefused(`the line holds ${kind}, not a JSON object. Each line must hold one object with the fields of an observation`, { line });
    }
    records += 1;
    yield fieldsOf(value as Record<string, unknown>, line, records);
  }
  if (records === 0) throw fileRefused('the file has no rows: it holds no JSON object. Send one object per line');
}
