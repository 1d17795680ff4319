-- Rollups sized to the questions the API answers, replacing observation_monthly, whose key was the whole
-- series per month and so held as many rows as observation. Every rollup buckets by the month of
-- period_start and keeps published and synthetic as key columns, so visibility filters stay exact.
--
-- Additive rollups (sum, count, lower bounds, source counts) for metrics whose rules are both SUM; they
-- hold every metric, so a change of rules never leaves them stale:
--   rollup_national_month  metric x month x office type x program x dimensions
--   rollup_province_month  ... x province
--   rollup_regency_month   ... x province x regency
--   rollup_campaign_month  campaign x metric x month x office x place x program x dimensions (campaign rows only)
-- Series rollups, for metrics with a LATEST or MAX rule (every statistic, per series):
--   rollup_series_month    per series and month
--   rollup_series_total    per series, over all time
--
-- Writes keep them exact: additive rollups by deltas (insert +1, delete -1, update both), series
-- rollups by recomputing only the series-months a write touched, then those series' totals.

DROP TRIGGER "observation_monthly_insert" ON "observation";
DROP TRIGGER "observation_monthly_update" ON "observation";
DROP TRIGGER "observation_monthly_delete" ON "observation";
DROP TRIGGER "observation_monthly_truncate" ON "observation";
DROP FUNCTION "observation_monthly_touch"();
DROP FUNCTION "observation_monthly_truncate"();
DROP FUNCTION "refresh_all_observation_monthly"();
DROP FUNCTION "refresh_observation_monthly"(INTEGER[], DATE[]);
DROP TABLE "observation_monthly";

-- Source ids of an additive rollup row with how many of its observations cite each, so a delete can
-- drop a source: {"12": 3}. Zero counts are removed.
CREATE FUNCTION "rollup_merge_counts"(a JSONB, b JSONB) RETURNS JSONB LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(jsonb_object_agg(key, n), '{}'::jsonb)
  FROM (SELECT key, sum(value::int) AS n FROM (SELECT * FROM jsonb_each_text(a) UNION ALL SELECT * FROM jsonb_each_text(b)) e GROUP BY key) s
  WHERE n <> 0;
$$;

CREATE FUNCTION "rollup_source_ids"(counts JSONB) RETURNS INTEGER[] LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(array_agg(key::int ORDER BY key::int), '{}') FROM jsonb_object_keys(counts) AS k(key);
$$;

-- CreateTable
CREATE TABLE "rollup_national_month" (
    "metric_id" INTEGER NOT NULL,
    "month" DATE NOT NULL,
    "office_type" "OfficeType",
    "program_id" INTEGER,
    "dimensions" JSONB NOT NULL,
    "synthetic" BOOLEAN NOT NULL,
    "published" BOOLEAN NOT NULL,
    "value_sum" DECIMAL(24,4) NOT NULL,
    "observation_count" INTEGER NOT NULL,
    "lower_bound_count" INTEGER NOT NULL,
    "source_counts" JSONB NOT NULL,
    "source_ids" INTEGER[] GENERATED ALWAYS AS (rollup_source_ids("source_counts")) STORED
);

-- CreateTable
CREATE TABLE "rollup_province_month" (
    "metric_id" INTEGER NOT NULL,
    "province_code" VARCHAR(2),
    "month" DATE NOT NULL,
    "office_type" "OfficeType",
    "program_id" INTEGER,
    "dimensions" JSONB NOT NULL,
    "synthetic" BOOLEAN NOT NULL,
    "published" BOOLEAN NOT NULL,
    "value_sum" DECIMAL(24,4) NOT NULL,
    "observation_count" INTEGER NOT NULL,
    "lower_bound_count" INTEGER NOT NULL,
    "source_counts" JSONB NOT NULL,
    "source_ids" INTEGER[] GENERATED ALWAYS AS (rollup_source_ids("source_counts")) STORED
);

-- CreateTable
CREATE TABLE "rollup_regency_month" (
    "metric_id" INTEGER NOT NULL,
    "province_code" VARCHAR(2),
    "regency_code" VARCHAR(5),
    "month" DATE NOT NULL,
    "office_type" "OfficeType",
    "program_id" INTEGER,
    "dimensions" JSONB NOT NULL,
    "synthetic" BOOLEAN NOT NULL,
    "published" BOOLEAN NOT NULL,
    "value_sum" DECIMAL(24,4) NOT NULL,
    "observation_count" INTEGER NOT NULL,
    "lower_bound_count" INTEGER NOT NULL,
    "source_counts" JSONB NOT NULL,
    "source_ids" INTEGER[] GENERATED ALWAYS AS (rollup_source_ids("source_counts")) STORED
);

