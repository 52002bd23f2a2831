import { beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "../../prisma/seed/seed-database";
import { provideTestDatabase } from "../testing/test-database";
import { getPublishedArticleBySlug, listLatestArticles } from "./public-articles";

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
    expect(article?.section).toEqual({ name: "Foreign policy", slug: "foreign-policy" });
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
