-- The partner-village map's columns are built once per change of what they are built from (villages,
-- regions, offices) and kept in memory meanwhile. This row counts those changes. It is transactional:
-- a reader sees a new version only once the change that made it is committed, and the columns'
-- statement reads the version in its own snapshot, so columns are never kept under a newer version
-- than the data they were built from.
CREATE TABLE "map_catalogue_version" (
  "id" BOOLEAN PRIMARY KEY DEFAULT true CHECK ("id"),
  "version" BIGINT NOT NULL
);
INSERT INTO "map_catalogue_version" ("id", "version") VALUES (true, 1);

CREATE FUNCTION "bump_map_catalogue_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "map_catalogue_version" SET "version" = "version" + 1;
  RETURN NULL;
END;
$$;

-- Once per statement, so a bulk load of villages bumps it once.
CREATE TRIGGER "partner_village_map_catalogue_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "partner_village"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_map_catalogue_version"();
CREATE TRIGGER "region_map_catalogue_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "region"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_map_catalogue_version"();
CREATE TRIGGER "office_map_catalogue_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "office"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_map_catalogue_version"();
