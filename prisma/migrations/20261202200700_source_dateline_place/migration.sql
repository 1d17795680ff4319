-- AlterTable
ALTER TABLE "source" ADD COLUMN "dateline_place" TEXT;

-- The datelines of the seeded articles, for databases seeded before the column existed.
UPDATE "source" SET "dateline_place" = 'Jakarta' WHERE "document_ref" IN ('shared/seeds/000_9677cf70c2378be1.txt', 'shared/seeds/004_8a526ee89bc87de8.txt');
UPDATE "source" SET "dateline_place" = 'Tangerang' WHERE "document_ref" = 'shared/seeds/001_d40c6e69dc2ecd66.txt';
UPDATE "source" SET "dateline_place" = 'Kupang' WHERE "document_ref" IN ('shared/seeds/002_34d599d6a7e2abb5.txt', 'shared/seeds/003_2cb93ba56e4d9276.txt');
