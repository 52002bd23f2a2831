import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { NotFoundError, UnauthenticatedError } from "../errors";
import { createTestArticle } from "../testing/article-fixtures";
import { createTestSection, createTestUser } from "../testing/test-users";
import type { SessionUser } from "../auth/session";
import { actAs } from "../testing/session-mock";
import { provideTestDatabase } from "../testing/test-database";
import { createPreviewToken, hashPreviewToken, isWellFormedPreviewToken } from "./preview-token";
import { createPreviewLink, getArticlePreview, getSharedArticlePreview, listPreviewLinks, revokePreviewLink } from "./previews";

vi.mock("../auth/session", () => import("../testing/session-mock"));

const getDb = provideTestDatabase();

let editor: SessionUser;
let author: SessionUser;
let otherAuthor: SessionUser;
let ownDraftId: string;
let othersDraftId: string;

beforeAll(async () => {
  const db = getDb();
  editor = await createTestUser(db, "EDITOR", "Edna Editor");
  author = await createTestUser(db, "AUTHOR", "Arif Author");
  otherAuthor = await createTestUser(db, "AUTHOR", "Olga Other");
  const section = await createTestSection(db, "world");
  ownDraftId = (
    await createTestArticle(db, {
      authorId: author.id,
      categoryId: section.id,
      title: "Draft about the harbour",
      body: "<p>Unpublished text.</p>",
      status: "DRAFT",
    })
  ).id;
  othersDraftId = (await createTestArticle(db, { authorId: otherAuthor.id, categoryId: section.id, title: "Someone else's draft" })).id;
});

describe("draft preview", () => {
  it("shows any draft to an editor and an author their own, with the current text", async () => {
    actAs(editor);
    const preview = await getArticlePreview(ownDraftId);
    expect(preview).toMatchObject({ title: "Draft about the harbour", status: "draft", publishedAt: null, byline: "Arif Author" });
    expect(preview.body).toBe("<p>Unpublished text.</p>");
    actAs(author);
    expect((await getArticlePreview(ownDraftId)).id).toBe(ownDraftId);
  });

  it("makes a story the user may not see look exactly like a missing one", async () => {
    actAs(author);
    await expect(getArticlePreview(othersDraftId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getArticlePreview("0190b7a0-0000-7000-8000-000000000000")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getArticlePreview("not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("needs a session", async () => {
    actAs(null);
    await expect(getArticlePreview(ownDraftId)).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});

describe("share links", () => {
  it("use 32 random bytes and store only their SHA-256", async () => {
    actAs(author);
    const link = await createPreviewLink(ownDraftId, "24h");
    expect(isWellFormedPreviewToken(link.token)).toBe(true);
    expect(Buffer.from(link.token, "base64url")).toHaveLength(32);
    expect(createPreviewToken()).not.toBe(link.token);
    const stored = await getDb().previewLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(stored.tokenHash).toBe(createHash("sha256").update(link.token).digest("hex"));
    expect(stored.tokenHash).toBe(hashPreviewToken(link.token));
    expect(JSON.stringify(stored)).not.toContain(link.token);
    expect(Math.round((link.expiresAt.getTime() - Date.now()) / 3_600_000)).toBe(24);
  });

  it("open the current draft for anyone holding the token", async () => {
    actAs(editor);
    const { token } = await createPreviewLink(ownDraftId, "1h");
    actAs(null);
    const shared = await getSharedArticlePreview(token);
    expect(shared?.article.title).toBe("Draft about the harbour");
    await getDb().article.update({ where: { id: ownDraftId }, data: { title: "Draft about the harbour, revised" } });
    expect((await getSharedArticlePreview(token))?.article.title).toBe("Draft about the harbour, revised");
  });

  it("stop working when they expire", async () => {
    actAs(editor);
    const { id, token } = await createPreviewLink(ownDraftId, "7d");
    await getDb().previewLink.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await getSharedArticlePreview(token)).toBeNull();
    expect((await listPreviewLinks(ownDraftId)).map((l) => l.id)).not.toContain(id);
    // The next link clears expired ones.
    await createPreviewLink(ownDraftId, "1h");
    expect(await getDb().previewLink.findUnique({ where: { id } })).toBeNull();
  });

  it("stop working when revoked, and both actions are audited", async () => {
    actAs(editor);
    const { id, token } = await createPreviewLink(ownDraftId, "24h");
    expect((await listPreviewLinks(ownDraftId)).find((l) => l.id === id)).toMatchObject({ createdBy: "Edna Editor" });
    await revokePreviewLink(ownDraftId, id);
    expect(await getSharedArticlePreview(token)).toBeNull();
    expect((await listPreviewLinks(ownDraftId)).map((l) => l.id)).not.toContain(id);
    const events = await getDb().auditEvent.findMany({ where: { entityId: ownDraftId, actorId: editor.id }, orderBy: { createdAt: "asc" } });
    const forLink = events.filter((e) => (e.data as { linkId?: string }).linkId === id);
    expect(forLink.map((e) => e.action)).toEqual(["article.preview_link_create", "article.preview_link_revoke"]);
    expect(forLink.every((e) => e.entityType === "article")).toBe(true);
    await expect(revokePreviewLink(ownDraftId, id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("cannot be made, listed or revoked for a story the user may not see", async () => {
    actAs(editor);
    const { id } = await createPreviewLink(othersDraftId, "24h");
    actAs(author);
    await expect(createPreviewLink(othersDraftId, "24h")).rejects.toBeInstanceOf(NotFoundError);
    await expect(listPreviewLinks(othersDraftId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(revokePreviewLink(othersDraftId, id)).rejects.toBeInstanceOf(NotFoundError);
    // Naming one's own story does not reach another story's link either.
    await expect(revokePreviewLink(ownDraftId, id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await getDb().previewLink.findUnique({ where: { id } })).not.toBeNull();
  });

  it("treat unknown and malformed tokens as missing", async () => {
    expect(await getSharedArticlePreview(createPreviewToken())).toBeNull();
    expect(await getSharedArticlePreview("short")).toBeNull();
    expect(await getSharedArticlePreview("x".repeat(43) + "'; DROP TABLE")).toBeNull();
  });
});
