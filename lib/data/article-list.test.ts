import { beforeAll, describe, expect, it, vi } from "vitest";
import { UnauthenticatedError } from "../errors";
import { createTestArticle } from "../testing/article-fixtures";
import { createTestSection, createTestUser } from "../testing/test-users";
import type { SessionUser } from "../auth/session";
import { actAs } from "../testing/session-mock";
import { provideTestDatabase } from "../testing/test-database";
import type { ArticleListQuery } from "../validations/article-list-query";
import { encodeArticleListCursor } from "./article-list-cursor";
import { countArticlesByStatus, listArticles, type ArticleListPage } from "./article-list";
import { SEARCH_MATCH_LIMIT } from "./article-list-sql";
import { getArticleListOptions } from "./article-list-options";

vi.mock("../auth/session", () => import("../testing/session-mock"));

const getDb = provideTestDatabase();

type User = SessionUser & { slug: string };
let editor: User;
let author: User;
let otherAuthor: User;
const hour = 3_600_000;
const base = Date.parse("2025-03-01T10:00:00Z");

interface WalkRow {
  id: string;
  updatedAt: number;
  title: string;
  publishedAt: number | null;
}
const pagingSet: WalkRow[] = [];
const ids: Record<string, string> = {};

beforeAll(async () => {
  const db = getDb();
  editor = await createTestUser(db, "EDITOR", "Edna Editor");
  author = await createTestUser(db, "AUTHOR", "Arif Author");
  otherAuthor = await createTestUser(db, "AUTHOR", "Olga Other");
  const economy = await createTestSection(db, "economy");
  const business = await createTestSection(db, "business", economy.id);
  const world = await createTestSection(db, "world");
  const statusDesk = await createTestSection(db, "status-desk");
  const searchDesk = await createTestSection(db, "search-desk");

  // 45 stories with ties in every sort key; groups of 7 so page breaks
  // (20, 40) fall inside a run of equal keys.
  const titles = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"];
  for (let i = 0; i < 45; i++) {
    const updatedAt = new Date(base - Math.floor(i / 7) * hour);
    const publishedAt = i % 3 === 0 ? null : new Date(base - Math.floor(i / 4) * hour);
    const title = titles[i % titles.length] as string;
    const { id } = await createTestArticle(db, { authorId: author.id, categoryId: world.id, title, updatedAt, publishedAt, status: "DRAFT" });
    pagingSet.push({ id, updatedAt: updatedAt.getTime(), title, publishedAt: publishedAt?.getTime() ?? null });
  }

  const now = Date.now();
  const make = (key: string, input: Parameters<typeof createTestArticle>[1]) =>
    createTestArticle(db, input).then((a) => {
      ids[key] = a.id;
    });
  await make("draft", { authorId: otherAuthor.id, categoryId: statusDesk.id, status: "DRAFT" });
  await make("inReview", { authorId: otherAuthor.id, categoryId: statusDesk.id, status: "IN_REVIEW" });
  await make("scheduledLater", { authorId: editor.id, categoryId: statusDesk.id, status: "SCHEDULED", publishedAt: new Date(now + hour) });
  await make("scheduledPast", { authorId: otherAuthor.id, categoryId: statusDesk.id, status: "SCHEDULED", publishedAt: new Date(now - hour) });
  await make("published", { authorId: editor.id, categoryId: statusDesk.id, status: "PUBLISHED", publishedAt: new Date(now - 2 * hour) });
  await make("archived", { authorId: editor.id, categoryId: statusDesk.id, status: "ARCHIVED", publishedAt: new Date(now - 3 * hour) });

  await make("economyStory", { authorId: editor.id, categoryId: economy.id, title: "Budget surplus" });
  await make("businessStory", { authorId: editor.id, categoryId: business.id, title: "Bank merger" });

  await make("pipelineTitle", {
    authorId: editor.id,
    categoryId: searchDesk.id,
    title: "Caspian pipeline expansion approved",
    slug: "caspian-pipeline-expansion",
    body: "<p>The consortium approved the expansion of the pipeline.</p>",
  });
  await make("pipelineBody", {
    authorId: editor.id,
    categoryId: searchDesk.id,
    title: "Weather turns cold",
    body: "<p>Snow is expected. Work on the pipeline will pause for a week.</p>",
  });
  await make("prices", { authorId: editor.id, categoryId: searchDesk.id, title: "Markets", lead: "Oil prices climbed on Monday." });
  await make("concert", { authorId: editor.id, categoryId: searchDesk.id, title: "Orchestra concert", body: "<p>A concert in Baku.</p>" });
  await make("russian", {
    authorId: editor.id,
    categoryId: searchDesk.id,
    language: "ru",
    title: "Цены на нефть растут",
    body: "<p>Стоимость нефти выросла.</p>",
  });
});

