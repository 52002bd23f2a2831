import { beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "../../prisma/seed/seed-database";
import { findArticleRedirect } from "./articles/find-article-redirect";
import { provideTestDatabase } from "../testing/test-database";
import {
  LIST_PAGE_SIZE,
  MAX_LIST_PAGE,
  getPublishedArticleBySlug,
  listArticlePage,
  listLatestArticles,
} from "./public-articles";
import { getPublicAuthorBySlug, getPublicTagBySlug } from "./public-people";

const getDb = provideTestDatabase();
const referenceSlug = "azerbaijan-and-serbia-hold-political-consultations";

async function makeStory(slug: string, status: "DRAFT" | "SCHEDULED" | "PUBLISHED" | "ARCHIVED", publishedAt: Date | null) {
  const db = getDb();
  const category = await db.category.findUniqueOrThrow({ where: { slug: "world" } });
  const author = await db.user.findFirstOrThrow();
  return db.article.create({
    data: { slug, title: slug, lead: "Lead.", body: "<p>Body.</p>", status, publishedAt, categoryId: category.id, authorId: author.id },
  });
}

describe("public article reads", () => {
  beforeAll(async () => {
    await seedDatabase(getDb());
  });

  it("return the reference story with every part", async () => {
    const article = await getPublishedArticleBySlug(referenceSlug);
    expect(article).not.toBeNull();
    expect(article?.title).toBe("Azerbaijan and Serbia hold political consultations");
    expect(article?.section).toEqual({ name: "Foreign policy", slug: "foreign-policy", parent: null });
    expect(article?.tags.map((t) => t.name)).toEqual(["serbia", "political consultations", "cop29", "bilateral relations"]);
    expect(article?.byline).toBe("Report");
    expect(article?.publishedAt.toISOString()).toBe("2024-10-16T13:40:00.000Z");
    expect(article?.lead).toContain("Report informs, citing Azerbaijani Ministry of Foreign Affairs.");
    expect(article?.sourceAttribution).toBe("citing Azerbaijani Ministry of Foreign Affairs");
    expect(article?.body.match(/<p>/g)).toHaveLength(5);
    expect(article?.updatedAt).toBeNull();
  });

  it("list latest news newest first, with at least 30 stories", async () => {
    const items = await listLatestArticles({ limit: 50 });
    expect(items.length).toBeGreaterThanOrEqual(31);
    const times = items.map((i) => i.publishedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(items.find((i) => i.path === `/news/foreign-policy/${referenceSlug}`)).toBeDefined();
  });

  it("filter a section, including its subsections", async () => {
    const economy = await listLatestArticles({ sectionSlug: "economy", limit: 100 });
    const sections = new Set(economy.map((i) => i.section.slug));
    expect(sections).toEqual(new Set(["economy", "business"]));
  });

  it("hide drafts, archived stories and scheduled stories before their time", async () => {
    const hour = 3_600_000;
    await makeStory("a-draft", "DRAFT", null);
    await makeStory("an-archived-story", "ARCHIVED", new Date(Date.now() - hour));
    await makeStory("scheduled-for-later", "SCHEDULED", new Date(Date.now() + hour));
    for (const slug of ["a-draft", "an-archived-story", "scheduled-for-later"]) {
      expect(await getPublishedArticleBySlug(slug)).toBeNull();
    }
    const latest = await listLatestArticles({ limit: 100 });
    expect(latest.map((i) => i.title)).not.toContain("scheduled-for-later");
  });

  it("show a scheduled story once its time has come, with no job run", async () => {
    await makeStory("scheduled-in-the-past", "SCHEDULED", new Date(Date.now() - 1000));
    expect(await getPublishedArticleBySlug("scheduled-in-the-past")).not.toBeNull();
    const [first] = await listLatestArticles({ limit: 1 });
    expect(first?.title).toBe("scheduled-in-the-past");
  });
});

describe("public list pages", () => {
  it("page a section (with its subsections) 20 at a time, and end with null past the last page", async () => {
    const db = getDb();
    const economy = await db.category.findUniqueOrThrow({ where: { slug: "economy" }, include: { children: true } });
    const author = await db.user.findFirstOrThrow();
    const base = Date.now() - 3_600_000;
    await db.article.createMany({
      data: Array.from({ length: 45 }, (_, i) => ({
        slug: `economy-archive-${i}`,
        title: `Economy archive ${i}`,
        lead: "Lead.",
        body: "<p>Body.</p>",
        status: "PUBLISHED" as const,
        publishedAt: new Date(base - i * 60_000),
        categoryId: i % 2 ? economy.id : (economy.children[0]?.id ?? economy.id),
        authorId: author.id,
      })),
    });
    const ids = [economy.id, ...economy.children.map((c) => c.id)];
    const first = await listArticlePage({ categoryIds: ids }, 1);
    const second = await listArticlePage({ categoryIds: ids }, 2);
    expect(first?.items).toHaveLength(LIST_PAGE_SIZE);
    expect(first?.hasNext).toBe(true);
    expect(first?.items[0]?.title).toBe("Economy archive 0");
    expect(second?.items[0]?.title).toBe("Economy archive 20");
    const sections = new Set([...(first?.items ?? []), ...(second?.items ?? [])].map((i) => i.section.slug));
    expect(sections).toEqual(new Set(["economy", "business"]));
    let page = 3;
    let last = await listArticlePage({ categoryIds: ids }, page);
    while (last?.hasNext) last = await listArticlePage({ categoryIds: ids }, ++page);
    expect(await listArticlePage({ categoryIds: ids }, page + 1)).toBeNull();
    expect(await listArticlePage({ categoryIds: ids }, 0)).toBeNull();
    expect(await listArticlePage({ categoryIds: ids }, MAX_LIST_PAGE + 1)).toBeNull();
  });

  it("list a tag's and an author's public stories only", async () => {
    const tag = await getPublicTagBySlug("serbia");
    expect(tag?.name).toBe("serbia");
    const tagged = await listArticlePage({ tagId: tag?.id }, 1);
    expect(tagged?.items.map((i) => i.title)).toContain("Azerbaijan and Serbia hold political consultations");
    const author = await getPublicAuthorBySlug("aysel-mammadova");
    expect(author?.name).toBe("Aysel Mammadova");
    const byAuthor = await listArticlePage({ authorId: author?.id }, 1);
    expect(byAuthor?.items.length).toBeGreaterThan(0);
    expect(await getPublicTagBySlug("no-such-tag")).toBeNull();
    // Staff who never published have no public page.
    await getDb().user.create({ data: { email: "new@newsdesk.test", name: "New Hire", slug: "new-hire", passwordHash: "x" } });
    expect(await getPublicAuthorBySlug("new-hire")).toBeNull();
  });

  it("send an old slug to the story's current address", async () => {
    const story = await getDb().article.findFirstOrThrow({ where: { slug: referenceSlug } });
    await getDb().slugRedirect.create({ data: { language: "en", fromSlug: "old-consultations-slug", articleId: story.id } });
    expect(await findArticleRedirect("old-consultations-slug")).toBe(`/news/foreign-policy/${referenceSlug}`);
    expect(await findArticleRedirect("never-existed")).toBeNull();
  });
});
