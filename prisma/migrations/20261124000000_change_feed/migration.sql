-- Every accepted change writes one audit row (see server/src/writes); announcing it on commit lets
-- every server instance drop cached answers at once (NOTIFY is delivered only if the change commits).
CREATE FUNCTION "announce_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('pantau_changes', NEW.action);
  RETURN NULL;
END;
$$;
CREATE TRIGGER "audit_log_announce" AFTER INSERT ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "announce_change"();
