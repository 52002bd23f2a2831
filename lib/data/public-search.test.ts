import { beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "../../prisma/seed/seed-database";
import { provideTestDatabase } from "../testing/test-database";
import { HIGHLIGHT_END, HIGHLIGHT_START, normaliseSearchQuery, searchArticles } from "./public-search";

const getDb = provideTestDatabase();

async function addStory(slug: string, title: string, body: string, status: "PUBLISHED" | "DRAFT" = "PUBLISHED") {
  const db = getDb();
  const category = await db.category.findUniqueOrThrow({ where: { slug: "world" } });
  const author = await db.user.findFirstOrThrow();
  await db.article.create({
    data: { slug, title, lead: "A lead paragraph.", body, status, publishedAt: status === "PUBLISHED" ? new Date(Date.now() - 60_000) : null, categoryId: category.id, authorId: author.id },
  });
}

describe("full-text search", () => {
  beforeAll(async () => {
    await seedDatabase(getDb());
    await addStory("tricky-markup", "Markup & <tags> in a headline", "<p>Engineers said &lt;script&gt;alert(1)&lt;/script&gt; is only text about pipelines &amp; valves.</p>");
    await addStory("draft-pipeline", "Secret pipeline draft", "<p>Pipelines everywhere.</p>", "DRAFT");
  });

  it("ranks matches and marks them in the title and a passage", async () => {
    const results = await searchArticles("serbia consultations");
    expect(results?.total).toBeGreaterThan(0);
    const [top] = results?.hits ?? [];
    expect(top?.path).toBe("/news/foreign-policy/azerbaijan-and-serbia-hold-political-consultations");
    expect(top?.titleHighlight).toContain(`${HIGHLIGHT_START}Serbia${HIGHLIGHT_END}`);
    expect(top?.snippet).toContain(`${HIGHLIGHT_START}consultations${HIGHLIGHT_END}`);
    expect(top?.snippet).not.toMatch(/<p>|<\/p>/);
  });

  it("understands phrases, or and exclusions (websearch syntax)", async () => {
    const phrase = await searchArticles('"political consultations"');
    expect(phrase?.hits.map((h) => h.title)).toContain("Azerbaijan and Serbia hold political consultations");
    const excluded = await searchArticles("consultations -serbia");
    expect(excluded?.hits.map((h) => h.title)).not.toContain("Azerbaijan and Serbia hold political consultations");
  });

  it("never finds drafts", async () => {
    const results = await searchArticles("secret pipeline draft");
    expect(results?.hits.map((h) => h.title)).not.toContain("Secret pipeline draft");
  });

  it("returns markup in stories as text, never as tags", async () => {
    const results = await searchArticles("pipelines valves");
    const hit = results?.hits.find((h) => h.path.endsWith("/tricky-markup"));
    expect(hit?.title).toBe("Markup & <tags> in a headline");
    // Entities stay encoded here; the page decodes them to text and React escapes that text.
    expect(hit?.snippet).toContain("&lt;script&gt;");
  });

  it.each(["", "   ", '"', "-", "or", "the", "!!!", "a & b | c", "\u0000nul", "x".repeat(500), "🙂", "(((", "'; DROP TABLE \"Article\"; --"])(
    "answers the odd query %j without failing",
    async (query) => {
      const results = await searchArticles(query);
      expect(results).not.toBeNull();
      expect(results?.page).toBe(1);
    },
  );

  it("pages results and ends with null past the last page", async () => {
    expect(await searchArticles("serbia", 2)).toBeNull();
    expect(await searchArticles("serbia", 0)).toBeNull();
    expect(await searchArticles("", 2)).toBeNull();
  });

  it("cleans queries before they reach the database", () => {
    expect(normaliseSearchQuery("  oil\u0000 prices \n")).toBe("oil prices");
    expect(normaliseSearchQuery("x".repeat(300))).toHaveLength(200);
    expect(normaliseSearchQuery(`a${HIGHLIGHT_START}b`)).toBe("a b");
  });
});
