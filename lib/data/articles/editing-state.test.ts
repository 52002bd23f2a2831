import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { articleFields, insertStory } from "@/lib/testing/article-fixtures";
import { actAs } from "@/lib/testing/session-mock";
import { provideTestDatabase } from "@/lib/testing/test-database";
import { createNewsroom, createTestSection } from "@/lib/testing/test-users";
import { articleDraftSchema } from "@/lib/validations/article";
import { autosaveArticle, discardArticleAutosave } from "./autosave";
import { getArticleForEdit } from "./editor-article";
import { claimArticleLease, LEASE_TTL_MS, releaseArticleLease } from "./leases";
import { getRevisionSnapshots, listArticleRevisions, restoreArticleRevision } from "./revisions";
import { createArticle, saveArticle } from "./save-article";
import { transitionArticle } from "./lifecycle";

vi.mock("@/lib/auth/session", () => import("@/lib/testing/session-mock"));

const getDb = provideTestDatabase();
let team: Awaited<ReturnType<typeof createNewsroom>>;
let section: { id: string };

beforeAll(async () => {
  team = await createNewsroom(getDb());
  section = await createTestSection(getDb());
});
beforeEach(() => actAs(team.editor));

describe("autosave and recovery", () => {
  it("keeps one autosave per story and user, and offers it when the editor reopens", async () => {
    const created = await createArticle(articleFields(section.id, { body: "<p>Saved text.</p>" }));
    const typing = articleDraftSchema.parse({ ...articleFields(section.id, { slug: created.slug }), title: "", body: "<p>Typed <img src=x onerror=alert(1)>more.</p>" });
    await autosaveArticle({ id: created.id, baseVersion: 1, fields: typing });
    const second = await autosaveArticle({ id: created.id, baseVersion: 1, fields: { ...typing, body: "<p>Typed even more.</p>" } });
    expect(second).toMatchObject({ currentVersion: 1, isStale: false });
    expect(await getDb().articleAutosave.count({ where: { articleId: created.id } })).toBe(1);
    const opened = await getArticleForEdit(created.id);
    expect(opened.fields.body).toBe("<p>Saved text.</p>");
    expect(opened.autosave).toMatchObject({ baseVersion: 1, fields: { title: "", body: "<p>Typed even more.</p>" } });
    expect(opened.autosave?.savedAt.getTime()).toBe(second.savedAt.getTime());
    // The story itself is untouched: no version, no revision.
    expect((await getDb().article.findUniqueOrThrow({ where: { id: created.id } })).version).toBe(1);
  });

  it("sanitises autosaved bodies too", async () => {
    const created = await createArticle(articleFields(section.id));
    await autosaveArticle({ id: created.id, baseVersion: 1, fields: articleDraftSchema.parse({ ...articleFields(section.id), body: "<p>x<script>alert(1)</script></p>" }) });
    expect((await getArticleForEdit(created.id)).autosave?.fields.body).toBe("<p>x</p>");
  });

  it("does not offer an autosave identical to the stored story; discarding removes it", async () => {
    const fields = articleFields(section.id);
    const created = await createArticle(fields);
    await autosaveArticle({ id: created.id, baseVersion: 1, fields: { ...fields, slug: created.slug } });
    expect((await getArticleForEdit(created.id)).autosave).toBeNull();
    await autosaveArticle({ id: created.id, baseVersion: 1, fields: { ...fields, slug: created.slug, lead: "Different." } });
    expect((await getArticleForEdit(created.id)).autosave).not.toBeNull();
    await discardArticleAutosave(created.id);
    expect((await getArticleForEdit(created.id)).autosave).toBeNull();
  });

  it("keeps an autosave based on an old version and says it is stale", async () => {
    const created = await createArticle(articleFields(section.id));
    actAs(team.admin);
    await saveArticle({ id: created.id, baseVersion: 1, fields: articleFields(section.id, { slug: created.slug, lead: "Admin's lead." }) });
    actAs(team.editor);
    const result = await autosaveArticle({ id: created.id, baseVersion: 1, fields: articleFields(section.id, { slug: created.slug, lead: "Editor's lead." }) });
    expect(result).toMatchObject({ isStale: true, currentVersion: 2 });
    expect((await getArticleForEdit(created.id)).autosave?.fields.lead).toBe("Editor's lead.");
  });

  it("refuses autosaves from people who cannot edit the story", async () => {
    const story = await insertStory(getDb(), { authorId: team.author.id, categoryId: section.id, status: "IN_REVIEW" });
    actAs(team.author);
    await expect(autosaveArticle({ id: story.id, baseVersion: 1, fields: articleFields(section.id) })).rejects.toBeInstanceOf(ForbiddenError);
    actAs(team.otherAuthor);
    await expect(autosaveArticle({ id: story.id, baseVersion: 1, fields: articleFields(section.id) })).rejects.toBeInstanceOf(NotFoundError);
    expect(await getDb().articleAutosave.count({ where: { articleId: story.id } })).toBe(0);
  });

  it("discarding touches only the user's own autosave, of a story they can see", async () => {
    const created = await createArticle(articleFields(section.id));
    await autosaveArticle({ id: created.id, baseVersion: 1, fields: articleFields(section.id, { lead: "Editor's typing." }) });
    actAs(team.admin);
    await autosaveArticle({ id: created.id, baseVersion: 1, fields: articleFields(section.id, { lead: "Admin's typing." }) });
    await discardArticleAutosave(created.id);
    expect(await getDb().articleAutosave.findMany({ where: { articleId: created.id }, select: { userId: true } })).toEqual([{ userId: team.editor.id }]);
    actAs(team.author);
    await expect(discardArticleAutosave(created.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await getDb().articleAutosave.count({ where: { articleId: created.id } })).toBe(1);
  });

  it("shows the author why an editor sent the story back", async () => {
    const story = await insertStory(getDb(), { authorId: team.author.id, categoryId: section.id, status: "IN_REVIEW" });
    await transitionArticle({ transition: "return-to-draft", id: story.id, baseVersion: 1, note: "Add the minister's quote." });
    actAs(team.author);
    const opened = await getArticleForEdit(story.id);
    expect(opened.returnNote).toMatchObject({ note: "Add the minister's quote.", by: team.editor.name });
    expect(opened.permissions).toMatchObject({ canEdit: true, canSubmit: true, canPublish: false });
  });
});

describe("revisions", () => {
  it("lists every save and transition and restores an old one as a new version", async () => {
    const created = await createArticle(articleFields(section.id, { title: "Version one", body: "<p>One.</p>", tags: ["alpha"] }));
    await saveArticle({ id: created.id, baseVersion: 1, fields: articleFields(section.id, { title: "Version two", slug: created.slug, body: "<p>Two.</p>", tags: ["beta"] }) });
    await transitionArticle({ transition: "publish", id: created.id, baseVersion: 2 });
    const { revisions } = await listArticleRevisions(created.id);
    expect(revisions.map((r) => [r.version, r.kind, r.createdBy])).toEqual([
      [3, "PUBLISH", team.editor.name],
      [2, "SAVE", team.editor.name],
      [1, "CREATE", team.editor.name],
    ]);
    const before = await getDb().article.findUniqueOrThrow({ where: { id: created.id } });
    const restored = await restoreArticleRevision({ id: created.id, baseVersion: 3, revisionVersion: 1 });
    expect(restored.version).toBe(4);
    const after = await getDb().article.findUniqueOrThrow({ where: { id: created.id }, include: { tags: { include: { tag: true } } } });
    expect(after).toMatchObject({ title: "Version one", body: "<p>One.</p>", status: "PUBLISHED", slug: created.slug });
    expect(after.publishedAt?.getTime()).toBe(before.publishedAt?.getTime());
    expect(after.contentUpdatedAt).not.toBeNull();
    expect(after.tags.map((t) => t.tag.name)).toEqual(["alpha"]);
    const [latest] = (await listArticleRevisions(created.id)).revisions;
    expect(latest).toMatchObject({ version: 4, kind: "RESTORE", note: "Restored version 1" });
    // Nothing is lost: version two's text is still in the history.
    const [two] = await getRevisionSnapshots(created.id, [2]);
    expect(two).toMatchObject({ title: "Version two", body: "<p>Two.</p>", tagNames: ["beta"] });
  });

  it("refuses a restore based on an old version, and restores by people who cannot edit", async () => {
    const created = await createArticle(articleFields(section.id));
    await saveArticle({ id: created.id, baseVersion: 1, fields: articleFields(section.id, { slug: created.slug }) });
    await expect(restoreArticleRevision({ id: created.id, baseVersion: 1, revisionVersion: 1 })).rejects.toBeInstanceOf(ConflictError);
    await transitionArticle({ transition: "submit", id: created.id, baseVersion: 2 });
    const own = await insertStory(getDb(), { authorId: team.author.id, categoryId: section.id, status: "IN_REVIEW" });
    actAs(team.author);
    await expect(restoreArticleRevision({ id: own.id, baseVersion: 1, revisionVersion: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listArticleRevisions(created.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("edit leases", () => {
  it("gives the story to the first opener, tells the second who is editing, and lets them take over", async () => {
    const created = await createArticle(articleFields(section.id));
    expect(await claimArticleLease({ id: created.id })).toMatchObject({ state: "mine" });
    actAs(team.admin);
    const held = await claimArticleLease({ id: created.id });
    expect(held).toMatchObject({ state: "held", holder: team.editor.name, canTakeOver: true });
    expect(await claimArticleLease({ id: created.id, takeOver: true })).toMatchObject({ state: "mine" });
    // The editor learns on their next heartbeat, and does not silently get it back.
    actAs(team.editor);
    expect(await claimArticleLease({ id: created.id, isRenewal: true })).toMatchObject({ state: "taken-over", holder: team.admin.name });
    const event = await getDb().auditEvent.findFirstOrThrow({ where: { entityId: created.id, action: "article.take_over_editing" } });
    expect(event.actorId).toBe(team.admin.id);
    // Taking it back is a take-over too.
    expect(await claimArticleLease({ id: created.id, takeOver: true })).toMatchObject({ state: "mine" });
    actAs(team.admin);
    expect(await claimArticleLease({ id: created.id, isRenewal: true })).toMatchObject({ state: "taken-over", holder: team.editor.name });
  });

  it("renews the holder's lease and frees it on release or expiry", async () => {
    const created = await createArticle(articleFields(section.id));
    const first = await claimArticleLease({ id: created.id });
    const renewed = await claimArticleLease({ id: created.id, isRenewal: true });
    expect(renewed.state === "mine" && first.state === "mine" && renewed.expiresAt >= first.expiresAt).toBe(true);
    await releaseArticleLease(created.id);
    actAs(team.admin);
    expect(await claimArticleLease({ id: created.id })).toMatchObject({ state: "mine" });
    await getDb().articleLease.update({ where: { articleId: created.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    actAs(team.editor);
    expect(await claimArticleLease({ id: created.id })).toMatchObject({ state: "mine" });
    expect(LEASE_TTL_MS).toBeGreaterThan(0);
  });

  it("releasing never frees someone else's lease", async () => {
    const created = await createArticle(articleFields(section.id));
    await claimArticleLease({ id: created.id });
    actAs(team.admin);
    await releaseArticleLease(created.id);
    expect(await claimArticleLease({ id: created.id })).toMatchObject({ state: "held", holder: team.editor.name });
    actAs(null);
    await expect(releaseArticleLease(created.id)).rejects.toThrow("Please sign in");
    expect(await getDb().articleLease.count({ where: { articleId: created.id } })).toBe(1);
  });

  it("gives read-only access to people who may see but not edit", async () => {
    const story = await insertStory(getDb(), { authorId: team.author.id, categoryId: section.id, status: "IN_REVIEW" });
    actAs(team.author);
    expect(await claimArticleLease({ id: story.id })).toEqual({ state: "read-only" });
    actAs(team.otherAuthor);
    await expect(claimArticleLease({ id: story.id })).rejects.toBeInstanceOf(NotFoundError);
  });
});
