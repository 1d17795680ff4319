import type { Statements } from './statements.ts';

/**
 * The rules every observation meets, single or imported, as set-based SQL over a relation `staged`
 * of observations as callers send them (every field text; `dimensions` a JSON array of [key, value]
 * pairs in the caller's order). Each distinct code or key is looked up once by a join, whatever the
 * number of rows. `checkedObservations` resolves each row; `observationViolations` lists every rule a
 * row breaks (record, ordinal, field, rule), in the order the fields are named in `ObservationInput`.
 */

/** Columns of `staged`, as COPY and `jsonb_to_recordset` name them. */
export const stagedColumns = [
  'record',
  'line',
  'metric',
  'value',
  'unit',
  'period_start',
  'period_end',
  'office_code',
  'region_code',
  'program',
  'campaign',
  'source',
  'is_lower_bound',
  'dimensions',
  'problems',
] as const;
export const stagedColumnTypes =
  'record int, line int, metric text, value text, unit text, period_start text, period_end text, office_code text, region_code text, program text, campaign text, source text, is_lower_bound text, dimensions jsonb, problems jsonb';

/** A real day written YYYY-MM-DD, else null (year 0 is 1 BC, as JavaScript's Date reads it). */
const day = (text: string) => `CASE WHEN ${text} ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' THEN
  CASE WHEN substr(${text}, 9, 2)::int <= extract(day FROM make_date(2000, substr(${text}, 6, 2)::int, 1) + interval '1 month - 1 day')
        AND (substr(${text}, 6, 5) <> '02-29' OR (substr(${text}, 1, 4)::int % 4 = 0 AND (substr(${text}, 1, 4)::int % 100 <> 0 OR substr(${text}, 1, 4)::int % 400 = 0)))
       THEN make_date(CASE substr(${text}, 1, 4)::int WHEN 0 THEN -1 ELSE substr(${text}, 1, 4)::int END, substr(${text}, 6, 2)::int, substr(${text}, 9, 2)::int) END END`;

/**
 * `$1`: the office ids the caller may write (null: any); `$2`: the last moment a period may end (a
 * year from now, UTC). The statement using it supplies `staged`.
 */
export const checkedObservations = `
  checked AS (
    SELECT s.record, s.line, s.problems, s.dimensions AS dimension_pairs,
           s.metric, m.id AS metric_id, m.key AS metric_key, m.unit::text AS metric_unit, m.dimensions AS metric_dimensions,
           t.value, nullif(s.unit, '') AS unit, s.period_start, s.period_end, t.starts, t.ends,
           nullif(s.office_code, '') AS office_code, o.id AS office_id, nullif(s.region_code, '') AS region_code, r.code AS known_region,
           nullif(s.program, '') AS program, p.id AS program_id, nullif(s.campaign, '') AS campaign, c.id AS campaign_id,
           nullif(s.source, '') AS source, src.id AS source_id, s.is_lower_bound,
           CASE WHEN coalesce(s.is_lower_bound, '') = '' THEN false WHEN t.lower_bound IN ('true', '1', 'yes', 'ya') THEN true WHEN t.lower_bound IN ('false', '0', 'no', 'tidak') THEN false END AS lower_bound
    FROM staged s
    CROSS JOIN LATERAL (SELECT regexp_replace(coalesce(s.value, ''), '^[[:space:]]+|[[:space:]]+$', '', 'g') AS value,
                               ${day('s.period_start')} AS starts, ${day('coalesce(s.period_end, s.period_start)')} AS ends,
                               lower(regexp_replace(s.is_lower_bound, '^[[:space:]]+|[[:space:]]+$', '', 'g')) AS lower_bound) t
    LEFT JOIN metric m ON m.key = nullif(s.metric, '')
    LEFT JOIN office o ON o.code = nullif(s.office_code, '')
    LEFT JOIN region r ON r.code = nullif(s.region_code, '')
    LEFT JOIN program p ON p.key = nullif(s.program, '')
    LEFT JOIN campaign c ON c.slug = nullif(s.campaign, '')
    LEFT JOIN source src ON src.key = nullif(s.source, '')
  )`;

/** What `value` must look like: a non-negative decimal of at most 16 digits before and 4 after the point (SQL text). */
export const decimalPattern = `'^[0-9]{1,16}(\\.[0-9]{1,4})?$'`;

/**
 * Each rule: its position among the fields, the field it names (text, or an SQL expression), and its
 * cases as [condition, message] pairs, the first that holds giving the message. A row that meets no
 * condition is let through without building any message: most rows of a good file.
 */