-- CreateTable
CREATE TABLE "rollup_campaign_month" (
    "campaign_id" INTEGER NOT NULL,
    "metric_id" INTEGER NOT NULL,
    "month" DATE NOT NULL,
    "office_id" INTEGER,
    "office_type" "OfficeType",
    "location" VARCHAR(13),
    "province_code" VARCHAR(2),
    "regency_code" VARCHAR(5),
    "program_id" INTEGER,
    "dimensions" JSONB NOT NULL,
    "synthetic" BOOLEAN NOT NULL,
    "published" BOOLEAN NOT NULL,
    "value_sum" DECIMAL(24,4) NOT NULL,
    "observation_count" INTEGER NOT NULL,
    "lower_bound_count" INTEGER NOT NULL,
    "source_counts" JSONB NOT NULL,
    "source_ids" INTEGER[] GENERATED ALWAYS AS (rollup_source_ids("source_counts")) STORED
);

-- CreateTable
CREATE TABLE "rollup_series_month" (
    "metric_id" INTEGER NOT NULL,
    "month" DATE NOT NULL,
    "office_id" INTEGER,
    "location" VARCHAR(13),
    "program_id" INTEGER,
    "campaign_id" INTEGER,
    "dimensions" JSONB NOT NULL,
    "synthetic" BOOLEAN NOT NULL,
    "published" BOOLEAN NOT NULL,
    "office_type" "OfficeType",
    "province_code" VARCHAR(2),
    "regency_code" VARCHAR(5),
    "value_sum" DECIMAL(24,4) NOT NULL,
    "value_max" DECIMAL(20,4) NOT NULL,
    "latest_value" DECIMAL(20,4) NOT NULL,
    "latest_end" DATE NOT NULL,
    "latest_id" INTEGER NOT NULL,
    "latest_lower_bound" BOOLEAN NOT NULL,
    "lower_bound_count" INTEGER NOT NULL,
    "observation_count" INTEGER NOT NULL,
    "source_ids" INTEGER[] NOT NULL
);

-- CreateTable
CREATE TABLE "rollup_series_total" (
    "metric_id" INTEGER NOT NULL,
    "office_id" INTEGER,
    "location" VARCHAR(13),
    "program_id" INTEGER,
    "campaign_id" INTEGER,
    "dimensions" JSONB NOT NULL,
    "synthetic" BOOLEAN NOT NULL,
    "published" BOOLEAN NOT NULL,
    "office_type" "OfficeType",
    "province_code" VARCHAR(2),
    "regency_code" VARCHAR(5),
    "value_sum" DECIMAL(24,4) NOT NULL,
    "value_max" DECIMAL(20,4) NOT NULL,
    "latest_value" DECIMAL(20,4) NOT NULL,
    "latest_end" DATE NOT NULL,
    "latest_id" INTEGER NOT NULL,
    "latest_lower_bound" BOOLEAN NOT NULL,
    "lower_bound_count" INTEGER NOT NULL,
    "observation_count" INTEGER NOT NULL,
    "source_ids" INTEGER[] NOT NULL
);

-- CreateIndex: the keys. NULLS NOT DISTINCT (not expressible in schema.prisma) so that a row without
-- an office type or province is one row, which the deltas' ON CONFLICT needs.
CREATE UNIQUE INDEX "rollup_national_month_key" ON "rollup_national_month"("metric_id", "month", "office_type", "program_id", "dimensions", "synthetic", "published") NULLS NOT DISTINCT;
CREATE UNIQUE INDEX "rollup_province_month_key" ON "rollup_province_month"("metric_id", "province_code", "month", "office_type", "program_id", "dimensions", "synthetic", "published") NULLS NOT DISTINCT;
CREATE UNIQUE INDEX "rollup_regency_month_key" ON "rollup_regency_month"("metric_id", "province_code", "regency_code", "month", "office_type", "program_id", "dimensions", "synthetic", "published") NULLS NOT DISTINCT;
CREATE UNIQUE INDEX "rollup_campaign_month_key" ON "rollup_campaign_month"("campaign_id", "metric_id", "month", "office_id", "office_type", "location", "province_code", "regency_code", "program_id", "dimensions", "synthetic", "published") NULLS NOT DISTINCT;
CREATE UNIQUE INDEX "rollup_series_month_key" ON "rollup_series_month"("metric_id", "month", "office_id", "location", "program_id", "campaign_id", "dimensions", "synthetic", "published") NULLS NOT DISTINCT;
CREATE UNIQUE INDEX "rollup_series_total_key" ON "rollup_series_total"("metric_id", "office_id", "location", "program_id", "campaign_id", "dimensions", "synthetic", "published") NULLS NOT DISTINCT;