const asEditor = () => actAs(editor);

async function walkForward(query: ArticleListQuery): Promise<ArticleListPage[]> {
  const pages: ArticleListPage[] = [];
  let after: string | undefined;
  for (let guard = 0; guard < 50; guard++) {
    const page = await listArticles({ ...query, after });
    pages.push(page);
    if (!page.nextCursor) return pages;
    after = page.nextCursor;
  }
  throw new Error("pagination did not end");
}

async function walkBackward(query: ArticleListQuery, from: ArticleListPage): Promise<ArticleListPage[]> {
  const pages = [from];
  let page = from;
  while (page.previousCursor) {
    page = await listArticles({ ...query, before: page.previousCursor });
    pages.unshift(page);
    if (pages.length > 50) throw new Error("backward pagination did not end");
  }
  return pages;
}

const pagingQuery = (): ArticleListQuery => ({ author: author.slug, section: "world", per: 20 });
const idsOf = (pages: ArticleListPage[]) => pages.flatMap((p) => p.rows.map((r) => r.id));
const byId = (a: WalkRow, b: WalkRow) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe("article list: keyset pagination", () => {
  const expectations: Record<string, () => string[]> = {
    updated: () => [...pagingSet].sort((a, b) => b.updatedAt - a.updatedAt || byId(a, b)).map((r) => r.id),
    title: () => [...pagingSet].sort((a, b) => a.title.localeCompare(b.title) || byId(a, b)).map((r) => r.id),
    published: () => {
      const timed = pagingSet.filter((r) => r.publishedAt !== null).sort((a, b) => (b.publishedAt ?? 0) - (a.publishedAt ?? 0) || byId(a, b));
      const untimed = pagingSet.filter((r) => r.publishedAt === null).sort(byId);
      return [...timed, ...untimed].map((r) => r.id);
    },
  };

  for (const sort of ["updated", "title", "published"] as const) {
    it(`walks every page by ${sort} with no duplicates or gaps, forwards and back`, async () => {
      asEditor();
      const query = { ...pagingQuery(), sort };
      const forward = await walkForward(query);
      expect(forward.map((p) => p.rows.length)).toEqual([20, 20, 5]);
      expect(idsOf(forward)).toEqual(expectations[sort]?.());
      expect(forward[0]?.previousCursor).toBeNull();
      const backward = await walkBackward(query, forward[forward.length - 1] as ArticleListPage);
      expect(backward.map((p) => p.rows.map((r) => r.id))).toEqual(forward.map((p) => p.rows.map((r) => r.id)));
    });
  }

  it("walks search results by relevance completely", async () => {
    asEditor();
    const query: ArticleListQuery = { ...pagingQuery(), q: "body" };
    const forward = await walkForward(query);
    expect(forward[0]?.sort).toBe("relevance");
    expect(new Set(idsOf(forward))).toEqual(new Set(pagingSet.map((r) => r.id)));
    expect(idsOf(forward)).toHaveLength(45);
    const backward = await walkBackward(query, forward[forward.length - 1] as ArticleListPage);
    expect(idsOf(backward)).toEqual(idsOf(forward));
  });

  it("keeps the next page stable when newer stories arrive meanwhile", async () => {
    asEditor();
    const first = await listArticles(pagingQuery());
    const expected = await listArticles({ ...pagingQuery(), after: first.nextCursor ?? undefined });
    const world = await getDb().category.findUniqueOrThrow({ where: { slug: "world" } });
    const inserted = await createTestArticle(getDb(), { authorId: author.id, categoryId: world.id, title: "late" });
    const again = await listArticles({ ...pagingQuery(), after: first.nextCursor ?? undefined });
    expect(again.rows.map((r) => r.id)).toEqual(expected.rows.map((r) => r.id));
    await getDb().article.delete({ where: { id: inserted.id } });
  });

  it("ignores a malformed cursor or one made for another sort", async () => {
    asEditor();
    const first = await listArticles(pagingQuery());
    expect((await listArticles({ ...pagingQuery(), after: "not-a-cursor" })).rows).toEqual(first.rows);
    const titleCursor = encodeArticleListCursor({ sort: "title", value: "m", id: pagingSet[0]?.id as string });
    expect((await listArticles({ ...pagingQuery(), after: titleCursor })).rows).toEqual(first.rows);
  });
});

