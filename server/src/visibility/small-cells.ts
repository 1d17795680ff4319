import type { Metric as MetricRow } from '@pantau/prisma/client';
import type { SuppressionPolicy } from '../analytics/series-answer.ts';
import type { SeriesQuery, SeriesRow } from '../analytics/series.ts';
import type { Database } from '@pantau/prisma';
import { belowThreshold, type SuppressionRule } from '../analytics/suppression.ts';
import { suppressAnswer } from '../analytics/answer-suppression.ts';
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
 * Rows of several metrics read by one query, each metric's rows suppressed as `metricSeries` would
 * answer that query for it: its small cells, their complements, and whatever the wider table of a
 * narrowed query hides (see answer-suppression.ts). Metrics outside `metrics` are shown as they are.
 */
export async function suppressAnswers<Row extends SeriesRow>(
  database: Database,
  rows: readonly Row[],
  metrics: readonly MetricRow[],
  scopes: Scopes,
  query: Omit<SeriesQuery, 'metric'>,
): Promise<Suppressed<Row>[]> {
  const suppressed = new Map<Row, Suppressed<Row>>();
  await Promise.all(
    metrics.map(async (metric) => {
      const policy = suppressionPolicy(scopes, metric);
      if (!policy) return;
      const own = rows.filter((row) => row.metricId === metric.id);
      const hidden = await suppressAnswer(database, { ...query, metric }, own, policy.threshold);
      own.forEach((row, i) => {
        const rule = hidden[i] ?? null;
        suppressed.set(row, { ...row, suppression: rule ? { rule, threshold: policy.threshold } : null });
      });
    }),
  );
  return rows.map((row) => suppressed.get(row) ?? { ...row, suppression: null });
}
