-- `/sources/<key>` lists the figures citing a source, as their own source or as a corroboration,
-- in period order. Without these it scanned every observation.

-- CreateIndex
CREATE INDEX "observation_source_id_published_period_start_id_idx" ON "observation"("source_id", "published", "period_start", "id");

-- CreateIndex
CREATE INDEX "observation_corroboration_source_id_idx" ON "observation_corroboration"("source_id");
