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
  const { id } = await createTestArticle(db, { ...options, title, slug: title.toLowerCase().replace(/[^a-z0-9]+/g, "-") });
  return db.article.findUniqueOrThrow({ where: { id } });
}

export interface TestArticleInput {
  authorId: string;
  categoryId: string;
  title?: string;
  lead?: string;
  body?: string;
  summary?: string;
  status?: ArticleStatus;
  language?: string;
  publishedAt?: Date | null;
  updatedAt?: Date;
  slug?: string;
}

/** An article with sensible defaults; `updatedAt` is written as given. */
export async function createTestArticle(db: PrismaClient, input: TestArticleInput): Promise<{ id: string; slug: string }> {
  const n = ++counter;
  const article = await db.article.create({
    data: {
      authorId: input.authorId,
      categoryId: input.categoryId,
      title: input.title ?? `Story ${n}`,
      slug: input.slug ?? `story-${n}`,
      lead: input.lead ?? "A lead paragraph.",
      body: input.body ?? "<p>Body text.</p>",
      summary: input.summary,
      status: input.status ?? "DRAFT",
      language: input.language ?? "en",
      publishedAt: input.publishedAt ?? null,
    },
    select: { id: true, slug: true },
  });
  if (input.updatedAt) {
    await db.$executeRaw`UPDATE "Article" SET "updatedAt" = ${input.updatedAt} WHERE "id" = ${article.id}::uuid`;
  }
  return article;
}
