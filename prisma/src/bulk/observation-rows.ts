import type { SqlConnection } from '../sql-driver.ts';
import { copyRows } from './copy-rows.ts';

/** An observation ready to store: every reference already resolved to its id. */
export interface ObservationRow {
  metricId: number;
  /** Exact decimal text, e.g. `"1234.5"`. */
  value: string;
  periodStart: Date | string;
  periodEnd: Date | string;
  officeId: number | null;
  regionCode: string | null;
  programId: number | null;
  campaignId: number | null;
  sourceId: number;
  isLowerBound: boolean;
  dimensions: Record<string, string>;
  synthetic: boolean;
  published: boolean;
}

export const observationColumns = [
  'metric_id',
  'value',
  'period_start',
  'period_end',
  'office_id',
  'region_code',
  'program_id',
  'campaign_id',
  'source_id',
  'is_lower_bound',
  'dimensions',
  'synthetic',
  'published',
] as const;

/** Stores many observations with one COPY (the rollups follow through the observation table's statement triggers). */
export async function insertObservations(connection: SqlConnection, rows: AsyncIterable<ObservationRow> | Iterable<ObservationRow>): Promise<number> {
  return copyRows(
    connection,
    'observation',
    observationColumns,
    (async function* () {
      for await (const o of rows)
        yield [
          o.metricId,
          o.value,
          o.periodStart,
          o.periodEnd,
          o.officeId,
          o.regionCode,
          o.programId,
          o.campaignId,
          o.sourceId,
          o.isLowerBound,
          o.dimensions,
          o.synthetic,
          o.published,
        ];
    })(),
  );
}
