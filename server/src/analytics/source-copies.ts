// Aggregates that gather source ids in the same grouping as the figures: each row is joined to the
// source ids it cites, once per id, and only its first copy counts towards sums and counts.

/** Joined after `rows`: each row once per entry of its `source_ids` (once, with nulls, when it has none), as `alias(source_id, copy)`. */
export const joinSourceCopies = (rows: string, alias: string) => `LEFT JOIN LATERAL unnest(${rows}.source_ids) WITH ORDINALITY AS ${alias}(source_id, copy) ON true`;

/** True on the one copy of a row that sums and counts take. */
export const firstCopy = (alias: string) => `${alias}.copy IS NULL OR ${alias}.copy = 1`;

/** The distinct source ids of a group, ascending (null when none). */
export const distinctSources = (alias: string) => `array_agg(DISTINCT ${alias}.source_id) FILTER (WHERE ${alias}.source_id IS NOT NULL)`;