-- CreateIndex: campaign totals of LATEST and MAX metrics.
CREATE INDEX "rollup_series_month_campaign_id_idx" ON "rollup_series_month"("campaign_id");
CREATE INDEX "rollup_series_total_campaign_id_idx" ON "rollup_series_total"("campaign_id");

-- CreateIndex: rows a delta brought to zero, found without a scan (the index is empty between writes).
CREATE INDEX "rollup_national_month_empty_idx" ON "rollup_national_month"("observation_count") WHERE "observation_count" = 0;
CREATE INDEX "rollup_province_month_empty_idx" ON "rollup_province_month"("observation_count") WHERE "observation_count" = 0;
CREATE INDEX "rollup_regency_month_empty_idx" ON "rollup_regency_month"("observation_count") WHERE "observation_count" = 0;
CREATE INDEX "rollup_campaign_month_empty_idx" ON "rollup_campaign_month"("observation_count") WHERE "observation_count" = 0;

-- CreateIndex: observations whose period ends in a later month than it starts. A rollup answers a date
-- range from a month's first day by adding these, the only earlier observations that can reach into it.
CREATE INDEX "observation_metric_id_period_end_spanning_idx" ON "observation"("metric_id", "period_end")
  WHERE date_trunc('month', "period_end"::timestamp) > date_trunc('month', "period_start"::timestamp);

-- One observation as the rollups see it, with a sign: +1 counts it in, -1 takes it out. `location` is
-- its own region, else its office's; province and regency are that place's.
CREATE TYPE "rollup_fact" AS (
    "sign" INTEGER,
    "id" INTEGER,
    "metric_id" INTEGER,
    "month" DATE,
    "period_start" DATE,
    "period_end" DATE,
    "value" DECIMAL(20,4),
    "is_lower_bound" BOOLEAN,
    "office_id" INTEGER,
    "office_type" "OfficeType",
    "location" VARCHAR(13),
    "province_code" VARCHAR(2),
    "regency_code" VARCHAR(5),
    "program_id" INTEGER,
    "campaign_id" INTEGER,
    "dimensions" JSONB,
    "synthetic" BOOLEAN,
    "published" BOOLEAN,
    "source_id" INTEGER
);

-- A series of a metric: what its time rule aggregates over (plus the visibility flags).
CREATE TYPE "rollup_series_key" AS (
    "metric_id" INTEGER,
    "month" DATE,
    "office_id" INTEGER,
    "location" VARCHAR(13),
    "program_id" INTEGER,
    "campaign_id" INTEGER,
    "dimensions" JSONB,
    "synthetic" BOOLEAN,
    "published" BOOLEAN
);

CREATE FUNCTION "rollup_facts"(sign INTEGER, rows "observation"[]) RETURNS "rollup_fact"[] LANGUAGE sql STABLE AS $$
  SELECT coalesce(array_agg(ROW(sign, o.id, o.metric_id, date_trunc('month', o.period_start::timestamp)::date, o.period_start, o.period_end, o.value, o.is_lower_bound,
                                o.office_id, off.type, coalesce(o.region_code, off.region_code), r.province_code, r.regency_code,
                                o.program_id, o.campaign_id, o.dimensions, o.synthetic, o.published, o.source_id)::rollup_fact), '{}')
  FROM unnest(rows) o
  LEFT JOIN office off ON off.id = o.office_id
  LEFT JOIN region r ON r.code = coalesce(o.region_code, off.region_code);
$$;

-- The facts of one office's observations as if it had `office_type` and `office_region`: an office
-- moved or retyped is taken out with its old attributes and counted in with its new ones.
CREATE FUNCTION "rollup_office_facts"(sign INTEGER, office INTEGER, office_type "OfficeType", office_region VARCHAR(13)) RETURNS "rollup_fact"[] LANGUAGE sql STABLE AS $$
  SELECT coalesce(array_agg(ROW(sign, o.id, o.metric_id, date_trunc('month', o.period_start::timestamp)::date, o.period_start, o.period_end, o.value, o.is_lower_bound,
                                o.office_id, office_type, coalesce(o.region_code, office_region), r.province_code, r.regency_code,
                                o.program_id, o.campaign_id, o.dimensions, o.synthetic, o.published, o.source_id)::rollup_fact), '{}')
  FROM observation o
  LEFT JOIN region r ON r.code = coalesce(o.region_code, office_region)
  WHERE o.office_id = office;
