/**
 * The natural key of an observation in an import, as set-based SQL over `checked` (see
 * observation-checks.ts): one metric, period, office, place, program, campaign and set of dimensions
 * holds one figure. `keyed` holds each row whose key is fully resolved, with its dimensions as they
 * are stored (a jsonb object, so the order they were written in does not matter), the lines of the
 * file's rows with the same key, and the stored observation of that key (its id, value, bound and
 * source), if any.
 */
export const keyedObservations = `
  keyed AS (
    SELECT y.*, count(*) OVER same_key AS copies, array_agg(coalesce(y.line, y.record)) FILTER (WHERE y.key_rank <= 6) OVER same_key AS key_lines
    FROM (
      SELECT k.*, kd.key_dimensions, o.id AS existing_id, o.synthetic AS existing_synthetic,
        o.value AS existing_value, o.is_lower_bound AS existing_lower_bound, o.source_id AS existing_source_id,
        -- Only a group's first six lines are named: a file of one figure repeated would otherwise give each row every other line.
        row_number() OVER (PARTITION BY k.metric_id, k.starts, k.ends, k.office_id, k.region_code, k.program_id, k.campaign_id, kd.key_dimensions
                           ORDER BY coalesce(k.line, k.record)) AS key_rank
      FROM checked k
      CROSS JOIN LATERAL (SELECT coalesce(jsonb_object_agg(d.pair->>0, d.pair->>1 ORDER BY d.position), '{}') AS key_dimensions
                          FROM jsonb_array_elements(k.dimension_pairs) WITH ORDINALITY d(pair, position)) kd
      LEFT JOIN observation o ON o.metric_id = k.metric_id AND o.period_start = k.starts AND o.period_end = k.ends
        AND o.office_id IS NOT DISTINCT FROM k.office_id AND o.region_code IS NOT DISTINCT FROM k.region_code
        AND o.program_id IS NOT DISTINCT FROM k.program_id AND o.campaign_id IS NOT DISTINCT FROM k.campaign_id AND o.dimensions = kd.key_dimensions
      WHERE k.metric_id IS NOT NULL AND k.starts IS NOT NULL AND k.ends IS NOT NULL
        AND (k.office_code IS NULL OR k.office_id IS NOT NULL) AND (k.region_code IS NULL OR k.known_region IS NOT NULL)
        AND (k.program IS NULL OR k.program_id IS NOT NULL) AND (k.campaign IS NULL OR k.campaign_id IS NOT NULL)
    ) y
    WINDOW same_key AS (PARTITION BY y.metric_id, y.starts, y.ends, y.office_id, y.region_code, y.program_id, y.campaign_id, y.key_dimensions)
  )`;

/**
 * Every key rule a row breaks, shaped like `violations`: the same key twice in the file (each row
 * naming the other lines), a key already stored (`APPEND`), a synthetic figure in the way, a row
 * outside the office and period a `REPLACE` import replaces. `$5` mode, `$6` the replaced office's
 * id, `$7`/`$8` its period, `$9` its code.
 */
export const keyViolations = `
  key_violations AS (
    SELECT y.record, y.line, y.problems, v.ordinal, 0 AS suborder, v.field, v.rule
    FROM keyed y
    CROSS JOIN LATERAL (VALUES
      (16, 'key', CASE WHEN y.copies > 1 THEN format('(metric, period, office, region, program, campaign and dimensions) is the same as on line %s: a file holds each figure once',
        (SELECT string_agg(l::text, ', ' ORDER BY l) FROM (SELECT l FROM unnest(y.key_lines) l WHERE l <> coalesce(y.line, y.record) ORDER BY l LIMIT 5) named)
          || CASE WHEN y.copies > 6 THEN format(' and %s more lines', y.copies - 6) ELSE '' END) END),
      (17, 'key', CASE WHEN y.existing_synthetic THEN 'matches a synthetic observation: synthetic data is replaced with \`pnpm db:seed --synthetic\`, never imported over'
                       WHEN $5 = 'APPEND' AND y.existing_id IS NOT NULL
                       THEN format('is already stored (observation %s): import with mode UPSERT to revise it, or leave the row out', encode(convert_to('Observation:' || y.existing_id, 'UTF8'), 'base64')) END),
      (18, 'officeCode', CASE WHEN $5 = 'REPLACE' AND y.office_id IS DISTINCT FROM $6::int THEN format('must be "%s": a replacing import holds only the office it replaces', $9::text) END),
      (19, 'periodStart', CASE WHEN $5 = 'REPLACE' AND (y.starts < $7::date OR y.ends > $8::date) THEN format('must lie within %s to %s, the period this import replaces', $7::text, $8::text) END)
    ) v(ordinal, field, rule)
    WHERE v.rule IS NOT NULL
  )`;
