-- The change feed's payload carries the moment of the change (milliseconds since the epoch) after the
-- action, so each instance can measure how late it hears of a change (pantau_change_notification_lag_seconds).
CREATE OR REPLACE FUNCTION "announce_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('pantau_changes', NEW.action || ' ' || floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint::text);
  RETURN NULL;
END;
$$;
