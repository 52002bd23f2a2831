import { hashPassword } from "../../lib/auth/password";
import { paragraphsToHtml } from "../../lib/html";
import { slugify } from "../../lib/slug";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { demoStories } from "./demo-stories";
import { referenceStory } from "./reference-story";
import { seedSections } from "./sections";
import { demoUsers } from "./users";

interface SeedStory {
  slug: string;
  title: string;
  section: string;
  publishedAt: string;
  summary: string;
  lead: string;
  paragraphs: readonly string[];
  sourceAttribution: string | null;
  byline?: string;
  tags: readonly string[];
}

export interface SeedResult {
  categories: number;
  users: number;
  articlesCreated: number;
  articlesKept: number;
}

async function seedCategories(db: PrismaClient): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const [position, section] of seedSections.entries()) {
    const parentId = "parent" in section ? ids.get(section.parent) : undefined;
    const category = await db.category.upsert({
      where: { slug: section.slug },
      create: { slug: section.slug, name: section.name, description: section.description, position, parentId },
      update: {},
    });
    ids.set(section.slug, category.id);
  }
  return ids;
}

async function seedUsers(db: PrismaClient): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const user of demoUsers) {
    const existing = await db.user.findUnique({ where: { email: user.email }, select: { id: true } });
    const id =
      existing?.id ??
      (
        await db.user.create({
          data: {
            email: user.email,
            name: user.name,
            slug: user.slug,
            role: user.role,
            passwordHash: await hashPassword(user.password),
          },
          select: { id: true },
        })
      ).id;
    ids.set(user.role, id);
  }
  return ids;
}

/** Creates the story unless one with its slug exists: re-seeding never clobbers edits. */
async function seedStory(db: PrismaClient, story: SeedStory, categoryId: string, authorId: string): Promise<boolean> {
  const existing = await db.article.findUnique({
    where: { language_slug: { language: "en", slug: story.slug } },
    select: { id: true },
  });
  if (existing) return false;
  const publishedAt = new Date(story.publishedAt);
  const body = paragraphsToHtml(story.paragraphs);
  const tags = story.tags.map((name) => ({ name, slug: slugify(name) }));
  await db.$transaction(async (tx) => {
    const article = await tx.article.create({
      data: {
        language: "en",
        slug: story.slug,
        title: story.title,
        summary: story.summary,
        lead: story.lead,
        body,
        status: "PUBLISHED",
        publishedAt,
        categoryId,
        authorId,
        byline: story.byline ?? null,
        sourceAttribution: story.sourceAttribution,
        createdAt: publishedAt,
        tags: {
          create: tags.map((tag, position) => ({
            position,
            tag: { connectOrCreate: { where: { slug: tag.slug }, create: tag } },
          })),
        },
      },
    });
    await tx.articleRevision.create({
      data: {
        articleId: article.id,
        version: 1,
        kind: "CREATE",
        note: "Seeded",
        status: "PUBLISHED",
        title: article.title,
        slug: article.slug,
        summary: article.summary,
        lead: article.lead,
        body: article.body,
        categoryId,
        byline: article.byline,
        sourceAttribution: article.sourceAttribution,
        publishedAt,
        tagNames: tags.map((t) => t.name),
        createdById: authorId,
        createdAt: publishedAt,
      },
    });
  });
  return true;
}

/** Idempotent demo seed: sections, one account per role, the reference story and the demo stories. */
export async function seedDatabase(db: PrismaClient): Promise<SeedResult> {
  const categories = await seedCategories(db);
  const users = await seedUsers(db);
  const stories: SeedStory[] = [referenceStory, ...demoStories];
  let created = 0;
  for (const [index, story] of stories.entries()) {
    const categoryId = categories.get(story.section);
    if (!categoryId) throw new Error(`Seed story ${story.slug} names unknown section ${story.section}`);
    // Spread the demo stories over the two writing accounts.
    const authorId = users.get(index % 2 === 0 ? "EDITOR" : "AUTHOR");
    if (!authorId) throw new Error("Demo users are missing");
    if (await seedStory(db, story, categoryId, authorId)) created++;
  }
  return { categories: categories.size, users: users.size, articlesCreated: created, articlesKept: stories.length - created };
}
