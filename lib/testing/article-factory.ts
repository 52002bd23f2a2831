import type { PrismaClient } from "../generated/prisma/client";
import type { ArticleStatus, Role } from "../generated/prisma/enums";
import type { SessionUser } from "../auth/session";

let sequence = 0;

/** A newsroom account for tests, returned as the session sees it. */
export async function createTestUser(db: PrismaClient, role: Role, name = `${role.toLowerCase()} ${++sequence}`): Promise<SessionUser & { slug: string }> {
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${++sequence}`;
  const user = await db.user.create({
    data: { email: `${slug}@newsdesk.test`, name, slug, role, passwordHash: "x" },
    select: { id: true, email: true, name: true, role: true, slug: true },
  });
  return user;
}

export async function createTestSection(db: PrismaClient, slug: string, parentId?: string): Promise<{ id: string; slug: string }> {
  return db.category.create({ data: { slug, name: slug, parentId }, select: { id: true, slug: true } });
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
  const n = ++sequence;
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
