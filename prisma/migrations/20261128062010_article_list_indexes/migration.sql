-- CreateIndex
CREATE INDEX "Article_authorId_updatedAt_id_idx" ON "Article"("authorId", "updatedAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Article_categoryId_updatedAt_id_idx" ON "Article"("categoryId", "updatedAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Article_publishedAt_id_idx" ON "Article"("publishedAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Article_title_id_idx" ON "Article"("title", "id");

-- CreateIndex
CREATE INDEX "Article_language_status_publishedAt_idx" ON "Article"("language", "status", "publishedAt" DESC);

-- Keep the search vector inside the table row where it fits (compressed),
-- moving the body out to TOAST first: every search filter and rank reads the
-- vector of each candidate, while the body is read only when a story is
-- opened. Halves the pages a common-word search touches (see README,
-- Performance). Prisma does not model column storage, so this never drifts.
ALTER TABLE "Article" ALTER COLUMN "searchVector" SET STORAGE MAIN;
