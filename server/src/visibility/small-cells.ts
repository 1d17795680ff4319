import type { Metric as MetricRow } from '@pantau/prisma/client';
import type { SuppressionPolicy } from '../analytics/series-answer.ts';
import type { Granularity } from '../analytics/rollup-planner.ts';
import type { SeriesRow } from '../analytics/series.ts';
import { belowThreshold, suppressCells, type SuppressionRule } from '../analytics/suppression.ts';
import type { AuthScopes } from '../context.ts';
import { mayReadUnpublished } from './observations.ts';

/** A hidden cell's rule and the threshold it applied, as every read path reports it. */
export interface CellSuppression {
  rule: SuppressionRule;
  threshold: number;
}

type Scopes = Pick<AuthScopes, 'readRestricted' | 'admin'>;
type SensitiveMetric = Pick<MetricRow, 'sensitive' | 'suppressionThreshold'>;

/**
 * The suppression a caller's reads of one metric get: none for `read:restricted` (and admin) keys
 * or a metric not marked sensitive; else its threshold. Every read path asks here, so GraphQL,
 * pages, exports and widgets hide the same cells.
 */
export function suppressionPolicy(scopes: Scopes, metric: SensitiveMetric): SuppressionPolicy | null {
  return metric.sensitive && !mayReadUnpublished(scopes) ? { threshold: metric.suppressionThreshold } : null;
}

/**
 * A single observation of a sensitive metric is never shown to a caller under suppression: any one of
 * them could be subtracted from a shown total (or be the only figure behind a hidden cell), and no
 * complementary pattern protects figures finer than every table. Small ones say so; the rest are
 * `SINGLE_OBSERVATION`.
 */
export function observationSuppression(scopes: Scopes, metric: SensitiveMetric, value: string): CellSuppression | null {
  const policy = suppressionPolicy(scopes, metric);
  if (!policy) return null;
  return { rule: belowThreshold(value, policy.threshold) ? 'BELOW_THRESHOLD' : 'SINGLE_OBSERVATION', threshold: policy.threshold };
}

export type Suppressed<Row> = Row & { suppression: CellSuppression | null };

/**
 * One table of a metric's cells suppressed as `metricSeries` suppresses its rows: the small cells and
 * their complements along every line that adds up to a total (the groups of `groupBy`, and the
 * periods at `granularity`). Rows of other metrics must not be mixed in.
 */
export function suppressTable<Row extends SeriesRow>(
  rows: readonly Row[],
  metric: Pick<MetricRow, 'timeAggregation' | 'spaceAggregation'>,
  policy: SuppressionPolicy | null,
  table: { groupBy: readonly string[]; granularity: Granularity },
): Suppressed<Row>[] {
  if (!policy) return rows.map((row) => ({ ...row, suppression: null }));
  const hidden = suppressCells(rows, { ...table, threshold: policy.threshold, metric });
  return rows.map((row, i) => {
    const rule = hidden[i] ?? null;
    return { ...row, suppression: rule ? { rule, threshold: policy.threshold } : null };
  });
}

/** A total on its own: hidden only when it is itself a small count (its parts are suppressed with it in their table). */
export function suppressTotal<Row extends SeriesRow>(row: Row, policy: SuppressionPolicy | null): Suppressed<Row> {
  return { ...row, suppression: policy && belowThreshold(row.value, policy.threshold) ? { rule: 'BELOW_THRESHOLD', threshold: policy.threshold } : null };
}

/** Rows of several metrics from one statement, each metric's rows suppressed as a table of its own. */
export function suppressTables<Row extends SeriesRow>(
  rows: readonly Row[],
  metrics: readonly MetricRow[],
  scopes: Scopes,
  table: { groupBy: readonly string[]; granularity: Granularity },
): Suppressed<Row>[] {
  const suppressed = new Map<Row, Suppressed<Row>>();
  for (const metric of metrics) {
    const own = rows.filter((row) => row.metricId === metric.id);
    suppressTable(own, metric, suppressionPolicy(scopes, metric), table).forEach((row, i) => suppressed.set(own[i] as Row, row));
  }
  return rows.map((row) => suppressed.get(row) ?? { ...row, suppression: null });
}
