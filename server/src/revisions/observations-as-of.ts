/**
 * The observations as they stood at a moment, as a relation shaped like `observation`: each row that
 * existed then, with the version that was its figure then. A version is the figure from `valid_from`
 * until `revised_at` (half open: a correction made at exactly the moment counts); the current
 * version, from its last revision (or its creation) on. `moment` is an SQL expression of type
 * timestamptz, a parameter of the caller's statement. The rollups hold only the present, so every
 * read "as of" a moment goes through this.
 */
export function observationsAsOf(moment: string): string {
  return `(SELECT o.id, o.metric_id, o.value, o.is_lower_bound, o.period_start, o.period_end, o.office_id, o.region_code, o.program_id, o.campaign_id,
          o.dimensions, o.synthetic, o.published, o.source_id, o.created_at
   FROM observation o
   WHERE o.created_at <= (${moment} AT TIME ZONE 'UTC')
     AND NOT EXISTS (SELECT 1 FROM observation_revision r WHERE r.observation_id = o.id AND r.revised_at > ${moment})
   UNION ALL
   SELECT r.observation_id, r.metric_id, r.value, r.is_lower_bound, r.period_start, r.period_end, r.office_id, r.region_code, r.program_id, r.campaign_id,
          r.dimensions, r.synthetic, r.published, r.source_id, r.valid_from AT TIME ZONE 'UTC'
   FROM observation_revision r
   WHERE r.valid_from <= ${moment} AND r.revised_at > ${moment})`;
}