$$;

-- Recomputes the given series-months of LATEST and MAX metrics from their observations, then the
-- all-time rows of those series from their months. Concurrent writers of one series are serialised by
-- an advisory lock, so the one that commits last recomputes from the other's committed rows.
CREATE FUNCTION "rollup_refresh_series"(keys "rollup_series_key"[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(keys) = 0 THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock(l.metric_id, l.series)
  FROM (SELECT DISTINCT k.metric_id, hashtext(concat_ws('|', k.office_id, k.location, k.program_id, k.campaign_id, k.dimensions::text)) AS series
        FROM unnest(keys) k ORDER BY 1, 2) l;

  DELETE FROM rollup_series_month s USING unnest(keys) k
  WHERE s.metric_id = k.metric_id AND s.month = k.month AND s.office_id IS NOT DISTINCT FROM k.office_id AND s.location IS NOT DISTINCT FROM k.location
    AND s.program_id IS NOT DISTINCT FROM k.program_id AND s.campaign_id IS NOT DISTINCT FROM k.campaign_id AND s.dimensions = k.dimensions
    AND s.synthetic = k.synthetic AND s.published = k.published;

  INSERT INTO rollup_series_month
  SELECT k.metric_id, k.month, k.office_id, k.location, k.program_id, k.campaign_id, k.dimensions, k.synthetic, k.published,
         min(off.type), min(r.province_code), min(r.regency_code),
         sum(o.value), max(o.value),
         (array_agg(o.value ORDER BY o.period_end DESC, o.id DESC))[1], max(o.period_end),
         (array_agg(o.id ORDER BY o.period_end DESC, o.id DESC))[1],
         (array_agg(o.is_lower_bound ORDER BY o.period_end DESC, o.id DESC))[1],
         count(*) FILTER (WHERE o.is_lower_bound), count(*), array_agg(DISTINCT o.source_id ORDER BY o.source_id)
  FROM (SELECT DISTINCT * FROM unnest(keys)) k
  JOIN observation o ON o.metric_id = k.metric_id AND o.period_start >= k.month AND o.period_start < (k.month + interval '1 month')::date
   AND o.office_id IS NOT DISTINCT FROM k.office_id AND o.program_id IS NOT DISTINCT FROM k.program_id AND o.campaign_id IS NOT DISTINCT FROM k.campaign_id
   AND o.dimensions = k.dimensions AND o.synthetic = k.synthetic AND o.published = k.published
  LEFT JOIN office off ON off.id = o.office_id
  LEFT JOIN region r ON r.code = coalesce(o.region_code, off.region_code)
  WHERE coalesce(o.region_code, off.region_code) IS NOT DISTINCT FROM k.location
  GROUP BY k.metric_id, k.month, k.office_id, k.location, k.program_id, k.campaign_id, k.dimensions, k.synthetic, k.published;

  DELETE FROM rollup_series_total s USING (SELECT DISTINCT metric_id, office_id, location, program_id, campaign_id, dimensions, synthetic, published FROM unnest(keys)) k
  WHERE s.metric_id = k.metric_id AND s.office_id IS NOT DISTINCT FROM k.office_id AND s.location IS NOT DISTINCT FROM k.location
    AND s.program_id IS NOT DISTINCT FROM k.program_id AND s.campaign_id IS NOT DISTINCT FROM k.campaign_id AND s.dimensions = k.dimensions
    AND s.synthetic = k.synthetic AND s.published = k.published;

  INSERT INTO rollup_series_total
  SELECT m.metric_id, m.office_id, m.location, m.program_id, m.campaign_id, m.dimensions, m.synthetic, m.published,
         min(m.office_type), min(m.province_code), min(m.regency_code),
         sum(m.value_sum), max(m.value_max),
         (array_agg(m.latest_value ORDER BY m.latest_end DESC, m.latest_id DESC))[1], max(m.latest_end),
         (array_agg(m.latest_id ORDER BY m.latest_end DESC, m.latest_id DESC))[1],
         (array_agg(m.latest_lower_bound ORDER BY m.latest_end DESC, m.latest_id DESC))[1],
         sum(m.lower_bound_count), sum(m.observation_count),
         ARRAY(SELECT DISTINCT u FROM unnest(array_agg(m.source_ids)) u ORDER BY u)
  FROM (SELECT DISTINCT metric_id, office_id, location, program_id, campaign_id, dimensions, synthetic, published FROM unnest(keys)) k
  JOIN rollup_series_month m ON m.metric_id = k.metric_id AND m.office_id IS NOT DISTINCT FROM k.office_id AND m.location IS NOT DISTINCT FROM k.location
   AND m.program_id IS NOT DISTINCT FROM k.program_id AND m.campaign_id IS NOT DISTINCT FROM k.campaign_id AND m.dimensions = k.dimensions
   AND m.synthetic = k.synthetic AND m.published = k.published
  GROUP BY m.metric_id, m.office_id, m.location, m.program_id, m.campaign_id, m.dimensions, m.synthetic, m.published;
END;
$$;

-- Applies signed facts to every rollup.
CREATE FUNCTION "rollup_apply"(facts "rollup_fact"[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(facts) = 0 THEN
    RETURN;
  END IF;

  INSERT INTO rollup_national_month AS t (metric_id, month, office_type, program_id, dimensions, synthetic, published, value_sum, observation_count, lower_bound_count, source_counts)
  SELECT metric_id, month, office_type, program_id, dimensions, synthetic, published, sum(value_sum), sum(n), sum(lower_bounds), coalesce(jsonb_object_agg(source_id, n) FILTER (WHERE n <> 0), '{}')
  FROM (SELECT metric_id, month, office_type, program_id, dimensions, synthetic, published, source_id,
               sum(sign * value) AS value_sum, sum(sign) AS n, coalesce(sum(sign) FILTER (WHERE is_lower_bound), 0) AS lower_bounds
        FROM unnest(facts) GROUP BY metric_id, month, office_type, program_id, dimensions, synthetic, published, source_id) d
  GROUP BY metric_id, month, office_type, program_id, dimensions, synthetic, published
  ON CONFLICT (metric_id, month, office_type, program_id, dimensions, synthetic, published) DO UPDATE SET
    value_sum = t.value_sum + excluded.value_sum, observation_count = t.observation_count + excluded.observation_count,
    lower_bound_count = t.lower_bound_count + excluded.lower_bound_count, source_counts = rollup_merge_counts(t.source_counts, excluded.source_counts);

  INSERT INTO rollup_province_month AS t (metric_id, province_code, month, office_type, program_id, dimensions, synthetic, published, value_sum, observation_count, lower_bound_count, source_counts)
  SELECT metric_id, province_code, month, office_type, program_id, dimensions, synthetic, published, sum(value_sum), sum(n), sum(lower_bounds), coalesce(jsonb_object_agg(source_id, n) FILTER (WHERE n <> 0), '{}')
  FROM (SELECT metric_id, province_code, month, office_type, program_id, dimensions, synthetic, published, source_id,
               sum(sign * value) AS value_sum, sum(sign) AS n, coalesce(sum(sign) FILTER (WHERE is_lower_bound), 0) AS lower_bounds
        FROM unnest(facts) GROUP BY metric_id, province_code, month, office_type, program_id, dimensions, synthetic, published, source_id) d
  GROUP BY metric_id, province_code, month, office_type, program_id, dimensions, synthetic, published
  ON CONFLICT (metric_id, province_code, month, office_type, program_id, dimensions, synthetic, published) DO UPDATE SET
    value_sum = t.value_sum + excluded.value_sum, observation_count = t.observation_count + excluded.observation_count,
    lower_bound_count = t.lower_bound_count + excluded.lower_bound_count, source_counts = rollup_merge_counts(t.source_counts, excluded.source_counts);

  INSERT INTO rollup_regency_month AS t (metric_id, province_code, regency_code, month, office_type, program_id, dimensions, synthetic, published, value_sum, observation_count, lower_bound_count, source_counts)
  SELECT metric_id, province_code, regency_code, month, office_type, program_id, dimensions, synthetic, published, sum(value_sum), sum(n), sum(lower_bounds), coalesce(jsonb_object_agg(source_id, n) FILTER (WHERE n <> 0), '{}')
  FROM (SELECT metric_id, province_code, regency_code, month, office_type, program_id, dimensions, synthetic, published, source_id,
               sum(sign * value) AS value_sum, sum(sign) AS n, coalesce(sum(sign) FILTER (WHERE is_lower_bound), 0) AS lower_bounds
        FROM unnest(facts) GROUP BY metric_id, province_code, regency_code, month, office_type, program_id, dimensions, synthetic, published, source_id) d
  GROUP BY metric_id, province_code, regency_code, month, office_type, program_id, dimensions, synthetic, published
  ON CONFLICT (metric_id, province_code, regency_code, month, office_type, program_id, dimensions, synthetic, published) DO UPDATE SET
    value_sum = t.value_sum + excluded.value_sum, observation_count = t.observation_count + excluded.observation_count,
    lower_bound_count = t.lower_bound_count + excluded.lower_bound_count, source_counts = rollup_merge_counts(t.source_counts, excluded.source_counts);

  INSERT INTO rollup_campaign_month AS t (campaign_id, metric_id, month, office_id, office_type, location, province_code, regency_code, program_id, dimensions, synthetic, published, value_sum, observation_count, lower_bound_count, source_counts)
  SELECT campaign_id, metric_id, month, office_id, office_type, location, province_code, regency_code, program_id, dimensions, synthetic, published,
         sum(value_sum), sum(n), sum(lower_bounds), coalesce(jsonb_object_agg(source_id, n) FILTER (WHERE n <> 0), '{}')
  FROM (SELECT campaign_id, metric_id, month, office_id, office_type, location, province_code, regency_code, program_id, dimensions, synthetic, published, source_id,
               sum(sign * value) AS value_sum, sum(sign) AS n, coalesce(sum(sign) FILTER (WHERE is_lower_bound), 0) AS lower_bounds
        FROM unnest(facts) WHERE campaign_id IS NOT NULL
        GROUP BY campaign_id, metric_id, month, office_id, office_type, location, province_code, regency_code, program_id, dimensions, synthetic, published, source_id) d
  GROUP BY campaign_id, metric_id, month, office_id, office_type, location, province_code, regency_code, program_id, dimensions, synthetic, published
  ON CONFLICT (campaign_id, metric_id, month, office_id, office_type, location, province_code, regency_code, program_id, dimensions, synthetic, published) DO UPDATE SET
    value_sum = t.value_sum + excluded.value_sum, observation_count = t.observation_count + excluded.observation_count,
    lower_bound_count = t.lower_bound_count + excluded.lower_bound_count, source_counts = rollup_merge_counts(t.source_counts, excluded.source_counts);

  DELETE FROM rollup_national_month WHERE observation_count = 0;
  DELETE FROM rollup_province_month WHERE observation_count = 0;
  DELETE FROM rollup_regency_month WHERE observation_count = 0;
  DELETE FROM rollup_campaign_month WHERE observation_count = 0;

  PERFORM rollup_refresh_series(ARRAY(
    SELECT DISTINCT ROW(f.metric_id, f.month, f.office_id, f.location, f.program_id, f.campaign_id, f.dimensions, f.synthetic, f.published)::rollup_series_key
    FROM unnest(facts) f JOIN metric m ON m.id = f.metric_id
    WHERE NOT (m.time_aggregation = 'SUM' AND m.space_aggregation = 'SUM')));
END;
$$;

-- Rebuilds the given metric-months of every rollup from the observations, set-based: bulk loaders set
-- pantau.defer_rollup and call this once at the end. Kept under its old name, which importers call.
-- The regency grain is built from the observations, province from regency, national from province.
CREATE FUNCTION "refresh_observation_monthly"(metric_ids INTEGER[], months DATE[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM rollup_national_month r USING unnest(metric_ids, months) k(metric_id, month) WHERE r.metric_id = k.metric_id AND r.month = k.month;
  DELETE FROM rollup_province_month r USING unnest(metric_ids, months) k(metric_id, month) WHERE r.metric_id = k.metric_id AND r.month = k.month;
  DELETE FROM rollup_regency_month r USING unnest(metric_ids, months) k(metric_id, month) WHERE r.metric_id = k.metric_id AND r.month = k.month;
  DELETE FROM rollup_campaign_month r USING unnest(metric_ids, months) k(metric_id, month) WHERE r.metric_id = k.metric_id AND r.month = k.month;
  -- Series-months left without observations disappear, and their series' totals are recomputed.
  PERFORM rollup_refresh_series(ARRAY(
    SELECT ROW(s.metric_id, s.month, s.office_id, s.location, s.program_id, s.campaign_id, s.dimensions, s.synthetic, s.published)::rollup_series_key
    FROM rollup_series_month s JOIN (SELECT DISTINCT * FROM unnest(metric_ids, months)) k(metric_id, month) ON s.metric_id = k.metric_id AND s.month = k.month));

  INSERT INTO rollup_regency_month (metric_id, province_code, regency_code, month, office_type, program_id, dimensions, synthetic, published, value_sum, observation_count, lower_bound_count, source_counts)
  SELECT metric_id, province_code, regency_code, month, office_type, program_id, dimensions, synthetic, published, sum(value_sum), sum(n), sum(lower_bounds), jsonb_object_agg(source_id, n)
  FROM (SELECT o.metric_id, r.province_code, r.regency_code, k.month, off.type AS office_type, o.program_id, o.dimensions, o.synthetic, o.published, o.source_id,
               sum(o.value) AS value_sum, count(*) AS n, count(*) FILTER (WHERE o.is_lower_bound) AS lower_bounds
        FROM (SELECT DISTINCT * FROM unnest(metric_ids, months)) k(metric_id, month)
        JOIN observation o ON o.metric_id = k.metric_id AND o.period_start >= k.month AND o.period_start < (k.month + interval '1 month')::date
        LEFT JOIN office off ON off.id = o.office_id
        LEFT JOIN region r ON r.code = coalesce(o.region_code, off.region_code)
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10) d
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;

  INSERT INTO rollup_province_month (metric_id, province_code, month, office_type, program_id, dimensions, synthetic, published, value_sum, observation_count, lower_bound_count, source_counts)
  SELECT r.metric_id, r.province_code, r.month, r.office_type, r.program_id, r.dimensions, r.synthetic, r.published, sum(r.value_sum), sum(r.observation_count), sum(r.lower_bound_count),
         (SELECT jsonb_object_agg(key, n) FROM (SELECT key, sum(value::int) AS n FROM unnest(array_agg(r.source_counts)) c, jsonb_each_text(c) GROUP BY key) s)
  FROM rollup_regency_month r JOIN (SELECT DISTINCT * FROM unnest(metric_ids, months)) k(metric_id, month) ON r.metric_id = k.metric_id AND r.month = k.month
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;

  INSERT INTO rollup_national_month (metric_id, month, office_type, program_id, dimensions, synthetic, published, value_sum, observation_count, lower_bound_count, source_counts)
  SELECT r.metric_id, r.month, r.office_type, r.program_id, r.dimensions, r.synthetic, r.published, sum(r.value_sum), sum(r.observation_count), sum(r.lower_bound_count),
         (SELECT jsonb_object_agg(key, n) FROM (SELECT key, sum(value::int) AS n FROM unnest(array_agg(r.source_counts)) c, jsonb_each_text(c) GROUP BY key) s)
  FROM rollup_province_month r JOIN (SELECT DISTINCT * FROM unnest(metric_ids, months)) k(metric_id, month) ON r.metric_id = k.metric_id AND r.month = k.month
  GROUP BY 1, 2, 3, 4, 5, 6, 7;

  INSERT INTO rollup_campaign_month (campaign_id, metric_id, month, office_id, office_type, location, province_code, regency_code, program_id, dimensions, synthetic, published, value_sum, observation_count, lower_bound_count, source_counts)
  SELECT campaign_id, metric_id, month, office_id, office_type, location, province_code, regency_code, program_id, dimensions, synthetic, published, sum(value_sum), sum(n), sum(lower_bounds), jsonb_object_agg(source_id, n)
  FROM (SELECT o.campaign_id, o.metric_id, k.month, o.office_id, off.type AS office_type, coalesce(o.region_code, off.region_code) AS location, r.province_code, r.regency_code,
               o.program_id, o.dimensions, o.synthetic, o.published, o.source_id, sum(o.value) AS value_sum, count(*) AS n, count(*) FILTER (WHERE o.is_lower_bound) AS lower_bounds
        FROM (SELECT DISTINCT * FROM unnest(metric_ids, months)) k(metric_id, month)
        JOIN observation o ON o.metric_id = k.metric_id AND o.period_start >= k.month AND o.period_start < (k.month + interval '1 month')::date AND o.campaign_id IS NOT NULL
        LEFT JOIN office off ON off.id = o.office_id
        LEFT JOIN region r ON r.code = coalesce(o.region_code, off.region_code)
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13) d
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12;

  PERFORM rollup_refresh_series(ARRAY(
    SELECT DISTINCT ROW(o.metric_id, k.month, o.office_id, coalesce(o.region_code, off.region_code), o.program_id, o.campaign_id, o.dimensions, o.synthetic, o.published)::rollup_series_key
    FROM (SELECT DISTINCT * FROM unnest(metric_ids, months)) k(metric_id, month)
    JOIN metric m ON m.id = k.metric_id AND NOT (m.time_aggregation = 'SUM' AND m.space_aggregation = 'SUM')
    JOIN observation o ON o.metric_id = k.metric_id AND o.period_start >= k.month AND o.period_start < (k.month + interval '1 month')::date
    LEFT JOIN office off ON off.id = o.office_id));
END;
$$;

CREATE FUNCTION "refresh_all_rollups"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE rollup_national_month, rollup_province_month, rollup_regency_month, rollup_campaign_month, rollup_series_month, rollup_series_total;
  PERFORM refresh_observation_monthly(array_agg(metric_id), array_agg(month))
  FROM (SELECT DISTINCT metric_id, date_trunc('month', period_start::timestamp)::date AS month FROM observation) k;
END;
$$;

CREATE FUNCTION "rollup_observation_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('pantau.defer_rollup', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM rollup_apply(rollup_facts(1, ARRAY(SELECT n::observation FROM new_rows n)));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM rollup_apply(rollup_facts(-1, ARRAY(SELECT o::observation FROM old_rows o)));
  ELSE
    -- Only rows whose rollup inputs changed: publishing moves a row, touching created_at does nothing.
    PERFORM rollup_apply(
      rollup_facts(-1, ARRAY(SELECT o::observation FROM old_rows o JOIN new_rows n ON n.id = o.id
                             WHERE (o.metric_id, o.value, o.is_lower_bound, o.period_start, o.period_end, o.office_id, o.region_code, o.program_id, o.campaign_id, o.dimensions, o.synthetic, o.published, o.source_id)
                                   IS DISTINCT FROM (n.metric_id, n.value, n.is_lower_bound, n.period_start, n.period_end, n.office_id, n.region_code, n.program_id, n.campaign_id, n.dimensions, n.synthetic, n.published, n.source_id)))
      || rollup_facts(1, ARRAY(SELECT n::observation FROM new_rows n JOIN old_rows o ON o.id = n.id
                             WHERE (o.metric_id, o.value, o.is_lower_bound, o.period_start, o.period_end, o.office_id, o.region_code, o.program_id, o.campaign_id, o.dimensions, o.synthetic, o.published, o.source_id)
                                   IS DISTINCT FROM (n.metric_id, n.value, n.is_lower_bound, n.period_start, n.period_end, n.office_id, n.region_code, n.program_id, n.campaign_id, n.dimensions, n.synthetic, n.published, n.source_id))));
  END IF;
  RETURN NULL;
END;
$$;

CREATE FUNCTION "rollup_observation_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE rollup_national_month, rollup_province_month, rollup_regency_month, rollup_campaign_month, rollup_series_month, rollup_series_total;
  RETURN NULL;
END;
$$;

-- An office's type and region decide where its observations count.
CREATE FUNCTION "rollup_office_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rollup_apply(rollup_office_facts(-1, OLD.id, OLD.type, OLD.region_code) || rollup_office_facts(1, NEW.id, NEW.type, NEW.region_code));
  RETURN NULL;
END;
$$;

-- A metric's rules decide whether the series rollups hold it.
CREATE FUNCTION "rollup_metric_rules_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_observation_monthly(array_agg(NEW.id), array_agg(month))
  FROM (SELECT DISTINCT date_trunc('month', period_start::timestamp)::date AS month FROM observation WHERE metric_id = NEW.id) k;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "rollup_observation_insert" AFTER INSERT ON "observation" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "rollup_observation_changed"();
CREATE TRIGGER "rollup_observation_update" AFTER UPDATE ON "observation" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "rollup_observation_changed"();
CREATE TRIGGER "rollup_observation_delete" AFTER DELETE ON "observation" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "rollup_observation_changed"();
CREATE TRIGGER "rollup_observation_truncate" AFTER TRUNCATE ON "observation" FOR EACH STATEMENT EXECUTE FUNCTION "rollup_observation_truncated"();
CREATE TRIGGER "rollup_office_update" AFTER UPDATE OF "type", "region_code" ON "office" FOR EACH ROW
  WHEN (OLD."type" IS DISTINCT FROM NEW."type" OR OLD."region_code" IS DISTINCT FROM NEW."region_code") EXECUTE FUNCTION "rollup_office_changed"();
CREATE TRIGGER "rollup_metric_update" AFTER UPDATE OF "time_aggregation", "space_aggregation" ON "metric" FOR EACH ROW
  WHEN (OLD."time_aggregation" IS DISTINCT FROM NEW."time_aggregation" OR OLD."space_aggregation" IS DISTINCT FROM NEW."space_aggregation") EXECUTE FUNCTION "rollup_metric_rules_changed"();

SELECT refresh_all_rollups();
