-- CreateEnum
CREATE TYPE "RegionLevel" AS ENUM ('PROVINCE', 'REGENCY', 'DISTRICT', 'VILLAGE');

-- CreateEnum
CREATE TYPE "OfficeType" AS ENUM ('MINISTRY', 'DIRECTORATE_GENERAL', 'REGIONAL_OFFICE_IMMIGRATION', 'REGIONAL_OFFICE_CORRECTIONS', 'IMMIGRATION_OFFICE', 'IMMIGRATION_DETENTION_CENTER', 'PRISON', 'DETENTION_HOUSE', 'PAROLE_OFFICE', 'JUVENILE_CORRECTIONAL_INSTITUTION', 'POLYTECHNIC');

-- CreateEnum
CREATE TYPE "Directorate" AS ENUM ('IMMIGRATION', 'CORRECTIONS');

-- CreateEnum
CREATE TYPE "ProgramTheme" AS ENUM ('TPPO_PREVENTION', 'SOCIAL', 'ENVIRONMENT', 'HEALTH', 'PUBLIC_SERVICE', 'INSTITUTIONAL');

-- CreateEnum
CREATE TYPE "Aggregation" AS ENUM ('SUM', 'LATEST', 'MAX');

-- CreateEnum
CREATE TYPE "Unit" AS ENUM ('PACKAGE', 'SEEDLING', 'PERSON', 'DOCUMENT', 'VILLAGE', 'OFFICER', 'OFFICE', 'ACTIVITY', 'ITEM_KIND', 'PROGRAM');

-- CreateEnum
CREATE TYPE "SourceKind" AS ENUM ('NEWS_ARTICLE', 'DATASET', 'SYNTHETIC');

