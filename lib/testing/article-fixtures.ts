import type { PrismaClient } from "../generated/prisma/client";
import type { ArticleStatus } from "../generated/prisma/enums";
import { articleSaveSchema, type ArticleFormFields, type ArticleSaveFields } from "../validations/article";

let counter = 0;

/** Unique per call: tests never collide on slugs. */
export function uniqueTitle(prefix = "Story"): string {
  return `${prefix} ${Date.now().toString(36)} ${++counter}`;
}

/** Complete, valid editor fields (parsed like the server action does). */
export function articleFields(sectionId: string, overrides: Partial<ArticleFormFields> = {}): ArticleSaveFields {
  return articleSaveSchema.parse({
    title: uniqueTitle(),
    slug: "",
    summary: "A summary.",
    lead: "The lead paragraph.",
    body: "<p>The body.</p>",
    sectionId,
    tags: [],
    byline: "",
    sourceAttribution: "",
    seoTitle: "",
    seoDescription: "",
    language: "en",
    publishedAt: "",
    ...overrides,
  });
}

/** A story straight in the database in any state (no DAL, no revision). */
export async function insertStory(
  db: PrismaClient,
  options: { authorId: string; categoryId: string; status?: ArticleStatus; publishedAt?: Date | null; title?: string },
) {
  const title = options.title ?? uniqueTitle();
  return db.article.create({
    data: {
      title,
      slug: title.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
      lead: "Lead.",
      body: "<p>Body.</p>",
      status: options.status ?? "DRAFT",
      publishedAt: options.publishedAt ?? null,
      categoryId: options.categoryId,
      authorId: options.authorId,
    },
  });
}
