import type { Violation } from '../schema/errors.ts';
import { checkedObservations, checkParameters, observationViolations, stagedColumnTypes } from './observation-checks.ts';
import type { Statements } from './statements.ts';

/** An observation as a caller sends it: every field text, as in a CSV row or a GraphQL input. */
export interface ObservationFields {
  metric?: string | null;
  value?: string | null;
  unit?: string | null;
  periodStart?: string | null;
  periodEnd?: string | null;
  officeCode?: string | null;
  regionCode?: string | null;
  program?: string | null;
  campaign?: string | null;
  source?: string | null;
  isLowerBound?: boolean | string | null;
  dimensions?: Record<string, string> | null;
}

export interface ObservationData {
  metricId: number;
  value: string;
  periodStart: Date;
  periodEnd: Date;
  officeId: number | null;
  regionCode: string | null;
  programId: number | null;
  campaignId: number | null;
  sourceId: number;
  isLowerBound: boolean;
  dimensions: Record<string, string>;
}

/** One observation as the one-row `staged` relation of the checks (see `observation-checks.ts`). */
const oneStaged = `SELECT * FROM jsonb_to_recordset($3::jsonb) AS s(${stagedColumnTypes})`;

const stagedJson = (fields: ObservationFields) =>
  JSON.stringify([
    {
      record: 1,
      line: null,
      metric: fields.metric ?? null,
      value: fields.value ?? null,
      unit: fields.unit ?? null,
      period_start: fields.periodStart ?? null,
      period_end: fields.periodEnd ?? null,
      office_code: fields.officeCode ?? null,
      region_code: fields.regionCode ?? null,
      program: fields.program ?? null,
      campaign: fields.campaign ?? null,
      source: fields.source ?? null,
      is_lower_bound: fields.isLowerBound === undefined || fields.isLowerBound === null ? null : String(fields.isLowerBound),
      dimensions: Object.entries(fields.dimensions ?? {}),
      problems: [],
    },
  ]);

interface ResolvedRow extends Omit<ObservationData, 'periodStart' | 'periodEnd'> {
  periodStart: string;
  periodEnd: string;
}

const day = (text: string) => new Date(`${text}T00:00:00Z`);

/**
 * Checks one observation with the same set-based rules as an import and returns either what to store
 * or every rule it breaks, each field named with `prefix` (`input.value`).
 */
export async function checkObservation(
  statements: Statements,
  fields: ObservationFields,
  options: { prefix?: string; writableOffices: Set<number> | null },
): Promise<{ data: ObservationData; violations: [] } | { data: null; violations: Violation[] }> {
  // One statement, so one round trip and one plan: the rules broken, and what to store when none is.
  const [row] = await statements<ResolvedRow & { violations: Violation[] }>(
    `WITH staged AS (${oneStaged}), ${checkedObservations}, ${observationViolations}
     SELECT (SELECT coalesce(json_agg(json_build_object('field', v.field, 'rule', v.rule) ORDER BY v.ordinal, v.suborder), '[]') FROM violations v) AS violations,
            k.metric_id AS "metricId", k.value, k.starts::text AS "periodStart", k.ends::text AS "periodEnd", k.office_id AS "officeId", k.region_code AS "regionCode",
            k.program_id AS "programId", k.campaign_id AS "campaignId", k.source_id AS "sourceId", k.lower_bound AS "isLowerBound",
            (SELECT coalesce(jsonb_object_agg(d.pair->>0, d.pair->>1 ORDER BY d.position), '{}') FROM jsonb_array_elements(k.dimension_pairs) WITH ORDINALITY d(pair, position)) AS dimensions
     FROM checked k`,
    [...checkParameters(options.writableOffices), stagedJson(fields)],
  );
  if (!row) throw new Error('The checked observation was not resolved');
  const { violations, ...resolved } = row;
  if (violations.length > 0) return { data: null, violations: violations.map((v) => ({ field: `${options.prefix ?? ''}${v.field}`, rule: v.rule })) };
  return { data: { ...resolved, periodStart: day(resolved.periodStart), periodEnd: day(resolved.periodEnd) }, violations: [] };
}
