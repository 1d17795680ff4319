-- Partner villages counted per province and per regency, apart for synthetic ones, kept exact on every
-- change of the villages: TPPO coverage reads 38 rows (or one province's regencies) instead of joining
-- every partner village to its region at each request. A change recounts the provinces it touched.
CREATE TABLE "partner_village_area" (
  "level" TEXT NOT NULL CHECK ("level" IN ('PROVINCE', 'REGENCY')),
  "code" VARCHAR(13) NOT NULL,
  "province_code" VARCHAR(2) NOT NULL,
  "synthetic" BOOLEAN NOT NULL,
  "partner_villages" INTEGER NOT NULL,
  "with_pimpasa" INTEGER NOT NULL,
  "source_ids" INTEGER[] NOT NULL,
  PRIMARY KEY ("level", "code", "synthetic")
);
CREATE INDEX "partner_village_area_province" ON "partner_village_area" ("level", "province_code");

CREATE FUNCTION "refresh_partner_village_area"(provinces TEXT[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM partner_village_area WHERE province_code = ANY(provinces);
  INSERT INTO partner_village_area (level, code, province_code, synthetic, partner_villages, with_pimpasa, source_ids)
  SELECT a.level, a.code, v.province_code, p.synthetic, count(*)::int, (count(*) FILTER (WHERE p.pimpasa_count > 0))::int, array_agg(DISTINCT p.source_id)
  FROM partner_village p
  JOIN region v ON v.code = p.region_code
  CROSS JOIN LATERAL (VALUES ('PROVINCE', v.province_code), ('REGENCY', v.regency_code)) AS a(level, code)
  WHERE v.province_code = ANY(provinces) AND a.code IS NOT NULL
  GROUP BY a.level, a.code, v.province_code, p.synthetic;
$$;

CREATE FUNCTION "partner_village_area_touch"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_partner_village_area(array_agg(DISTINCT v.province_code)) FROM new_rows n JOIN region v ON v.code = n.region_code;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_partner_village_area(array_agg(DISTINCT v.province_code)) FROM old_rows o JOIN region v ON v.code = o.region_code;
  ELSE
    PERFORM refresh_partner_village_area(array_agg(DISTINCT v.province_code))
    FROM (SELECT region_code FROM new_rows UNION SELECT region_code FROM old_rows) t JOIN region v ON v.code = t.region_code;
  END IF;
  RETURN NULL;
END;
$$;

-- A village moved to another regency or province is recounted in both, old and new.
CREATE FUNCTION "partner_village_area_region_moved"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_partner_village_area(array_agg(DISTINCT t.province_code))
  FROM (
    SELECT n.province_code FROM new_rows n JOIN old_rows o ON o.code = n.code
    WHERE (n.province_code, n.regency_code) IS DISTINCT FROM (o.province_code, o.regency_code)
    UNION SELECT o.province_code FROM new_rows n JOIN old_rows o ON o.code = n.code
    WHERE (n.province_code, n.regency_code) IS DISTINCT FROM (o.province_code, o.regency_code)
  ) t WHERE t.province_code IS NOT NULL;
  RETURN NULL;
END;
$$;

CREATE FUNCTION "partner_village_area_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE partner_village_area;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "partner_village_area_insert" AFTER INSERT ON "partner_village" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "partner_village_area_touch"();
CREATE TRIGGER "partner_village_area_update" AFTER UPDATE ON "partner_village" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "partner_village_area_touch"();
CREATE TRIGGER "partner_village_area_delete" AFTER DELETE ON "partner_village" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "partner_village_area_touch"();
CREATE TRIGGER "partner_village_area_truncate" AFTER TRUNCATE ON "partner_village" FOR EACH STATEMENT EXECUTE FUNCTION "partner_village_area_truncate"();
CREATE TRIGGER "partner_village_area_region_update" AFTER UPDATE ON "region" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "partner_village_area_region_moved"();

SELECT refresh_partner_village_area(array_agg(code)) FROM region WHERE level = 'PROVINCE';
