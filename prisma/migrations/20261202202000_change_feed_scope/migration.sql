-- A change announces what it touched, so each server instance refreshes only the cached answers that
-- read it. Observation writes announce their metrics (keys), provinces (where the rollups count them:
-- the observation's region, else its office's; null when neither is known) and campaigns (slugs), once
-- per statement; every other audited change announces its entity. NOTIFY payloads stop at 8000 bytes:
-- a change too wide to list announces `{"all":true}`.
CREATE FUNCTION "announce_observations"(metric_ids INTEGER[], region_codes TEXT[], office_ids INTEGER[], campaign_ids INTEGER[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  payload TEXT;
BEGIN
  SELECT json_build_object(
    'metrics', (SELECT coalesce(json_agg(m.key ORDER BY m.key), '[]'::json) FROM metric m WHERE m.id = ANY(metric_ids)),
    'provinces', (SELECT coalesce(json_agg(p.code ORDER BY p.code), '[]'::json) FROM (
        SELECT r.province_code AS code FROM unnest(region_codes) AS t(code) JOIN region r ON r.code = t.code
        UNION
        SELECT r.province_code FROM unnest(office_ids) AS t(id) LEFT JOIN office f ON f.id = t.id LEFT JOIN region r ON r.code = f.region_code) p),
    'campaigns', (SELECT coalesce(json_agg(c.slug ORDER BY c.slug), '[]'::json) FROM campaign c WHERE c.id = ANY(campaign_ids))
  )::text INTO payload;
  IF octet_length(payload) > 7900 THEN
    payload := '{"all":true}';
  END IF;
  PERFORM pg_notify('pantau_changes', payload);
END;
$$;

CREATE FUNCTION "announce_observation_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  metric_ids INTEGER[];
  region_codes TEXT[];
  office_ids INTEGER[];
  campaign_ids INTEGER[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT metric_id), array_agg(DISTINCT region_code), array_agg(DISTINCT office_id) FILTER (WHERE region_code IS NULL), array_agg(DISTINCT campaign_id)
      INTO metric_ids, region_codes, office_ids, campaign_ids FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT metric_id), array_agg(DISTINCT region_code), array_agg(DISTINCT office_id) FILTER (WHERE region_code IS NULL), array_agg(DISTINCT campaign_id)
      INTO metric_ids, region_codes, office_ids, campaign_ids FROM old_rows;
  ELSE
    -- An update counts where the figure was and where it is now.
    SELECT array_agg(DISTINCT metric_id), array_agg(DISTINCT region_code), array_agg(DISTINCT office_id) FILTER (WHERE region_code IS NULL), array_agg(DISTINCT campaign_id)
      INTO metric_ids, region_codes, office_ids, campaign_ids
      FROM (SELECT metric_id, region_code, office_id, campaign_id FROM old_rows UNION ALL SELECT metric_id, region_code, office_id, campaign_id FROM new_rows) touched;
  END IF;
  IF metric_ids IS NOT NULL THEN
    PERFORM announce_observations(metric_ids, region_codes, office_ids, campaign_ids);
  END IF;
  RETURN NULL;
END;
$$;

CREATE FUNCTION "announce_everything"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('pantau_changes', '{"all":true}');
  RETURN NULL;
END;
$$;

-- Observation changes are announced by the triggers below, with their scope.
CREATE OR REPLACE FUNCTION "announce_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.entity <> 'observation' THEN
    PERFORM pg_notify('pantau_changes', json_build_object('entity', NEW.entity, 'action', NEW.action)::text);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "announce_observation_insert" AFTER INSERT ON "observation" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "announce_observation_change"();
CREATE TRIGGER "announce_observation_update" AFTER UPDATE ON "observation" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "announce_observation_change"();
CREATE TRIGGER "announce_observation_delete" AFTER DELETE ON "observation" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "announce_observation_change"();
CREATE TRIGGER "announce_observation_truncate" AFTER TRUNCATE ON "observation" FOR EACH STATEMENT EXECUTE FUNCTION "announce_everything"();
-- An office moved or retyped moves where its figures count.
CREATE TRIGGER "announce_office_update" AFTER UPDATE OF "type", "region_code" ON "office" FOR EACH ROW
  WHEN (OLD."type" IS DISTINCT FROM NEW."type" OR OLD."region_code" IS DISTINCT FROM NEW."region_code") EXECUTE FUNCTION "announce_everything"();
-- Metric names, units and rules appear in every answer that reads the metric; a catalogue sync changes them without an audit row.
CREATE TRIGGER "announce_metric_update" AFTER UPDATE ON "metric" FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION "announce_everything"();
