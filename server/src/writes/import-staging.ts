import { copyRows, type CopyValue, type SqlConnection } from '@pantau/prisma';
import { csvColumns, type ParsedRecord } from './import-record.ts';
import { keyedObservations, keyViolations } from './import-key-rules.ts';
import { checkedObservations, decimalPattern, observationViolations, stagedColumns, stagedColumnTypes } from './observation-checks.ts';

/** CSV with a header row, or JSON Lines (one JSON object per line). */
export type ImportFormat = 'CSV' | 'JSONL';

export interface RejectedRow {
  /** Line in the file where the record starts. */
  line: number | null;
  /** 1-based position of the record among the file's records. */
  record: number;
  column: string;
  reason: string;
}

const MAX_REPORTED = 1_000;

const text = (value: unknown): string | null => (value === undefined || value === null ? null : String(value));

function stagedRow({ record, line, fields, problems }: ParsedRecord): CopyValue[] {
  return [
    record,
    line,
    fields.metric,
    fields.value,
    fields.unit,
    fields.periodStart,
    fields.periodEnd,
    fields.officeCode,
    fields.regionCode,
    fields.program,
    fields.campaign,
    fields.source,
    text(fields.isLowerBound),
    Object.entries(fields.dimensions ?? {}),
    problems.map((problem) => [problem.column, problem.reason]),
  ];
}

/**
 * Streams the file's records into a temporary table with COPY (dropped when the transaction ends)
 * and returns how many there were.
 */
export async function stageRecords(connection: SqlConnection, records: AsyncIterable<ParsedRecord>): Promise<number> {
  await connection.exec(`CREATE TEMPORARY TABLE import_staging (${stagedColumnTypes}) ON COMMIT DROP`);
  return copyRows(
    connection,
    'import_staging',
    stagedColumns,
    (async function* () {
      for await (const record of records) yield stagedRow(record);
    })(),
  );
}

/** How a rule's field is named in the report: the CSV column (`period_start`, `dim.<key>`) or the JSON field. */
function columnNaming(format: ImportFormat): [Record<string, string>, string] {
  if (format === 'JSONL') return [{}, 'dimensions.'];
  return [Object.fromEntries(Object.entries(csvColumns).map(([column, field]) => [field, column])), 'dim.'];
}

/**
 * Resolves the staged file once, for both the checks and the store: `import_checked` holds each record
 * with its references looked up (see `checkedObservations`), `import_keyed` each record whose key is
 * resolved, with the stored observation of that key and whether the file changes it (see
 * `keyedObservations`). Both are dropped when the transaction ends.
 */
export async function resolveStaged(connection: SqlConnection): Promise<void> {
  await connection.exec(`CREATE TEMPORARY TABLE import_checked ON COMMIT DROP AS
    WITH staged AS (SELECT * FROM import_staging), ${checkedObservations} SELECT * FROM checked`);
  // Temporary tables are never analysed on their own: without counts the planner guesses the file's size.
  await connection.exec('ANALYZE import_checked');
  await connection.exec(`CREATE TEMPORARY TABLE import_keyed ON COMMIT DROP AS
    WITH checked AS (SELECT * FROM import_checked), ${keyedObservations}
    SELECT k.*, v.decimal_value,
           (k.existing_value, k.existing_lower_bound, k.existing_source_id) IS DISTINCT FROM (v.decimal_value, k.lower_bound, k.source_id) AS changed
    FROM keyed k
    -- Rows are resolved before they are checked, so a value that is not a decimal (rejected later) must not be cast.
    CROSS JOIN LATERAL (SELECT CASE WHEN k.value ~ ${decimalPattern} THEN k.value::numeric END AS decimal_value) v`);
}

/**
 * Every rejection of the staged file (resolved by `resolveStaged`), set-based, in file order: for each record the problems its
 * reader found, then the rules it breaks, then the rules of its natural key (`keyParams`, see
 * import-key-rules.ts), a column the reader already faulted named once. Returns the count of all and
 * the first 1,000.
 */
export async function stagedRejections(
  connection: SqlConnection,
  format: ImportFormat,
  checkParams: readonly unknown[],
  keyParams: readonly unknown[],
): Promise<{ count: number; first: RejectedRow[] }> {
  const [fieldColumns, dimensionPrefix] = columnNaming(format);
  const rows = await connection.query<RejectedRow & { total: number }>(
    `WITH checked AS (SELECT * FROM import_checked), ${observationViolations}, keyed AS (SELECT * FROM import_keyed), ${keyViolations},
     broken AS (SELECT * FROM violations UNION ALL SELECT * FROM key_violations),
     report AS (
       SELECT s.record, s.line, 0 AS phase, p.position AS ordinal, 0 AS suborder, p.item->>0 AS "column", p.item->>1 AS reason
       FROM import_staging s CROSS JOIN LATERAL jsonb_array_elements(s.problems) WITH ORDINALITY p(item, position)
       UNION ALL
       SELECT v.record, v.line, 1, v.ordinal, v.suborder, n.name, n.name || ' ' || v.rule
       FROM broken v
       CROSS JOIN LATERAL (SELECT CASE WHEN v.field LIKE 'dimensions.%' THEN $4 || substr(v.field, 12) ELSE coalesce($3::jsonb->>v.field, v.field) END AS name) n
       WHERE NOT v.problems @> jsonb_build_array(jsonb_build_array(n.name))
     )
     SELECT (count(*) OVER ())::int AS total, record, line, "column", reason FROM report ORDER BY record, phase, ordinal, suborder LIMIT ${MAX_REPORTED}`,
    [...checkParams, JSON.stringify(fieldColumns), dimensionPrefix, ...keyParams],
  );
  return { count: rows[0]?.total ?? 0, first: rows.map(({ line, record, column, reason }) => ({ line, record, column, reason })) };
}
