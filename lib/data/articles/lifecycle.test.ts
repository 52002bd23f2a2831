import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { getPublishedArticleBySlug, listLatestArticles } from "@/lib/data/public-articles";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";
import { insertStory } from "@/lib/testing/article-fixtures";
import { actAs } from "@/lib/testing/session-mock";
import { provideTestDatabase } from "@/lib/testing/test-database";
import { createNewsroom, createTestSection } from "@/lib/testing/test-users";
import type { ArticleTransition } from "@/lib/validations/article";
import { type TransitionRequest, transitionArticle } from "./lifecycle";

vi.mock("@/lib/auth/session", () => import("@/lib/testing/session-mock"));

const getDb = provideTestDatabase();
let team: Awaited<ReturnType<typeof createNewsroom>>;
let section: { id: string; slug: string };

beforeAll(async () => {
  team = await createNewsroom(getDb());
  section = await createTestSection(getDb());
});

const HOUR = 3_600_000;
type Outcome = "ok" | "forbidden" | "not-found" | "invalid";
type Who = "editor" | "admin" | "own author" | "other author";

function requestFor(transition: ArticleTransition, id: string, baseVersion: number): TransitionRequest {
  if (transition === "schedule") return { transition, id, baseVersion, publishAt: new Date(Date.now() + HOUR) };
  if (transition === "return-to-draft") return { transition, id, baseVersion, note: "Please add a second source." };
  return { transition, id, baseVersion };
}

async function outcomeOf(promise: Promise<unknown>): Promise<Outcome> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof ForbiddenError) return "forbidden";
    if (error instanceof NotFoundError) return "not-found";
    if (error instanceof ValidationError) return "invalid";
    throw error;
  }
}

// Rows: transition × starting status; columns: who asks. Staff editors may
// do every transition the status allows; an author only submits own drafts;
// someone else's story does not exist for an author.
const STATUSES: ArticleStatus[] = ["DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED", "ARCHIVED"];
const EXPECTED_FOR_STAFF: Record<ArticleTransition, Outcome[]> = {
  //                 DRAFT        IN_REVIEW    SCHEDULED    PUBLISHED    ARCHIVED
  submit: ["ok", "forbidden", "forbidden", "forbidden", "forbidden"],
  publish: ["ok", "ok", "ok", "invalid", "ok"],
  schedule: ["ok", "ok", "ok", "invalid", "ok"],
  unpublish: ["invalid", "invalid", "ok", "ok", "invalid"],
  "return-to-draft": ["invalid", "ok", "ok", "invalid", "ok"],
};
const EXPECTED_FOR_OWN_AUTHOR: Record<ArticleTransition, Outcome[]> = {
  submit: ["ok", "forbidden", "forbidden", "forbidden", "forbidden"],
  publish: Array(5).fill("forbidden"),
  schedule: Array(5).fill("forbidden"),
  unpublish: Array(5).fill("forbidden"),
  "return-to-draft": Array(5).fill("forbidden"),
};

const cases = (Object.keys(EXPECTED_FOR_STAFF) as ArticleTransition[]).flatMap((transition) =>
  STATUSES.flatMap((status, index) =>
    (["editor", "admin", "own author", "other author"] as Who[]).map((who) => {
      const expected: Outcome =
        who === "other author" ? "not-found" : who === "own author" ? (EXPECTED_FOR_OWN_AUTHOR[transition][index] as Outcome) : (EXPECTED_FOR_STAFF[transition][index] as Outcome);
      return [transition, status, who, expected] as const;
    }),
  ),
);

describe("lifecycle transitions × statuses × roles", () => {
  it.each(cases)("%s from %s by %s → %s", async (transition, status, who, expected) => {
    const db = getDb();
    const publishedAt = status === "SCHEDULED" ? new Date(Date.now() + HOUR) : status === "PUBLISHED" || status === "ARCHIVED" ? new Date(Date.now() - HOUR) : null;
    const story = await insertStory(db, { authorId: team.author.id, categoryId: section.id, status, publishedAt });
    const user: SessionUser = { editor: team.editor, admin: team.admin, "own author": team.author, "other author": team.otherAuthor }[who];
    actAs(user);
    expect(await outcomeOf(transitionArticle(requestFor(transition, story.id, 1)))).toBe(expected);
    const after = await db.article.findUniqueOrThrow({ where: { id: story.id } });
    const events = await db.auditEvent.findMany({ where: { entityId: story.id } });
    const revisions = await db.articleRevision.findMany({ where: { articleId: story.id } });
    if (expected === "ok") {
      expect(after.version).toBe(2);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ actorId: user.id, fromState: status, entityType: "article" });
      expect(events[0]?.toState).toBe(after.status);
      expect(revisions).toHaveLength(1);
      expect(revisions[0]).toMatchObject({ version: 2, status: after.status, createdById: user.id });
    } else {
      // A refused transition changes nothing and leaves no trace.
      expect(after).toMatchObject({ version: 1, status, publishedAt });
      expect(events).toHaveLength(0);
      expect(revisions).toHaveLength(0);
    }
  });
});

