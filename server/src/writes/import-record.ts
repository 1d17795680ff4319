import type { ObservationFields } from './observation-rules.ts';

/** One record of an import file, ready for the observation rules. */
export interface ParsedRecord {
  /** Line in the file where the record starts. */
  line: number;
  /** 1-based position of the record among the file's records. */
  record: number;
  fields: ObservationFields;
  /** Problems found while reading the record itself (an ambiguous number, a day in the wrong order). */
  problems: { column: string; reason: string }[];
}

/** CSV column → `ObservationInput` field. */
export const csvColumns: Record<string, keyof ObservationFields> = {
  metric: 'metric',
  value: 'value',
  unit: 'unit',
  period_start: 'periodStart',
  period_end: 'periodEnd',
  office_code: 'officeCode',
  region_code: 'regionCode',
  program: 'program',
  campaign: 'campaign',
  source: 'source',
  is_lower_bound: 'isLowerBound',
};
