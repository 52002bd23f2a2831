import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { articleFields } from "@/lib/testing/article-fixtures";
import { actAs } from "@/lib/testing/session-mock";
import { provideTestDatabase } from "@/lib/testing/test-database";
import { createNewsroom, createTestSection } from "@/lib/testing/test-users";
import { articleSaveSchema } from "@/lib/validations/article";
import { getArticleForEdit } from "./editor-article";
import { findArticleRedirect } from "./find-article-redirect";
import { transitionArticle } from "./lifecycle";
import { createArticle, saveArticle } from "./save-article";

vi.mock("@/lib/auth/session", () => import("@/lib/testing/session-mock"));

const getDb = provideTestDatabase();
let team: Awaited<ReturnType<typeof createNewsroom>>;
let section: { id: string; slug: string };

beforeAll(async () => {
  team = await createNewsroom(getDb());
  section = await createTestSection(getDb(), "redirect-section");
});
beforeEach(() => actAs(team.editor));

async function publishedStory(slug: string) {
  const created = await createArticle(articleFields(section.id, { slug }));
  await transitionArticle({ transition: "publish", id: created.id, baseVersion: 1 });
  // The form as the editor reopens it, publication time included.
  const fields = articleSaveSchema.parse((await getArticleForEdit(created.id)).fields);
  return { id: created.id, fields, version: 2 };
}

describe("slug changes", () => {
  it("keep a published story's old URLs pointing at its newest one", async () => {
    const story = await publishedStory("first-slug");
    await saveArticle({ id: story.id, baseVersion: 2, fields: { ...story.fields, slug: "second-slug" } });
    expect(await findArticleRedirect("first-slug", "en")).toBe("/news/redirect-section/second-slug");
    await saveArticle({ id: story.id, baseVersion: 3, fields: { ...story.fields, slug: "third-slug" } });
    expect(await findArticleRedirect("first-slug", "en")).toBe("/news/redirect-section/third-slug");
    expect(await findArticleRedirect("second-slug", "en")).toBe("/news/redirect-section/third-slug");
    expect(await findArticleRedirect("third-slug", "en")).toBeNull();
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { entityId: story.id, action: "article.save" }, orderBy: { createdAt: "desc" } });
    expect(audit.data).toMatchObject({ slugFrom: "second-slug", slugTo: "third-slug" });
  });

  it("going back to an old slug drops its redirect", async () => {
    const story = await publishedStory("back-and-forth");
    await saveArticle({ id: story.id, baseVersion: 2, fields: { ...story.fields, slug: "forth" } });
    await saveArticle({ id: story.id, baseVersion: 3, fields: { ...story.fields, slug: "back-and-forth" } });
    expect(await findArticleRedirect("back-and-forth", "en")).toBeNull();
    expect(await findArticleRedirect("forth", "en")).toBe("/news/redirect-section/back-and-forth");
  });

  it("a new story may take an old slug, which ends its redirect", async () => {
    const story = await publishedStory("reused-slug");
    await saveArticle({ id: story.id, baseVersion: 2, fields: { ...story.fields, slug: "moved-away" } });
    expect(await findArticleRedirect("reused-slug", "en")).not.toBeNull();
    await createArticle(articleFields(section.id, { slug: "reused-slug" }));
    expect(await findArticleRedirect("reused-slug", "en")).toBeNull();
  });

  it("a draft that was never public changes slug without leaving redirects", async () => {
    const created = await createArticle(articleFields(section.id, { slug: "draft-slug" }));
    await saveArticle({ id: created.id, baseVersion: 1, fields: articleFields(section.id, { slug: "draft-slug-renamed" }) });
    expect(await getDb().slugRedirect.count({ where: { articleId: created.id } })).toBe(0);
  });

  it("an unpublished story's old URL does not redirect", async () => {
    const story = await publishedStory("soon-unpublished");
    await saveArticle({ id: story.id, baseVersion: 2, fields: { ...story.fields, slug: "soon-unpublished-renamed" } });
    await transitionArticle({ transition: "unpublish", id: story.id, baseVersion: 3 });
    expect(await findArticleRedirect("soon-unpublished", "en")).toBeNull();
  });
});
