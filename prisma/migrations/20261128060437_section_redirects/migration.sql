-- CreateTable
CREATE TABLE "SectionRedirect" (
    "id" UUID NOT NULL,
    "fromSlug" TEXT NOT NULL,
    "categoryId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SectionRedirect_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SectionRedirect_fromSlug_key" ON "SectionRedirect"("fromSlug");

-- CreateIndex
CREATE INDEX "SectionRedirect_categoryId_idx" ON "SectionRedirect"("categoryId");

-- AddForeignKey
ALTER TABLE "SectionRedirect" ADD CONSTRAINT "SectionRedirect_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE CASCADE ON UPDATE CASCADE;
