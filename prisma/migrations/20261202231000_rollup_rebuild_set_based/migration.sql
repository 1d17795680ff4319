-- Rollups rebuilt and refreshed at the scale of a national load.
--
-- `refresh_all_rollups` went through `refresh_observation_monthly` with every metric-month as keys; at
-- 1.09M observations its series step joined hundreds of thousands of keys to the observations on
-- IS NOT DISTINCT FROM conditions, which no hash join can use, and ran past an hour. It now builds each
-- rollup in one grouped pass over the observations.
--
-- `rollup_refresh_series` (every write of a LATEST or MAX metric) matched series on IS NOT DISTINCT
-- FROM, so it read every series-month of the metric to find a series' months, and many keys (an
-- import) made a nested loop over observations. It now matches on null-safe keys, by an index for a
-- few keys and by a hash join for many. Its all-time source ids no longer array_agg the months'
-- arrays, which fails when they differ in length.

CREATE OR REPLACE FUNCTION "refresh_all_rollups"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE rollup_national_month, rollup_province_month, rollup_regency_month, rollup_campaign_month, rollup_series_month, rollup_series_total;

  -- The observations as the rollups see them, summed per finest additive key and source, once.
  DROP TABLE IF EXISTS rollup_rebuild_facts;
  CREATE TEMPORARY TABLE rollup_rebuild_facts ON COMMIT DROP AS
  SELECT o.metric_id, r.province_code, r.regency_code, date_trunc('month', o.period_start::timestamp)::date AS month, off.type AS office_type,
         o.program_id, o.dimensions, o.synthetic, o.published, o.source_id,
         sum(o.value) AS value_sum, count(*) AS n, count(*) FILTER (WHERE o.is_lower_bound) AS lower_bounds
  FROM observation o
  LEFT JOIN office off ON off.id = o.office_id
  LEFT JOIN region r ON r.code = coalesce(o.region_code, off.region_code)
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;

  INSERT INTO rollup_regency_month (metric_id, province_code, regency_code, month, office_type, program_id, dimensions, synthetic, published, value_sum, observation_count, lower_bound_count, source_counts)
  SELECT metric_id, province_code, regency_code, month, office_type, program_id, dimensions, synthetic, published, sum(value_sum), sum(n), sum(lower_bounds), jsonb_object_agg(source_id, n)
  FROM rollup_rebuild_facts GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;

  INSERT INTO rollup_province_month (metric_id, province_code, month, office_type, program_id, dimensions, synthetic, published, value_sum, observation_count, lower_bound_count, source_counts)
  SELECT metric_id, province_code, month, office_type, program_id, dimensions, synthetic, published, sum(value_sum), sum(n), sum(lower_bounds), jsonb_object_agg(source_id, n)
  FROM (SELECT metric_id, province_code, month, office_type, program_id, dimensions, synthetic, published, source_id, sum(value_sum) AS value_sum, sum(n) AS n, sum(lower_bounds) AS lower_bounds
        FROM rollup_rebuild_facts GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9) s
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;

  INSERT INTO rollup_national_month (metric_id, month, office_type, program_id, dimensions, synthetic, published, value_sum, observation_count, lower_bound_count, source_counts)
  SELECT metric_id, month, office_type, program_id, dimensions, synthetic, published, sum(value_sum), sum(n), sum(lower_bounds), jsonb_object_agg(source_id, n)
  FROM (SELECT metric_id, month, office_type, program_id, dimensions, synthetic, published, source_id, sum(value_sum) AS value_sum, sum(n) AS n, sum(lower_bounds) AS lower_bounds
        FROM rollup_rebuild_facts GROUP BY 1, 2, 3, 4, 5, 6, 7, 8) s
  GROUP BY 1, 2, 3, 4, 5, 6, 7;
  DROP TABLE rollup_rebuild_facts;

  INSERT INTO rollup_campaign_month (campaign_id, metric_id, month, office_id, office_type, location, province_code, regency_code, program_id, dimensions, synthetic, published, value_sum, observation_count, lower_bound_count, source_counts)
  SELECT campaign_id, metric_id, month, office_id, office_type, location, province_code, regency_code, program_id, dimensions, synthetic, published, sum(value_sum), sum(n), sum(lower_bounds), jsonb_object_agg(source_id, n)
  FROM (SELECT o.campaign_id, o.metric_id, date_trunc('month', o.period_start::timestamp)::date AS month, o.office_id, off.type AS office_type, coalesce(o.region_code, off.region_code) AS location,
               r.province_code, r.regency_code, o.program_id, o.dimensions, o.synthetic, o.published, o.source_id,
               sum(o.value) AS value_sum, count(*) AS n, count(*) FILTER (WHERE o.is_lower_bound) AS lower_bounds
        FROM observation o
        LEFT JOIN office off ON off.id = o.office_id
        LEFT JOIN region r ON r.code = coalesce(o.region_code, off.region_code)
        WHERE o.campaign_id IS NOT NULL
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13) d
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12;

  INSERT INTO rollup_series_month
  SELECT o.metric_id, date_trunc('month', o.period_start::timestamp)::date, o.office_id, coalesce(o.region_code, off.region_code), o.program_id, o.campaign_id, o.dimensions, o.synthetic, o.published,
         min(off.type), min(r.province_code), min(r.regency_code),
         sum(o.value), max(o.value),
         (array_agg(o.value ORDER BY o.period_end DESC, o.id DESC))[1], max(o.period_end),
         (array_agg(o.id ORDER BY o.period_end DESC, o.id DESC))[1],
         (array_agg(o.is_lower_bound ORDER BY o.period_end DESC, o.id DESC))[1],
         count(*) FILTER (WHERE o.is_lower_bound), count(*), array_agg(DISTINCT o.source_id ORDER BY o.source_id)
  FROM observation o
  JOIN metric m ON m.id = o.metric_id AND NOT (m.time_aggregation = 'SUM' AND m.space_aggregation = 'SUM')
  LEFT JOIN office off ON off.id = o.office_id
  LEFT JOIN region r ON r.code = coalesce(o.region_code, off.region_code)
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;

  INSERT INTO rollup_series_total
  SELECT o.metric_id, o.office_id, coalesce(o.region_code, off.region_code), o.program_id, o.campaign_id, o.dimensions, o.synthetic, o.published,
         min(off.type), min(r.province_code), min(r.regency_code),
         sum(o.value), max(o.value),
         (array_agg(o.value ORDER BY o.period_end DESC, o.id DESC))[1], max(o.period_end),
         (array_agg(o.id ORDER BY o.period_end DESC, o.id DESC))[1],
         (array_agg(o.is_lower_bound ORDER BY o.period_end DESC, o.id DESC))[1],
         count(*) FILTER (WHERE o.is_lower_bound), count(*), array_agg(DISTINCT o.source_id ORDER BY o.source_id)
  FROM observation o
  JOIN metric m ON m.id = o.metric_id AND NOT (m.time_aggregation = 'SUM' AND m.space_aggregation = 'SUM')
  LEFT JOIN office off ON off.id = o.office_id
  LEFT JOIN region r ON r.code = coalesce(o.region_code, off.region_code)
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
END;
$$;

