import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from "@/lib/errors";
import { articleFields, insertStory } from "@/lib/testing/article-fixtures";
import { actAs } from "@/lib/testing/session-mock";
import { provideTestDatabase } from "@/lib/testing/test-database";
import { createNewsroom, createTestSection } from "@/lib/testing/test-users";
import { articleSaveSchema } from "@/lib/validations/article";
import type { ArticleServerState } from "./article-record";
import { createArticle, saveArticle } from "./save-article";

vi.mock("@/lib/auth/session", () => import("@/lib/testing/session-mock"));

const getDb = provideTestDatabase();
let team: Awaited<ReturnType<typeof createNewsroom>>;
let section: { id: string };

beforeAll(async () => {
  team = await createNewsroom(getDb());
  section = await createTestSection(getDb());
});
beforeEach(() => actAs(team.author));

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error,
  );
}

describe("createArticle", () => {
  it("creates a draft owned by the user, with a CREATE revision and an audit event", async () => {
    const result = await createArticle(articleFields(section.id, { title: "Azərbaycan və Serbiya: məsləhətləşmələr", tags: ["COP29", "cop29", "Serbia"] }));
    const db = getDb();
    const article = await db.article.findUniqueOrThrow({ where: { id: result.id }, include: { tags: { include: { tag: true } } } });
    expect(article).toMatchObject({ status: "DRAFT", version: 1, authorId: team.author.id, slug: "azerbaycan-ve-serbiya-meslehetleshmeler" });
    expect(article.tags.map((t) => t.tag.name)).toEqual(["COP29", "Serbia"]);
    const revisions = await db.articleRevision.findMany({ where: { articleId: result.id } });
    expect(revisions).toMatchObject([{ version: 1, kind: "CREATE", createdById: team.author.id }]);
    const audit = await db.auditEvent.findMany({ where: { entityId: result.id } });
    expect(audit).toMatchObject([{ action: "article.create", actorId: team.author.id, toState: "DRAFT", entityType: "article" }]);
  });

  it("sanitises the body before storing it", async () => {
    const result = await createArticle(articleFields(section.id, { body: '<p onclick="x()">Hi<script>alert(1)</script> <a href="javascript:alert(1)">there</a></p>' }));
    const article = await getDb().article.findUniqueOrThrow({ where: { id: result.id } });
    expect(article.body).toBe("<p>Hi there</p>");
  });

  it("refuses a slug another story of the language has, suggesting a free one", async () => {
    const first = await createArticle(articleFields(section.id, { slug: "same-slug" }));
    expect(first.slug).toBe("same-slug");
    await createArticle(articleFields(section.id, { slug: "same-slug-2" }));
    const error = (await rejection(createArticle(articleFields(section.id, { slug: "same-slug" })))) as ValidationError & { suggestion: string };
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.suggestion).toBe("same-slug-3");
    expect(error.fieldErrors.slug?.[0]).toMatch(/already used by .*Try “same-slug-3”/);
    // Another language may use it.
    await expect(createArticle(articleFields(section.id, { slug: "same-slug", language: "az" }))).resolves.toMatchObject({ slug: "same-slug" });
  });

  it("refuses an unknown section with a field error", async () => {
    const error = (await rejection(createArticle(articleFields(section.id, { sectionId: "0196a000-0000-7000-8000-000000000000" })))) as ValidationError;
    expect(error.fieldErrors.sectionId?.[0]).toMatch(/does not exist/);
  });

  it("ignores a publication time from an author but keeps an editor's", async () => {
    const byAuthor = await createArticle(articleFields(section.id, { publishedAt: "2024-10-16T17:40" }));
    expect((await getDb().article.findUniqueOrThrow({ where: { id: byAuthor.id } })).publishedAt).toBeNull();
    actAs(team.editor);
    const byEditor = await createArticle(articleFields(section.id, { publishedAt: "2024-10-16T17:40" }));
    expect((await getDb().article.findUniqueOrThrow({ where: { id: byEditor.id } })).publishedAt?.toISOString()).toBe("2024-10-16T13:40:00.000Z");
  });

  it("refuses signed-out callers", async () => {
    actAs(null);
    await expect(createArticle(articleFields(section.id))).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});

describe("saveArticle", () => {
  it("saves a new version with a revision and clears the user's autosave", async () => {
    const created = await createArticle(articleFields(section.id));
    await getDb().articleAutosave.create({ data: { articleId: created.id, userId: team.author.id, baseVersion: 1, data: {} } });
    const saved = await saveArticle({ id: created.id, baseVersion: 1, fields: articleFields(section.id, { title: "Changed title", slug: created.slug }) });
    expect(saved).toMatchObject({ version: 2, isUnchanged: false });
    expect(await getDb().articleAutosave.count({ where: { articleId: created.id } })).toBe(0);
    const revisions = await getDb().articleRevision.findMany({ where: { articleId: created.id }, orderBy: { version: "asc" } });
    expect(revisions.map((r) => [r.version, r.kind, r.title])).toEqual([
      [1, "CREATE", expect.any(String)],
      [2, "SAVE", "Changed title"],
    ]);
  });

  it("does not make a version when nothing changed", async () => {
    const fields = articleFields(section.id);
    const created = await createArticle(fields);
    const saved = await saveArticle({ id: created.id, baseVersion: 1, fields: { ...fields, slug: created.slug } });
    expect(saved).toMatchObject({ version: 1, isUnchanged: true });
  });

  it("refuses the second of two saves from the same version, returning the current state", async () => {
    actAs(team.editor);
    const created = await createArticle(articleFields(section.id, { body: "<p>Original.</p>" }));
    const base = { id: created.id, baseVersion: 1 };
    await saveArticle({ ...base, fields: articleFields(section.id, { slug: created.slug, body: "<p>First writer.</p>" }) });
    actAs(team.admin);
    const error = (await rejection(saveArticle({ ...base, fields: articleFields(section.id, { slug: created.slug, body: "<p>Second writer.</p>" }) }))) as ConflictError<ArticleServerState>;
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.current).toMatchObject({ version: 2, updatedBy: team.editor.name, fields: { body: "<p>First writer.</p>" } });
    expect(error.message).toMatch(/changed by Aysel Editor/);
    const stored = await getDb().article.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.body).toBe("<p>First writer.</p>");
  });

  it("lets exactly one of two concurrent saves from one base win", async () => {
    actAs(team.editor);
    const created = await createArticle(articleFields(section.id));
    const attempts = await Promise.allSettled(
      ["A", "B"].map((who) => saveArticle({ id: created.id, baseVersion: 1, fields: articleFields(section.id, { slug: created.slug, body: `<p>${who}</p>` }) })),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    const rejected = attempts.find((a) => a.status === "rejected");
    expect(rejected?.status === "rejected" && rejected.reason).toBeInstanceOf(ConflictError);
    expect((await getDb().article.findUniqueOrThrow({ where: { id: created.id } })).version).toBe(2);
  });

  it("keeps the publication time of a live story and marks it updated", async () => {
    const db = getDb();
    const publishedAt = new Date("2024-10-16T13:40:00Z");
    const story = await insertStory(db, { authorId: team.author.id, categoryId: section.id, status: "PUBLISHED", publishedAt });
    actAs(team.editor);
    const fields = articleFields(section.id, { title: story.title, slug: story.slug, publishedAt: "2024-10-16T17:40", body: "<p>Corrected.</p>" });
    await saveArticle({ id: story.id, baseVersion: 1, fields });
    const stored = await db.article.findUniqueOrThrow({ where: { id: story.id } });
    expect(stored.publishedAt?.toISOString()).toBe(publishedAt.toISOString());
    expect(stored.contentUpdatedAt?.getTime()).toBeGreaterThan(Date.now() - 10_000);
  });

  it("refuses a future publication time on a live story", async () => {
    const story = await insertStory(getDb(), { authorId: team.author.id, categoryId: section.id, status: "PUBLISHED", publishedAt: new Date(Date.now() - 60_000) });
    actAs(team.editor);
    const error = (await rejection(saveArticle({ id: story.id, baseVersion: 1, fields: articleFields(section.id, { slug: story.slug, publishedAt: "2999-01-01T10:00" }) }))) as ValidationError;
    expect(error.fieldErrors.publishedAt?.[0]).toMatch(/has passed/);
  });

  it("lets an author edit only their own drafts, and hides other people's stories", async () => {
    const db = getDb();
    const own = await insertStory(db, { authorId: team.author.id, categoryId: section.id, status: "IN_REVIEW" });
    const others = await insertStory(db, { authorId: team.otherAuthor.id, categoryId: section.id });
    const fields = articleFields(section.id);
    await expect(saveArticle({ id: own.id, baseVersion: 1, fields })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveArticle({ id: others.id, baseVersion: 1, fields })).rejects.toBeInstanceOf(NotFoundError);
    expect((await db.article.findUniqueOrThrow({ where: { id: own.id } })).version).toBe(1);
  });

  it("reports an invalid date with a field error", async () => {
    actAs(team.editor);
    const created = await createArticle(articleFields(section.id));
    const fields = articleSaveSchema.parse({ ...articleFields(section.id, { slug: created.slug }), publishedAt: "2025-02-30T10:00" });
    const error = (await rejection(saveArticle({ id: created.id, baseVersion: 1, fields }))) as ValidationError;
    expect(error.fieldErrors.publishedAt?.[0]).toMatch(/does not exist/);
  });
});
