import type { Statements } from './statements.ts';

/** Who changed a figure and why, as an `observation_revision` row records it. */
export interface RevisionNote {
  /** Key name, or `cli`. */
  revisedBy: string;
  reason: string;
  /** True when the observation is about to be removed rather than corrected. */
  withdrawn: boolean;
}

export const revisionColumns =
  'observation_id, metric_id, value, is_lower_bound, period_start, period_end, office_id, region_code, program_id, campaign_id, dimensions, synthetic, published, source_id, valid_from, revised_by, reason, withdrawn';

/**
 * The current version of the observation row `o`, whole, and when it became the figure: its last
 * revision's end, or its creation (stored as UTC wall time). `least` keeps the interval well formed
 * when a row's clock ran ahead of the database's.
 */
export const currentVersionOf = (alias: string) => `${alias}.id, ${alias}.metric_id, ${alias}.value, ${alias}.is_lower_bound, ${alias}.period_start, ${alias}.period_end,
  ${alias}.office_id, ${alias}.region_code, ${alias}.program_id, ${alias}.campaign_id, ${alias}.dimensions, ${alias}.synthetic, ${alias}.published, ${alias}.source_id,
  least(coalesce((SELECT max(r.revised_at) FROM observation_revision r WHERE r.observation_id = ${alias}.id), ${alias}.created_at AT TIME ZONE 'UTC'), CURRENT_TIMESTAMP)`;

/** Keeps the current version of each of these observations as a revision, before it is corrected or removed. */
export async function keepRevisions(statements: Statements, ids: readonly number[], note: RevisionNote): Promise<void> {
  if (ids.length === 0) return;
  await statements(
    `INSERT INTO observation_revision (${revisionColumns})
     SELECT ${currentVersionOf('o')}, $2, $3, $4 FROM observation o WHERE o.id = ANY($1::int[]) ORDER BY o.id`,
    [ids, note.revisedBy, note.reason, note.withdrawn],
  );
}