-- Series are matched on null-safe keys: ids are positive and region codes never empty, so 0 and ''
-- stand for null, and an equality (unlike IS NOT DISTINCT FROM) can use an index or a hash join.
CREATE INDEX "rollup_series_month_series_idx" ON "rollup_series_month"("metric_id", coalesce("office_id", 0), coalesce("location", ''), coalesce("program_id", 0), coalesce("campaign_id", 0), "dimensions", "synthetic", "published", "month");

-- The touched series of `keys` with null-safe keys, once each (a month per row, or all of a series' months).
CREATE FUNCTION "rollup_series_keys"(keys "rollup_series_key"[])
RETURNS TABLE (metric_id INTEGER, month DATE, office_key INTEGER, location_key VARCHAR, program_key INTEGER, campaign_key INTEGER, dimensions JSONB, synthetic BOOLEAN, published BOOLEAN)
LANGUAGE sql IMMUTABLE ROWS 10 AS $$
  SELECT DISTINCT k.metric_id, k.month, coalesce(k.office_id, 0), coalesce(k.location, ''), coalesce(k.program_id, 0), coalesce(k.campaign_id, 0), k.dimensions, k.synthetic, k.published
  FROM unnest(keys) k;
$$;

-- The all-time rows of the series of `keys`, from their months.
CREATE FUNCTION "rollup_refresh_series_totals"(keys "rollup_series_key"[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM rollup_series_total s USING (SELECT DISTINCT k.metric_id, k.office_key, k.location_key, k.program_key, k.campaign_key, k.dimensions, k.synthetic, k.published FROM rollup_series_keys(keys) k) k
  WHERE s.metric_id = k.metric_id AND coalesce(s.office_id, 0) = k.office_key AND coalesce(s.location, '') = k.location_key
    AND coalesce(s.program_id, 0) = k.program_key AND coalesce(s.campaign_id, 0) = k.campaign_key AND s.dimensions = k.dimensions
    AND s.synthetic = k.synthetic AND s.published = k.published;

  WITH months AS MATERIALIZED (
    SELECT m.* FROM (SELECT DISTINCT k.metric_id, k.office_key, k.location_key, k.program_key, k.campaign_key, k.dimensions, k.synthetic, k.published FROM rollup_series_keys(keys) k) k
    JOIN rollup_series_month m ON m.metric_id = k.metric_id AND coalesce(m.office_id, 0) = k.office_key AND coalesce(m.location, '') = k.location_key
     AND coalesce(m.program_id, 0) = k.program_key AND coalesce(m.campaign_id, 0) = k.campaign_key AND m.dimensions = k.dimensions
     AND m.synthetic = k.synthetic AND m.published = k.published),
  totals AS (
    SELECT metric_id, office_id, location, program_id, campaign_id, dimensions, synthetic, published,
           min(office_type) AS office_type, min(province_code) AS province_code, min(regency_code) AS regency_code,
           sum(value_sum) AS value_sum, max(value_max) AS value_max,
           (array_agg(latest_value ORDER BY latest_end DESC, latest_id DESC))[1] AS latest_value, max(latest_end) AS latest_end,
           (array_agg(latest_id ORDER BY latest_end DESC, latest_id DESC))[1] AS latest_id,
           (array_agg(latest_lower_bound ORDER BY latest_end DESC, latest_id DESC))[1] AS latest_lower_bound,
           sum(lower_bound_count) AS lower_bound_count, sum(observation_count) AS observation_count
    FROM months GROUP BY 1, 2, 3, 4, 5, 6, 7, 8),
  sources AS (
    SELECT metric_id, office_id, location, program_id, campaign_id, dimensions, synthetic, published, array_agg(DISTINCT u ORDER BY u) AS source_ids
    FROM months, unnest(source_ids) u GROUP BY 1, 2, 3, 4, 5, 6, 7, 8)
  INSERT INTO rollup_series_total
  SELECT t.*, s.source_ids FROM totals t
  JOIN sources s ON s.metric_id = t.metric_id AND coalesce(s.office_id, 0) = coalesce(t.office_id, 0) AND coalesce(s.location, '') = coalesce(t.location, '')
   AND coalesce(s.program_id, 0) = coalesce(t.program_id, 0) AND coalesce(s.campaign_id, 0) = coalesce(t.campaign_id, 0) AND s.dimensions = t.dimensions
   AND s.synthetic = t.synthetic AND s.published = t.published;
END;
$$;

-- Recomputes the given series-months of LATEST and MAX metrics from their observations, then the
-- all-time rows of those series from their months. Concurrent writers of one series are serialised by
-- an advisory lock, so the one that commits last recomputes from the other's committed rows. Each
-- touched metric-month of observations is read once; a few keys (a single write) are matched by
-- index, many (an import, a bulk update) go into a temporary table with statistics for a hash join.
CREATE OR REPLACE FUNCTION "rollup_refresh_series"(keys "rollup_series_key"[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(keys) = 0 THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock(l.metric_id, l.series)
  FROM (SELECT DISTINCT k.metric_id, hashtext(concat_ws('|', k.office_id, k.location, k.program_id, k.campaign_id, k.dimensions::text)) AS series
        FROM unnest(keys) k ORDER BY 1, 2) l;
  IF cardinality(keys) > 100 THEN
    PERFORM rollup_refresh_many_series_months(keys);
  ELSE
    DELETE FROM rollup_series_month s USING rollup_series_keys(keys) k
    WHERE s.metric_id = k.metric_id AND s.month = k.month AND coalesce(s.office_id, 0) = k.office_key AND coalesce(s.location, '') = k.location_key
      AND coalesce(s.program_id, 0) = k.program_key AND coalesce(s.campaign_id, 0) = k.campaign_key AND s.dimensions = k.dimensions
      AND s.synthetic = k.synthetic AND s.published = k.published;
    INSERT INTO rollup_series_month
    SELECT o.metric_id, o.month, o.office_id, o.location, o.program_id, o.campaign_id, o.dimensions, o.synthetic, o.published,
           min(o.office_type), min(r.province_code), min(r.regency_code),
           sum(o.value), max(o.value),
           (array_agg(o.value ORDER BY o.period_end DESC, o.id DESC))[1], max(o.period_end),
           (array_agg(o.id ORDER BY o.period_end DESC, o.id DESC))[1],
           (array_agg(o.is_lower_bound ORDER BY o.period_end DESC, o.id DESC))[1],
           count(*) FILTER (WHERE o.is_lower_bound), count(*), array_agg(DISTINCT o.source_id ORDER BY o.source_id)
    FROM (SELECT o.*, mm.month, off.type AS office_type, coalesce(o.region_code, off.region_code) AS location
          FROM (SELECT DISTINCT k.metric_id, k.month FROM unnest(keys) k) mm
          JOIN observation o ON o.metric_id = mm.metric_id AND o.period_start >= mm.month AND o.period_start < (mm.month + interval '1 month')::date
          LEFT JOIN office off ON off.id = o.office_id) o
    JOIN rollup_series_keys(keys) k ON k.metric_id = o.metric_id AND k.month = o.month AND k.office_key = coalesce(o.office_id, 0) AND k.location_key = coalesce(o.location, '')
     AND k.program_key = coalesce(o.program_id, 0) AND k.campaign_key = coalesce(o.campaign_id, 0) AND k.dimensions = o.dimensions
     AND k.synthetic = o.synthetic AND k.published = o.published
    LEFT JOIN region r ON r.code = o.location
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
  END IF;
  PERFORM rollup_refresh_series_totals(keys);
END;
$$;

-- The series-months of many keys: the same statements on a temporary table with statistics.
CREATE FUNCTION "rollup_refresh_many_series_months"(keys "rollup_series_key"[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DROP TABLE IF EXISTS rollup_touched_series;
  CREATE TEMPORARY TABLE rollup_touched_series ON COMMIT DROP AS SELECT * FROM rollup_series_keys(keys);
  ANALYZE rollup_touched_series;

  DELETE FROM rollup_series_month s USING rollup_touched_series k
  WHERE s.metric_id = k.metric_id AND s.month = k.month AND coalesce(s.office_id, 0) = k.office_key AND coalesce(s.location, '') = k.location_key
    AND coalesce(s.program_id, 0) = k.program_key AND coalesce(s.campaign_id, 0) = k.campaign_key AND s.dimensions = k.dimensions
    AND s.synthetic = k.synthetic AND s.published = k.published;

  INSERT INTO rollup_series_month
  SELECT o.metric_id, o.month, o.office_id, o.location, o.program_id, o.campaign_id, o.dimensions, o.synthetic, o.published,
         min(o.office_type), min(r.province_code), min(r.regency_code),
         sum(o.value), max(o.value),
         (array_agg(o.value ORDER BY o.period_end DESC, o.id DESC))[1], max(o.period_end),
         (array_agg(o.id ORDER BY o.period_end DESC, o.id DESC))[1],
         (array_agg(o.is_lower_bound ORDER BY o.period_end DESC, o.id DESC))[1],
         count(*) FILTER (WHERE o.is_lower_bound), count(*), array_agg(DISTINCT o.source_id ORDER BY o.source_id)
  FROM (SELECT o.*, mm.month, off.type AS office_type, coalesce(o.region_code, off.region_code) AS location
        FROM (SELECT DISTINCT metric_id, month FROM rollup_touched_series) mm
        JOIN observation o ON o.metric_id = mm.metric_id AND o.period_start >= mm.month AND o.period_start < (mm.month + interval '1 month')::date
        LEFT JOIN office off ON off.id = o.office_id) o
  JOIN rollup_touched_series k ON k.metric_id = o.metric_id AND k.month = o.month AND k.office_key = coalesce(o.office_id, 0) AND k.location_key = coalesce(o.location, '')
   AND k.program_key = coalesce(o.program_id, 0) AND k.campaign_key = coalesce(o.campaign_id, 0) AND k.dimensions = o.dimensions
   AND k.synthetic = o.synthetic AND k.published = o.published
  LEFT JOIN region r ON r.code = o.location
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
  DROP TABLE rollup_touched_series;
END;
$$;