describe("article list: who sees what", () => {
  it("shows an author only their own stories, whatever the URL asks", async () => {
    actAs(otherAuthor);
    const page = await listArticles({ per: 100 });
    expect(page.rows.length).toBe(3);
    expect(new Set(page.rows.map((r) => r.author.name))).toEqual(new Set(["Olga Other"]));
    const asked = await listArticles({ author: author.slug, per: 100 });
    expect(asked.rows.map((r) => r.id).sort()).toEqual(page.rows.map((r) => r.id).sort());
    const counts = await countArticlesByStatus({ author: author.slug });
    expect(counts.all).toBe(3);
    expect(counts.byStatus).toMatchObject({ draft: 1, in_review: 1, published: 1, scheduled: 0 });
    expect((await getArticleListOptions()).authors).toEqual([]);
  });

  it("shows editors every story and filters by author", async () => {
    asEditor();
    const all = await countArticlesByStatus({});
    expect(all.all).toBe(45 + 6 + 2 + 5);
    const byAuthor = await listArticles({ author: otherAuthor.slug, per: 100 });
    expect(byAuthor.rows).toHaveLength(3);
    expect((await listArticles({ author: "nobody-at-all" })).rows).toEqual([]);
    expect((await getArticleListOptions()).authors.map((a) => a.name)).toEqual(["Arif Author", "Edna Editor", "Olga Other"]);
  });

  it("needs a signed-in user", async () => {
    actAs(null);
    await expect(listArticles({})).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(countArticlesByStatus({})).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});

describe("article list: filters and counts", () => {
  it("counts per status, a scheduled story whose time has come as published", async () => {
    asEditor();
    const counts = await countArticlesByStatus({ section: "status-desk", status: "draft" });
    expect(counts).toEqual({ all: 6, byStatus: { draft: 1, in_review: 1, scheduled: 1, published: 2, archived: 1 } });
  });

  it("filters by status the way the counts count", async () => {
    asEditor();
    const published = await listArticles({ section: "status-desk", status: "published" });
    expect(published.rows.map((r) => r.id).sort()).toEqual([ids.published, ids.scheduledPast].sort());
    expect(published.rows.every((r) => r.status === "published")).toBe(true);
    const scheduled = await listArticles({ section: "status-desk", status: "scheduled" });
    expect(scheduled.rows.map((r) => r.id)).toEqual([ids.scheduledLater]);
    expect(scheduled.rows[0]?.status).toBe("scheduled");
    const inReview = await listArticles({ section: "status-desk", status: "in_review" });
    expect(inReview.rows.map((r) => r.status)).toEqual(["in_review"]);
  });

  it("includes subsections when a parent section is chosen", async () => {
    asEditor();
    const economy = await listArticles({ section: "economy" });
    expect(economy.rows.map((r) => r.title).sort()).toEqual(["Bank merger", "Budget surplus"]);
    expect((await listArticles({ section: "business" })).rows.map((r) => r.title)).toEqual(["Bank merger"]);
    expect((await listArticles({ section: "no-such-section" })).rows).toEqual([]);
  });

  it("filters by language and lists the languages in use", async () => {
    asEditor();
    expect((await listArticles({ language: "ru" })).rows.map((r) => r.id)).toEqual([ids.russian]);
    expect((await getArticleListOptions()).languages).toEqual(["en", "ru"]);
  });
});

describe("article list: search", () => {
  const search = async (q: string, extra: ArticleListQuery = {}) => {
    asEditor();
    return (await listArticles({ q, section: "search-desk", ...extra })).rows.map((r) => r.id);
  };

  it("ranks a title match above a body match", async () => {
    expect(await search("pipeline")).toEqual([ids.pipelineTitle, ids.pipelineBody]);
  });

  it("stems words in the story's language", async () => {
    expect(await search("price")).toEqual([ids.prices]);
    expect(await search("нефти")).toEqual([ids.russian]);
    expect(await search("нефти", { language: "ru" })).toEqual([ids.russian]);
  });

  it("understands quotes, OR and -exclusions", async () => {
    expect(await search('"pipeline expansion"')).toEqual([ids.pipelineTitle]);
    expect(await search("pipeline -snow")).toEqual([ids.pipelineTitle]);
    expect((await search("concert OR snow")).sort()).toEqual([ids.concert, ids.pipelineBody].sort());
  });

  it("finds a story by its exact slug, URL or id", async () => {
    expect((await search("caspian-pipeline-expansion"))[0]).toBe(ids.pipelineTitle);
    expect((await search("https://news.example/news/energy/caspian-pipeline-expansion?x=1"))[0]).toBe(ids.pipelineTitle);
    expect(await search(ids.concert as string)).toEqual([ids.concert]);
  });

  it("counts search matches per status and shows an empty result plainly", async () => {
    asEditor();
    const counts = await countArticlesByStatus({ q: "pipeline" });
    expect(counts.all).toBe(2);
    expect(counts.byStatus?.draft).toBe(2);
    expect(await search("zzzzqqq")).toEqual([]);
    expect(await search("the")).toEqual([]);
  });
});

describe("article list: searches matching very many stories", () => {
  it("count up to the limit, then only say 'more', and rank the most recently updated matches", async () => {
    asEditor();
    const db = getDb();
    const section = await createTestSection(db, "crowded-desk");
    // One more than the limit of plain matches, older than one title match.
    await db.$executeRaw`
      INSERT INTO "Article" ("id", "slug", "title", "lead", "body", "categoryId", "authorId", "updatedAt")
      SELECT gen_random_uuid(), 'crowd-' || g, 'Crowd ' || g, 'Lead.', '<p>The harbour is busy.</p>',
             ${section.id}::uuid, ${editor.id}::uuid, now() - interval '1 day' - g * interval '1 minute'
      FROM generate_series(1, ${SEARCH_MATCH_LIMIT + 1}) g`;
    const titleMatch = await createTestArticle(db, { authorId: editor.id, categoryId: section.id, title: "Harbour reopens" });
    expect(await countArticlesByStatus({ q: "harbour" })).toEqual({ byStatus: null, all: SEARCH_MATCH_LIMIT + 1 });
    expect((await countArticlesByStatus({ q: "harbour reopens" })).byStatus?.draft).toBe(1);
    const page = await listArticles({ q: "harbour", per: 20 });
    expect(page.rows[0]?.id).toBe(titleMatch.id);
    const pages = await walkForward({ q: "harbour", per: 100 });
    expect(idsOf(pages)).toHaveLength(SEARCH_MATCH_LIMIT);
    expect(new Set(idsOf(pages)).size).toBe(SEARCH_MATCH_LIMIT);
    // Other orders still reach every match.
    expect((await countArticlesByStatus({ section: "crowded-desk" })).all).toBe(SEARCH_MATCH_LIMIT + 2);
  });
});
