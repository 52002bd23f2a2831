-- DropIndex
DROP INDEX "TypoReport_articleId_status_idx";

-- DropIndex
DROP INDEX "TypoReport_status_createdAt_idx";

-- AlterTable
ALTER TABLE "TypoReport" ADD COLUMN     "charOffset" INTEGER,
ADD COLUMN     "duplicateOfId" UUID,
ADD COLUMN     "openFingerprint" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "TypoReport_openFingerprint_key" ON "TypoReport"("openFingerprint");

-- CreateIndex
CREATE INDEX "TypoReport_status_createdAt_id_idx" ON "TypoReport"("status", "createdAt" DESC, "id");

-- CreateIndex
CREATE INDEX "TypoReport_articleId_status_createdAt_id_idx" ON "TypoReport"("articleId", "status", "createdAt" DESC, "id");

-- CreateIndex
CREATE INDEX "TypoReport_duplicateOfId_idx" ON "TypoReport"("duplicateOfId");

-- AddForeignKey
ALTER TABLE "TypoReport" ADD CONSTRAINT "TypoReport_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "TypoReport"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Only an open report holds its spot: a decided one never blocks a new report.
ALTER TABLE "TypoReport" ADD CONSTRAINT "TypoReport_open_fingerprint_only_when_new"
  CHECK ("openFingerprint" IS NULL OR "status" = 'NEW');

-- Reports already waiting keep merging: the newest open one per spot holds it.
UPDATE "TypoReport" t SET "openFingerprint" = t."fingerprint"
FROM (SELECT DISTINCT ON ("fingerprint") "id" FROM "TypoReport" WHERE "status" = 'NEW' ORDER BY "fingerprint", "createdAt" DESC) latest
WHERE t."id" = latest."id";
