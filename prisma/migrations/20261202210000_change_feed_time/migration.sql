-- Every change-feed payload carries `at`, the moment of the change in milliseconds since the epoch, so
-- each instance can measure how late it hears of a change (pantau_change_notification_lag_seconds).
-- `change_feed_scope` replaced the plain-text payloads by JSON; this puts the time back into each.
CREATE OR REPLACE FUNCTION "change_time_ms"() RETURNS bigint LANGUAGE sql AS $$
  SELECT floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint
$$;

CREATE OR REPLACE FUNCTION "announce_observations"(metric_ids INTEGER[], region_codes TEXT[], office_ids INTEGER[], campaign_ids INTEGER[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  payload TEXT;
BEGIN
  SELECT json_build_object(
    'metrics', (SELECT coalesce(json_agg(m.key ORDER BY m.key), '[]'::json) FROM metric m WHERE m.id = ANY(metric_ids)),
    'provinces', (SELECT coalesce(json_agg(p.code ORDER BY p.code), '[]'::json) FROM (
        SELECT r.province_code AS code FROM unnest(region_codes) AS t(code) JOIN region r ON r.code = t.code
        UNION
        SELECT r.province_code FROM unnest(office_ids) AS t(id) LEFT JOIN office f ON f.id = t.id LEFT JOIN region r ON r.code = f.region_code) p),
    'campaigns', (SELECT coalesce(json_agg(c.slug ORDER BY c.slug), '[]'::json) FROM campaign c WHERE c.id = ANY(campaign_ids)),
    'at', change_time_ms()
  )::text INTO payload;
  IF octet_length(payload) > 7900 THEN
    payload := json_build_object('all', true, 'at', change_time_ms())::text;
  END IF;
  PERFORM pg_notify('pantau_changes', payload);
END;
$$;

CREATE OR REPLACE FUNCTION "announce_everything"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('pantau_changes', json_build_object('all', true, 'at', change_time_ms())::text);
  RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION "announce_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.entity <> 'observation' THEN
    PERFORM pg_notify('pantau_changes', json_build_object('entity', NEW.entity, 'action', NEW.action, 'at', change_time_ms())::text);
  END IF;
  RETURN NULL;
END;
$$;