const rules: { ordinal: number; field: string; cases: [string, string][] }[] = [
  {
    ordinal: 1,
    field: `'metric'`,
    cases: [
      [`k.metric IS NULL OR k.metric = ''`, `'is required (a metric key such as \`passports_issued\`)'`],
      [`k.metric_id IS NULL`, `format('must be a known metric key (got "%s"; the \`metrics\` query lists them)', k.metric)`],
    ],
  },
  {
    ordinal: 2,
    field: `'value'`,
    cases: [
      [`k.value = ''`, `'is required'`],
      [`k.value !~ ${decimalPattern}`, `format('must be a non-negative decimal with at most 16 digits before and 4 after the point (got "%s")', k.value)`],
    ],
  },
  {
    ordinal: 3,
    field: `'unit'`,
    cases: [
      [`k.unit IS NOT NULL AND k.metric_id IS NOT NULL AND k.unit <> k.metric_unit`, `format('must be %s, the unit of \`%s\` (got "%s")', k.metric_unit, k.metric_key, k.unit)`],
    ],
  },
  { ordinal: 4, field: `'periodStart'`, cases: [[`k.starts IS NULL`, `format('must be a real day written YYYY-MM-DD (got "%s")', coalesce(k.period_start, ''))`]] },
  { ordinal: 5, field: `'periodEnd'`, cases: [[`k.ends IS NULL`, `format('must be a real day written YYYY-MM-DD (got "%s")', coalesce(k.period_end, ''))`]] },
  {
    ordinal: 6,
    field: `CASE WHEN k.ends >= k.starts AND k.starts < DATE '1950-01-01' THEN 'periodStart' ELSE 'periodEnd' END`,
    cases: [
      [`k.ends < k.starts`, `'must not be before \`periodStart\`'`],
      [`k.starts < DATE '1950-01-01'`, `'must be 1950-01-01 or later'`],
      [`k.ends::timestamp > $2::timestamp`, `'must be within a year from today'`],
      [`k.ends - k.starts > 1830`, `'must be at most five years after \`periodStart\`'`],
    ],
  },
  { ordinal: 8, field: `'officeCode'`, cases: [[`k.office_code IS NOT NULL AND k.office_id IS NULL`, `format('must be a known office code (got "%s")', k.office_code)`]] },
  {
    ordinal: 9,
    field: `'officeCode'`,
    cases: [
      [`$1::int[] IS NOT NULL AND k.office_id IS NULL`, `'is required: this API key may only write figures of its own office and its units'`],
      [`NOT k.office_id = ANY($1::int[])`, `format('is outside what this API key may write (its office and the offices under it; got "%s")', k.office_code)`],
    ],
  },
  {
    ordinal: 10,
    field: `'regionCode'`,
    cases: [[`k.region_code IS NOT NULL AND k.known_region IS NULL`, `format('must be a Kemendagri code in the \`regions\` list (got "%s")', k.region_code)`]],
  },
  { ordinal: 11, field: `'officeCode'`, cases: [[`k.office_code IS NULL AND k.region_code IS NULL`, `'or \`regionCode\` is required: a figure belongs to an office or a place'`]] },
  { ordinal: 12, field: `'program'`, cases: [[`k.program IS NOT NULL AND k.program_id IS NULL`, `format('must be a known program key (got "%s")', k.program)`]] },
  { ordinal: 13, field: `'campaign'`, cases: [[`k.campaign IS NOT NULL AND k.campaign_id IS NULL`, `format('must be a known campaign slug (got "%s")', k.campaign)`]] },
  {
    ordinal: 14,
    field: `'source'`,
    cases: [
      [`k.source IS NULL`, `'is required: every figure cites the source it comes from (a source key)'`],
      [`k.source_id IS NULL`, `format('must be a known source key (got "%s"; create the source first)', k.source)`],
    ],
  },
  { ordinal: 15, field: `'isLowerBound'`, cases: [[`k.lower_bound IS NULL`, `format('must be true or false (got "%s")', k.is_lower_bound)`]] },
];

const ruleRows = rules
  .map(({ ordinal, field, cases }) => `(${ordinal}, ${field}, CASE ${cases.map(([when, message]) => `WHEN ${when} THEN ${message}`).join(' ')} END)`)
  .join(',\n      ');
const anyRuleBroken = rules.flatMap(({ cases }) => cases.map(([when]) => `coalesce(${when}, false)`)).join(' OR ');

export const observationViolations = `
  violations AS (
    SELECT k.record, k.line, k.problems, v.ordinal, 0 AS suborder, v.field, v.rule
    FROM checked k
    CROSS JOIN LATERAL (VALUES
      ${ruleRows}
    ) v(ordinal, field, rule)
    WHERE (${anyRuleBroken}) AND v.rule IS NOT NULL
    UNION ALL
    SELECT k.record, k.line, k.problems, 7, d.position, 'dimensions.' || (d.pair->>0),
           CASE WHEN NOT (d.pair->>0 = ANY(k.metric_dimensions))
                THEN format('is not a dimension of \`%s\` (valid: %s)', k.metric_key, coalesce(nullif(array_to_string(k.metric_dimensions, ', '), ''), 'none'))
                ELSE 'must be 1 to 100 characters' END
    FROM checked k
    CROSS JOIN LATERAL jsonb_array_elements(k.dimension_pairs) WITH ORDINALITY d(pair, position)
    WHERE k.metric_id IS NOT NULL AND (NOT (d.pair->>0 = ANY(k.metric_dimensions)) OR coalesce(d.pair->>1, '') = '' OR length(d.pair->>1) > 100)
  )`;

/** The columns of `observation` a checked row fills, in `observationColumns` order (synthetic and published follow). */
export const resolvedObservation = `k.metric_id, k.value::numeric, k.starts, k.ends, k.office_id, k.region_code, k.program_id, k.campaign_id, k.source_id, k.lower_bound,
  (SELECT coalesce(jsonb_object_agg(d.pair->>0, d.pair->>1 ORDER BY d.position), '{}') FROM jsonb_array_elements(k.dimension_pairs) WITH ORDINALITY d(pair, position))`;

/** The parameters `$1` and `$2` of the statements above. */
export function checkParameters(writableOffices: Set<number> | null, now = Date.now()): [number[] | null, string] {
  return [writableOffices ? [...writableOffices] : null, new Date(now + 366 * 86_400_000).toISOString().replace('Z', '')];
}

export interface StagedViolation {
  field: string;
  rule: string;
}

/** Every rule one staged observation breaks, for a single write. */
export async function violationsOf(statements: Statements, staged: string, params: readonly unknown[]): Promise<StagedViolation[]> {
  return statements<StagedViolation>(
    `WITH staged AS (${staged}), ${checkedObservations}, ${observationViolations} SELECT field, rule FROM violations ORDER BY record, ordinal, suborder`,
    params,
  );
}
