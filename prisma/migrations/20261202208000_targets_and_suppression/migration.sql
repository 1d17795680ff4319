-- Small-cell suppression: a sensitive metric hides, from callers without read:restricted, the cells
-- below its threshold (and the cells that would give them away).

-- AlterTable
ALTER TABLE "metric" ADD COLUMN "sensitive" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "suppression_threshold" INTEGER NOT NULL DEFAULT 10;

ALTER TABLE "metric" ADD CONSTRAINT "metric_suppression_threshold_check" CHECK ("suppression_threshold" BETWEEN 1 AND 1000000);

-- A target a metric should reach over a period, nationally (no region) or for a region, with its source.
-- CreateTable
CREATE TABLE "target" (
    "id" SERIAL NOT NULL,
    "metric_id" INTEGER NOT NULL,
    "period_start" DATE NOT NULL,
    "period_end" DATE NOT NULL,
    "region_code" VARCHAR(13),
    "value" DECIMAL(20,4) NOT NULL,
    "source_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "target_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "target_period_check" CHECK ("period_end" >= "period_start"),
    CONSTRAINT "target_value_check" CHECK ("value" >= 0)
);

-- One target per metric, period and place; the national target (no region) is one place too.
-- CreateIndex
CREATE UNIQUE INDEX "target_metric_id_period_start_period_end_region_code_key" ON "target"("metric_id", "period_start", "period_end", "region_code") NULLS NOT DISTINCT;

-- CreateIndex
CREATE INDEX "target_source_id_idx" ON "target"("source_id");

-- AddForeignKey
ALTER TABLE "target" ADD CONSTRAINT "target_metric_id_fkey" FOREIGN KEY ("metric_id") REFERENCES "metric"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target" ADD CONSTRAINT "target_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target" ADD CONSTRAINT "target_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