describe("transition details", () => {
  it("publishes now, keeping a back-dated time an editor set", async () => {
    const db = getDb();
    actAs(team.editor);
    const fresh = await insertStory(db, { authorId: team.author.id, categoryId: section.id, status: "IN_REVIEW" });
    const result = await transitionArticle({ transition: "publish", id: fresh.id, baseVersion: 1 });
    expect(result.publishedAt?.getTime()).toBeGreaterThan(Date.now() - 10_000);
    expect(await getPublishedArticleBySlug(fresh.slug)).not.toBeNull();
    const backDated = new Date("2024-01-01T10:00:00Z");
    const old = await insertStory(db, { authorId: team.author.id, categoryId: section.id, status: "DRAFT", publishedAt: backDated });
    expect((await transitionArticle({ transition: "publish", id: old.id, baseVersion: 1 })).publishedAt?.toISOString()).toBe(backDated.toISOString());
  });

  it("republishing an unpublished story keeps its original time", async () => {
    actAs(team.editor);
    const original = new Date(Date.now() - 5 * HOUR);
    const story = await insertStory(getDb(), { authorId: team.author.id, categoryId: section.id, status: "PUBLISHED", publishedAt: original });
    await transitionArticle({ transition: "unpublish", id: story.id, baseVersion: 1 });
    expect(await getPublishedArticleBySlug(story.slug)).toBeNull();
    const again = await transitionArticle({ transition: "publish", id: story.id, baseVersion: 2 });
    expect(again.publishedAt?.toISOString()).toBe(original.toISOString());
  });

  it("schedules for a future instant; the story goes public at that instant with no job", async () => {
    const db = getDb();
    actAs(team.editor);
    const story = await insertStory(db, { authorId: team.author.id, categoryId: section.id, status: "IN_REVIEW" });
    const publishAt = new Date(Date.now() + 60_000);
    await transitionArticle({ transition: "schedule", id: story.id, baseVersion: 1, publishAt });
    expect(await getPublishedArticleBySlug(story.slug)).toBeNull();
    // The instant passes: the app's clock moves past it (no real wait, so a
    // busy machine cannot make the scheduling itself land after the instant).
    vi.useFakeTimers({ toFake: ["Date"], now: publishAt.getTime() + 1000 });
    try {
      // Nothing ran in between: the stored status is still SCHEDULED.
      expect((await db.article.findUniqueOrThrow({ where: { id: story.id } })).status).toBe("SCHEDULED");
      expect(await getPublishedArticleBySlug(story.slug)).not.toBeNull();
      expect((await listLatestArticles({ limit: 100 })).map((i) => i.id)).toContain(story.id);
      // In the workflow it now counts as published: it can be unpublished, not published again.
      await expect(transitionArticle({ transition: "publish", id: story.id, baseVersion: 2 })).rejects.toBeInstanceOf(ValidationError);
      await expect(transitionArticle({ transition: "unpublish", id: story.id, baseVersion: 2 })).resolves.toMatchObject({ status: "ARCHIVED", fromStatus: "PUBLISHED" });
    } finally {
      vi.useRealTimers();
    }
  });

  it("refuses to schedule in the past", async () => {
    actAs(team.editor);
    const story = await insertStory(getDb(), { authorId: team.author.id, categoryId: section.id });
    const error = await transitionArticle({ transition: "schedule", id: story.id, baseVersion: 1, publishAt: new Date(Date.now() - 1000) }).catch((e: unknown) => e);
    expect((error as ValidationError).fieldErrors.publishAt?.[0]).toMatch(/future/);
  });

  it("refuses to publish an empty story, naming the missing fields", async () => {
    const db = getDb();
    actAs(team.editor);
    const story = await insertStory(db, { authorId: team.author.id, categoryId: section.id });
    await db.article.update({ where: { id: story.id }, data: { lead: "", body: "<p> </p>" } });
    const error = (await transitionArticle({ transition: "publish", id: story.id, baseVersion: 1 }).catch((e: unknown) => e)) as ValidationError;
    expect(Object.keys(error.fieldErrors).sort()).toEqual(["body", "lead"]);
  });

  it("refuses a transition based on an old version", async () => {
    actAs(team.editor);
    const story = await insertStory(getDb(), { authorId: team.author.id, categoryId: section.id, status: "IN_REVIEW" });
    await getDb().article.update({ where: { id: story.id }, data: { version: 3 } });
    await expect(transitionArticle({ transition: "publish", id: story.id, baseVersion: 2 })).rejects.toBeInstanceOf(ConflictError);
    expect((await getDb().article.findUniqueOrThrow({ where: { id: story.id } })).status).toBe("IN_REVIEW");
  });

  it("keeps the note when an editor sends a story back, in the revision and the audit log", async () => {
    const db = getDb();
    actAs(team.editor);
    const story = await insertStory(db, { authorId: team.author.id, categoryId: section.id, status: "IN_REVIEW" });
    await transitionArticle({ transition: "return-to-draft", id: story.id, baseVersion: 1, note: "Needs a second source." });
    const revision = await db.articleRevision.findFirstOrThrow({ where: { articleId: story.id } });
    expect(revision).toMatchObject({ kind: "STATUS", status: "DRAFT", note: "Needs a second source." });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: story.id } });
    expect(event).toMatchObject({ action: "article.return_to_draft", fromState: "IN_REVIEW", toState: "DRAFT", data: expect.objectContaining({ note: "Needs a second source." }) });
  });
});