-- CreateTable
CREATE TABLE "region" (
    "code" VARCHAR(13) NOT NULL,
    "level" "RegionLevel" NOT NULL,
    "name" TEXT NOT NULL,
    "parent_code" VARCHAR(13),
    "province_code" VARCHAR(2) NOT NULL,
    "regency_code" VARCHAR(5),
    "latitude" DECIMAL(9,6),
    "longitude" DECIMAL(9,6),
    "village_count" INTEGER,

    CONSTRAINT "region_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "region_priority" (
    "id" SERIAL NOT NULL,
    "region_code" VARCHAR(13) NOT NULL,
    "theme" "ProgramTheme" NOT NULL,
    "declared_on" DATE,
    "source_id" INTEGER NOT NULL,
    "synthetic" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "region_priority_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "office" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(64) NOT NULL,
    "type" "OfficeType" NOT NULL,
    "directorate" "Directorate",
    "name_id" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "parent_id" INTEGER,
    "region_code" VARCHAR(13),
    "latitude" DECIMAL(9,6),
    "longitude" DECIMAL(9,6),
    "opened_on" DATE,
    "synthetic" BOOLEAN NOT NULL DEFAULT false,
    "source_id" INTEGER,

    CONSTRAINT "office_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "program" (
    "id" SERIAL NOT NULL,
    "key" VARCHAR(64) NOT NULL,
    "name_id" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "description_id" TEXT NOT NULL,
    "description_en" TEXT NOT NULL,
    "themes" "ProgramTheme"[],
    "directorate" "Directorate",

    CONSTRAINT "program_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign" (
    "id" SERIAL NOT NULL,
    "slug" VARCHAR(64) NOT NULL,
    "name_id" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "description_id" TEXT,
    "description_en" TEXT,
    "starts_on" DATE NOT NULL,
    "ends_on" DATE NOT NULL,
    "organiser_id" INTEGER,
    "synthetic" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign_program" (
    "campaign_id" INTEGER NOT NULL,
    "program_id" INTEGER NOT NULL,

    CONSTRAINT "campaign_program_pkey" PRIMARY KEY ("campaign_id","program_id")
);

-- CreateTable
CREATE TABLE "campaign_participant" (
    "id" SERIAL NOT NULL,
    "campaign_id" INTEGER NOT NULL,
    "office_id" INTEGER,
    "region_code" VARCHAR(13),

    CONSTRAINT "campaign_participant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "metric" (
    "id" SERIAL NOT NULL,
    "key" VARCHAR(64) NOT NULL,
    "name_id" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "description_id" TEXT NOT NULL,
    "description_en" TEXT NOT NULL,
    "unit" "Unit" NOT NULL,
    "time_aggregation" "Aggregation" NOT NULL,
    "space_aggregation" "Aggregation" NOT NULL,
    "dimensions" TEXT[],
    "allows_negative" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "metric_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "observation" (
    "id" SERIAL NOT NULL,
    "metric_id" INTEGER NOT NULL,
    "value" DECIMAL(20,4) NOT NULL,
    "is_lower_bound" BOOLEAN NOT NULL DEFAULT false,
    "period_start" DATE NOT NULL,
    "period_end" DATE NOT NULL,
    "office_id" INTEGER,
    "region_code" VARCHAR(13),
    "program_id" INTEGER,
    "campaign_id" INTEGER,
    "dimensions" JSONB NOT NULL DEFAULT '{}',
    "synthetic" BOOLEAN NOT NULL DEFAULT false,
    "source_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "observation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "observation_corroboration" (
    "observation_id" INTEGER NOT NULL,
    "source_id" INTEGER NOT NULL,

    CONSTRAINT "observation_corroboration_pkey" PRIMARY KEY ("observation_id","source_id")
);

-- CreateTable
CREATE TABLE "source" (
    "id" SERIAL NOT NULL,
    "key" VARCHAR(96) NOT NULL,
    "kind" "SourceKind" NOT NULL,
    "publisher" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT,
    "published_on" DATE,
    "author" TEXT,
    "claim_id" TEXT NOT NULL,
    "claim_en" TEXT NOT NULL,
    "licence" TEXT,
    "document_ref" TEXT,

    CONSTRAINT "source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "partner_village" (
    "id" SERIAL NOT NULL,
    "region_code" VARCHAR(13) NOT NULL,
    "office_id" INTEGER NOT NULL,
    "designated_on" DATE,
    "pimpasa_count" INTEGER NOT NULL DEFAULT 0,
    "synthetic" BOOLEAN NOT NULL DEFAULT false,
    "source_id" INTEGER NOT NULL,

    CONSTRAINT "partner_village_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "region_province_code_level_idx" ON "region"("province_code", "level");

-- CreateIndex
CREATE INDEX "region_regency_code_level_idx" ON "region"("regency_code", "level");

-- CreateIndex
CREATE INDEX "region_parent_code_idx" ON "region"("parent_code");

-- CreateIndex
CREATE UNIQUE INDEX "region_priority_region_code_theme_key" ON "region_priority"("region_code", "theme");

-- CreateIndex
CREATE UNIQUE INDEX "office_code_key" ON "office"("code");

-- CreateIndex
CREATE INDEX "office_type_idx" ON "office"("type");

-- CreateIndex
CREATE INDEX "office_parent_id_idx" ON "office"("parent_id");

-- CreateIndex
CREATE INDEX "office_region_code_idx" ON "office"("region_code");

-- CreateIndex
CREATE UNIQUE INDEX "program_key_key" ON "program"("key");

-- CreateIndex
CREATE UNIQUE INDEX "campaign_slug_key" ON "campaign"("slug");

-- CreateIndex
CREATE INDEX "campaign_participant_campaign_id_idx" ON "campaign_participant"("campaign_id");

-- CreateIndex
CREATE UNIQUE INDEX "metric_key_key" ON "metric"("key");

-- CreateIndex
CREATE INDEX "observation_metric_id_period_start_idx" ON "observation"("metric_id", "period_start");

-- CreateIndex
CREATE INDEX "observation_region_code_idx" ON "observation"("region_code");

-- CreateIndex
CREATE INDEX "observation_campaign_id_idx" ON "observation"("campaign_id");

-- CreateIndex
CREATE INDEX "observation_office_id_idx" ON "observation"("office_id");

-- CreateIndex
CREATE UNIQUE INDEX "source_key_key" ON "source"("key");

-- CreateIndex
CREATE UNIQUE INDEX "partner_village_region_code_key" ON "partner_village"("region_code");

-- CreateIndex
CREATE INDEX "partner_village_office_id_idx" ON "partner_village"("office_id");

-- AddForeignKey
ALTER TABLE "region" ADD CONSTRAINT "region_parent_code_fkey" FOREIGN KEY ("parent_code") REFERENCES "region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "region_priority" ADD CONSTRAINT "region_priority_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "region_priority" ADD CONSTRAINT "region_priority_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "office" ADD CONSTRAINT "office_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "office"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "office" ADD CONSTRAINT "office_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "office" ADD CONSTRAINT "office_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign" ADD CONSTRAINT "campaign_organiser_id_fkey" FOREIGN KEY ("organiser_id") REFERENCES "office"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_program" ADD CONSTRAINT "campaign_program_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_program" ADD CONSTRAINT "campaign_program_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_participant" ADD CONSTRAINT "campaign_participant_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_participant" ADD CONSTRAINT "campaign_participant_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "office"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_participant" ADD CONSTRAINT "campaign_participant_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "observation" ADD CONSTRAINT "observation_metric_id_fkey" FOREIGN KEY ("metric_id") REFERENCES "metric"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "observation" ADD CONSTRAINT "observation_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "office"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "observation" ADD CONSTRAINT "observation_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "observation" ADD CONSTRAINT "observation_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "observation" ADD CONSTRAINT "observation_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "observation" ADD CONSTRAINT "observation_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "observation_corroboration" ADD CONSTRAINT "observation_corroboration_observation_id_fkey" FOREIGN KEY ("observation_id") REFERENCES "observation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "observation_corroboration" ADD CONSTRAINT "observation_corroboration_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partner_village" ADD CONSTRAINT "partner_village_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partner_village" ADD CONSTRAINT "partner_village_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partner_village" ADD CONSTRAINT "partner_village_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Check constraints are not expressible in schema.prisma; Prisma leaves them in place.
ALTER TABLE "observation" ADD CONSTRAINT "observation_period_order_check" CHECK ("period_end" >= "period_start");
ALTER TABLE "campaign" ADD CONSTRAINT "campaign_date_order_check" CHECK ("ends_on" >= "starts_on");
ALTER TABLE "campaign_participant" ADD CONSTRAINT "campaign_participant_target_check" CHECK ("office_id" IS NOT NULL OR "region_code" IS NOT NULL);
ALTER TABLE "partner_village" ADD CONSTRAINT "partner_village_pimpasa_count_check" CHECK ("pimpasa_count" >= 0);
