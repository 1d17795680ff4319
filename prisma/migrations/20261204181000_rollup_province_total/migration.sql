-- An additive rollup over all time: metric x province x office type x program x dimensions (and the
-- synthetic and published flags), for the questions without a period, such as TPPO coverage by
-- province. It is kept from rollup_province_month by deltas, so every path that keeps that rollup
-- exact (writes, metric-month refreshes, rebuilds) keeps this one exact too.
CREATE TABLE "rollup_province_total" (
    "metric_id" INTEGER NOT NULL,
    "province_code" VARCHAR(2),
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
CREATE UNIQUE INDEX "rollup_province_total_key" ON "rollup_province_total"("metric_id", "province_code", "office_type", "program_id", "dimensions", "synthetic", "published") NULLS NOT DISTINCT;

-- A row of rollup_province_month entering (+1) or leaving (-1) the totals.
CREATE TYPE "rollup_total_delta" AS (
    "metric_id" INTEGER,
    "province_code" VARCHAR(2),
    "office_type" "OfficeType",
    "program_id" INTEGER,
    "dimensions" JSONB,
    "synthetic" BOOLEAN,
    "published" BOOLEAN,
    "sign" INTEGER,
    "value_sum" DECIMAL(24,4),
    "observation_count" INTEGER,
    "lower_bound_count" INTEGER,
    "source_counts" JSONB
);

CREATE FUNCTION "rollup_province_total_apply"(deltas "rollup_total_delta"[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(deltas) = 0 THEN
    RETURN;
  END IF;
  INSERT INTO rollup_province_total AS t (metric_id, province_code, office_type, program_id, dimensions, synthetic, published, value_sum, observation_count, lower_bound_count, source_counts)
  SELECT metric_id, province_code, office_type, program_id, dimensions, synthetic, published,
         coalesce(sum(value_sum), 0), coalesce(sum(n), 0), coalesce(sum(lower_bounds), 0),
         coalesce(jsonb_object_agg(source_key, source_n) FILTER (WHERE source_key IS NOT NULL AND source_n <> 0), '{}')
  FROM (
    -- Each delta is repeated once per source it cites; only its first copy counts towards the sums.
    SELECT d.metric_id, d.province_code, d.office_type, d.program_id, d.dimensions, d.synthetic, d.published, e.key AS source_key,
           sum(d.sign * e.value::int) AS source_n,
           sum(d.sign * d.value_sum) FILTER (WHERE e.ord IS NULL OR e.ord = 1) AS value_sum,
           sum(d.sign * d.observation_count) FILTER (WHERE e.ord IS NULL OR e.ord = 1) AS n,
           sum(d.sign * d.lower_bound_count) FILTER (WHERE e.ord IS NULL OR e.ord = 1) AS lower_bounds
    FROM unnest(deltas) d LEFT JOIN LATERAL jsonb_each_text(d.source_counts) WITH ORDINALITY AS e(key, value, ord) ON true
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ) s
  GROUP BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (metric_id, province_code, office_type, program_id, dimensions, synthetic, published) DO UPDATE SET
    value_sum = t.value_sum + excluded.value_sum, observation_count = t.observation_count + excluded.observation_count,
    lower_bound_count = t.lower_bound_count + excluded.lower_bound_count, source_counts = rollup_merge_counts(t.source_counts, excluded.source_counts);
  DELETE FROM rollup_province_total WHERE observation_count = 0;
END;
$$;

CREATE FUNCTION "rollup_province_total_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM rollup_province_total_apply(ARRAY(
      SELECT ROW(metric_id, province_code, office_type, program_id, dimensions, synthetic, published, 1, value_sum, observation_count, lower_bound_count, source_counts)::rollup_total_delta FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM rollup_province_total_apply(ARRAY(
      SELECT ROW(metric_id, province_code, office_type, program_id, dimensions, synthetic, published, -1, value_sum, observation_count, lower_bound_count, source_counts)::rollup_total_delta FROM old_rows));
  ELSE
    PERFORM rollup_province_total_apply(ARRAY(
      SELECT ROW(metric_id, province_code, office_type, program_id, dimensions, synthetic, published, 1, value_sum, observation_count, lower_bound_count, source_counts)::rollup_total_delta FROM new_rows
      UNION ALL
      SELECT ROW(metric_id, province_code, office_type, program_id, dimensions, synthetic, published, -1, value_sum, observation_count, lower_bound_count, source_counts)::rollup_total_delta FROM old_rows));
  END IF;
  RETURN NULL;
END;
$$;

CREATE FUNCTION "rollup_province_total_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE rollup_province_total;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "rollup_province_total_insert" AFTER INSERT ON "rollup_province_month" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "rollup_province_total_changed"();
CREATE TRIGGER "rollup_province_total_update" AFTER UPDATE ON "rollup_province_month" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "rollup_province_total_changed"();
CREATE TRIGGER "rollup_province_total_delete" AFTER DELETE ON "rollup_province_month" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "rollup_province_total_changed"();
CREATE TRIGGER "rollup_province_total_truncate" AFTER TRUNCATE ON "rollup_province_month" FOR EACH STATEMENT EXECUTE FUNCTION "rollup_province_total_truncated"();

SELECT rollup_province_total_apply(ARRAY(
  SELECT ROW(metric_id, province_code, office_type, program_id, dimensions, synthetic, published, 1, value_sum, observation_count, lower_bound_count, source_counts)::rollup_total_delta FROM rollup_province_month));
