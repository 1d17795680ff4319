-- CreateTable
CREATE TABLE "observation_monthly" (
    "metric_id" INTEGER NOT NULL,
    "month" DATE NOT NULL,
    "location" VARCHAR(13),
    "office_id" INTEGER,
    "program_id" INTEGER,
    "campaign_id" INTEGER,
    "dimensions" JSONB NOT NULL,
    "synthetic" BOOLEAN NOT NULL,
    "published" BOOLEAN NOT NULL,
    "value_sum" DECIMAL(24,4) NOT NULL,
    "value_max" DECIMAL(20,4) NOT NULL,
    "latest_value" DECIMAL(20,4) NOT NULL,
    "latest_end" DATE NOT NULL,
    "latest_id" INTEGER NOT NULL,
    "latest_lower_bound" BOOLEAN NOT NULL,
    "any_lower_bound" BOOLEAN NOT NULL,
    "observation_count" INTEGER NOT NULL,
    "source_ids" INTEGER[] NOT NULL
);

-- CreateIndex
CREATE INDEX "observation_monthly_metric_id_month_idx" ON "observation_monthly"("metric_id", "month");

-- The rollup holds, per metric, month (of period_start) and series (place, office, program, campaign,
-- dimensions, flags), what every aggregation rule needs. Triggers keep it exact: after each statement
-- on observation, the metric-months it touched are recomputed from the observations themselves.
-- Bulk loaders set pantau.defer_rollup and call refresh_observation_monthly once at the end.
CREATE FUNCTION "refresh_observation_monthly"(metric_ids INTEGER[], months DATE[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM observation_monthly r
  USING (SELECT DISTINCT * FROM unnest(metric_ids, months)) k(metric_id, month)
  WHERE r.metric_id = k.metric_id AND r.month = k.month;
  INSERT INTO observation_monthly
  SELECT o.metric_id, k.month, coalesce(o.region_code, off.region_code), o.office_id, o.program_id, o.campaign_id, o.dimensions, o.synthetic, o.published,
         sum(o.value), max(o.value),
         (array_agg(o.value ORDER BY o.period_end DESC, o.id DESC))[1], max(o.period_end),
         (array_agg(o.id ORDER BY o.period_end DESC, o.id DESC))[1],
         (array_agg(o.is_lower_bound ORDER BY o.period_end DESC, o.id DESC))[1], bool_or(o.is_lower_bound),
         count(*)::int, array_agg(DISTINCT o.source_id ORDER BY o.source_id)
  FROM (SELECT DISTINCT * FROM unnest(metric_ids, months)) k(metric_id, month)
  JOIN observation o ON o.metric_id = k.metric_id AND o.period_start >= k.month AND o.period_start < (k.month + interval '1 month')
  LEFT JOIN office off ON off.id = o.office_id
  GROUP BY o.metric_id, k.month, coalesce(o.region_code, off.region_code), o.office_id, o.program_id, o.campaign_id, o.dimensions, o.synthetic, o.published;
$$;

CREATE FUNCTION "refresh_all_observation_monthly"() RETURNS void LANGUAGE sql AS $$
  SELECT refresh_observation_monthly(array_agg(metric_id), array_agg(month))
  FROM (SELECT DISTINCT metric_id, date_trunc('month', period_start)::date AS month FROM observation
        UNION SELECT DISTINCT metric_id, month FROM observation_monthly) k;
$$;

CREATE FUNCTION "observation_monthly_touch"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('pantau.defer_rollup', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_observation_monthly(array_agg(metric_id), array_agg(month))
    FROM (SELECT DISTINCT metric_id, date_trunc('month', period_start)::date AS month FROM new_rows) k;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_observation_monthly(array_agg(metric_id), array_agg(month))
    FROM (SELECT DISTINCT metric_id, date_trunc('month', period_start)::date AS month FROM old_rows) k;
  ELSE
    PERFORM refresh_observation_monthly(array_agg(metric_id), array_agg(month))
    FROM (SELECT metric_id, date_trunc('month', period_start)::date AS month FROM new_rows
          UNION SELECT metric_id, date_trunc('month', period_start)::date FROM old_rows) k;
  END IF;
  RETURN NULL;
END;
$$;

CREATE FUNCTION "observation_monthly_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE observation_monthly;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "observation_monthly_insert" AFTER INSERT ON "observation" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "observation_monthly_touch"();
CREATE TRIGGER "observation_monthly_update" AFTER UPDATE ON "observation" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "observation_monthly_touch"();
CREATE TRIGGER "observation_monthly_delete" AFTER DELETE ON "observation" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "observation_monthly_touch"();
CREATE TRIGGER "observation_monthly_truncate" AFTER TRUNCATE ON "observation" FOR EACH STATEMENT EXECUTE FUNCTION "observation_monthly_truncate"();

SELECT refresh_all_observation_monthly();
