-- Revisions and the natural key of an observation. A corrected figure keeps its earlier version as a
-- revision (who, when, why and the source it cited) instead of being overwritten, so reads can answer
-- "as of" a moment; and one metric, period, office, place, program, campaign and set of dimensions
-- holds one figure, so a file sent twice cannot count twice.

-- CreateTable
CREATE TABLE "observation_revision" (
    "id" SERIAL NOT NULL,
    -- No foreign key: an observation withdrawn (deleted, or replaced by an import) keeps its history.
    "observation_id" INTEGER NOT NULL,
    "metric_id" INTEGER NOT NULL,
    "value" DECIMAL(20,4) NOT NULL,
    "is_lower_bound" BOOLEAN NOT NULL,
    "period_start" DATE NOT NULL,
    "period_end" DATE NOT NULL,
    "office_id" INTEGER,
    "region_code" VARCHAR(13),
    "program_id" INTEGER,
    "campaign_id" INTEGER,
    "dimensions" JSONB NOT NULL,
    "synthetic" BOOLEAN NOT NULL,
    "published" BOOLEAN NOT NULL,
    "source_id" INTEGER NOT NULL,
    "valid_from" TIMESTAMPTZ(3) NOT NULL,
    "revised_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revised_by" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "withdrawn" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "observation_revision_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "observation_revision_interval_check" CHECK ("revised_at" >= "valid_from")
);

-- CreateIndex
CREATE INDEX "observation_revision_observation_id_revised_at_idx" ON "observation_revision"("observation_id", "revised_at");

-- CreateIndex
CREATE INDEX "observation_revision_revised_at_idx" ON "observation_revision"("revised_at");

-- AddForeignKey
ALTER TABLE "observation_revision" ADD CONSTRAINT "observation_revision_metric_id_fkey" FOREIGN KEY ("metric_id") REFERENCES "metric"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "observation_revision" ADD CONSTRAINT "observation_revision_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Figures stored twice before the key existed (the same file under two idempotency keys): the first
-- stored stays; each later copy is withdrawn, kept whole as a revision, so "as of" an earlier moment
-- still answers as the figures then stood.
INSERT INTO "observation_revision" ("observation_id", "metric_id", "value", "is_lower_bound", "period_start", "period_end", "office_id", "region_code",
    "program_id", "campaign_id", "dimensions", "synthetic", "published", "source_id", "valid_from", "revised_by", "reason", "withdrawn")
SELECT o."id", o."metric_id", o."value", o."is_lower_bound", o."period_start", o."period_end", o."office_id", o."region_code",
       o."program_id", o."campaign_id", o."dimensions", o."synthetic", o."published", o."source_id",
       least(o."created_at" AT TIME ZONE 'UTC', CURRENT_TIMESTAMP), 'migration', 'a second copy of the figure stored as observation ' || first."id", true
FROM "observation" o
CROSS JOIN LATERAL (
    SELECT min(e."id") AS "id" FROM "observation" e
    WHERE e."metric_id" = o."metric_id" AND e."period_start" = o."period_start" AND e."period_end" = o."period_end"
      AND e."office_id" IS NOT DISTINCT FROM o."office_id" AND e."region_code" IS NOT DISTINCT FROM o."region_code"
      AND e."program_id" IS NOT DISTINCT FROM o."program_id" AND e."campaign_id" IS NOT DISTINCT FROM o."campaign_id" AND e."dimensions" = o."dimensions"
) first
WHERE first."id" < o."id";

DELETE FROM "observation" o USING "observation_revision" r WHERE r."withdrawn" AND r."revised_by" = 'migration' AND r."observation_id" = o."id";

-- The natural key. jsonb compares objects whatever the order their keys were written in, and NULLS
-- NOT DISTINCT makes a figure without an office (or program, campaign, place) one key too.
-- CreateIndex
CREATE UNIQUE INDEX "observation_natural_key" ON "observation"("metric_id", "period_start", "period_end", "office_id", "region_code", "program_id", "campaign_id", "dimensions") NULLS NOT DISTINCT;
