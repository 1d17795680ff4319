import { observationColumns, type SqlConnection } from '@pantau/prisma';
import type { ResolvedMode } from './import-mode.ts';
import { currentVersionOf, revisionColumns, type RevisionNote } from './observation-revisions.ts';

export interface StoredCounts {
  /** New observations. */
  inserted: number;
  /** Stored observations whose value, bound or source the file corrected (each kept its earlier version as a revision). */
  revised: number;
  /** Stored observations the file states again exactly: left as they are. */
  unchanged: number;
  /** Observations of the replaced office and period the file no longer holds: removed, each kept as a revision. */
  withdrawn: number;
}

const count = async (connection: SqlConnection, sql: string, params: unknown[]) => (await connection.query<{ n: number }>(sql, params))[0]?.n ?? 0;

/**
 * Stores a checked file (no row was rejected) from `import_keyed` (see `resolveStaged`: each row
 * resolved once, with its key's stored observation), one set-based statement per step, in the
 * import's transaction: corrected figures keep their current version as a revision and take the
 * file's value; a `REPLACE` withdraws the replaced
 * office's other figures of the period; the new rows are inserted in file order. The statement
 * triggers on `observation` bring the rollups up to date after each step.
 */
export async function storeStaged(connection: SqlConnection, options: { published: boolean; mode: ResolvedMode; note: Omit<RevisionNote, 'withdrawn'> }): Promise<StoredCounts> {
  const { mode, scope } = options.mode;
  const { revisedBy, reason } = options.note;
  let revised = 0;
  if (mode !== 'APPEND') {
    await connection.query(
      `INSERT INTO observation_revision (${revisionColumns})
       SELECT ${currentVersionOf('o')}, $1, $2, false FROM observation o JOIN import_keyed m ON m.existing_id = o.id WHERE m.changed ORDER BY m.record`,
      [revisedBy, reason],
    );
    revised = await count(
      connection,
      `WITH corrected AS (UPDATE observation o SET value = m.decimal_value, is_lower_bound = m.lower_bound, source_id = m.source_id, published = $1
                          FROM import_keyed m WHERE o.id = m.existing_id AND m.changed RETURNING 1)
       SELECT count(*)::int AS n FROM corrected`,
      [options.published],
    );
  }
  let withdrawn = 0;
  if (scope) {
    const replaced = `FROM observation o WHERE o.office_id = $1::int AND o.period_start >= $2::date AND o.period_end <= $3::date AND NOT o.synthetic
                      AND NOT EXISTS (SELECT 1 FROM import_keyed m WHERE m.existing_id = o.id)`;
    await connection.query(`INSERT INTO observation_revision (${revisionColumns}) SELECT ${currentVersionOf('o')}, $4, $5, true ${replaced} ORDER BY o.id`, [
      scope.officeId,
      scope.from,
      scope.to,
      revisedBy,
      reason,
    ]);
    withdrawn = await count(connection, `WITH gone AS (DELETE ${replaced} RETURNING 1) SELECT count(*)::int AS n FROM gone`, [scope.officeId, scope.from, scope.to]);
  }
  const inserted = await count(
    connection,
    `WITH stored AS (INSERT INTO observation (${observationColumns.join(', ')})
       SELECT m.metric_id, m.decimal_value, m.starts, m.ends, m.office_id, m.region_code, m.program_id, m.campaign_id, m.source_id, m.lower_bound, m.key_dimensions, false, $1
       FROM import_keyed m WHERE m.existing_id IS NULL ORDER BY m.record RETURNING 1)
     SELECT count(*)::int AS n FROM stored`,
    [options.published],
  );
  const unchanged = await count(connection, 'SELECT count(*)::int AS n FROM import_keyed WHERE existing_id IS NOT NULL AND NOT changed', []);
  return { inserted, revised, unchanged, withdrawn };
}
