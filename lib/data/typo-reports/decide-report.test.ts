import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from "@/lib/errors";
import { articleFields } from "@/lib/testing/article-fixtures";
import { actAs } from "@/lib/testing/session-mock";
import { provideTestDatabase } from "@/lib/testing/test-database";
import { createNewsroom, createTestSection } from "@/lib/testing/test-users";
import { testClientHash, typoReportInput } from "@/lib/testing/typo-report-fixtures";
import type { TypoReportDecision } from "@/lib/validations/typo-report";
import { transitionArticle } from "../articles/lifecycle";
import { createArticle, saveArticle } from "../articles/save-article";
import { decideTypoReport } from "./decide-report";
import { submitTypoReport } from "./submit-report";

vi.mock("@/lib/auth/session", () => import("@/lib/testing/session-mock"));

const getDb = provideTestDatabase();
let team: Awaited<ReturnType<typeof createNewsroom>>;
let section: { id: string; slug: string };

beforeAll(async () => {
  team = await createNewsroom(getDb());
  section = await createTestSection(getDb());
});

/** A published story written by `author` (through the DAL, so it has revisions). */
async function publishedStory(author: SessionUser): Promise<{ id: string; version: number }> {
  actAs(author);
  const created = await createArticle(articleFields(section.id, { body: "<p>The minstry anounced it.</p>" }));
  actAs(team.editor);
  const published = await transitionArticle({ transition: "publish", id: created.id, baseVersion: created.version });
  return { id: created.id, version: published.version };
}

async function reportOn(articleId: string, overrides = {}): Promise<string> {
  const result = await submitTypoReport(typoReportInput(articleId, overrides), testClientHash());
  return result.reportId as string;
}

type Outcome = "ok" | "forbidden" | "not-found";
async function outcomeOf(promise: Promise<unknown>): Promise<Outcome> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof ForbiddenError) return "forbidden";
    if (error instanceof NotFoundError) return "not-found";
    throw error;
  }
}

describe("who decides", () => {
  // Rows: who asks; columns: a report on their own story, on someone else's.
  const cases: [string, Outcome, Outcome, () => SessionUser][] = [
    ["admin", "ok", "ok", () => team.admin],
    ["editor", "ok", "ok", () => team.editor],
    ["author", "forbidden", "not-found", () => team.author],
  ];
  it.each(cases)("%s: own story → %s, someone else's → %s", async (_who, onOwn, onOther, user) => {
    const own = await publishedStory(user());
    const other = await publishedStory(team.otherAuthor);
    for (const [articleId, expected] of [[own.id, onOwn], [other.id, onOther]] as const) {
      for (const decision of ["reject", "accept-as-is"] as const) {
        const id = await reportOn(articleId);
        actAs(user());
        expect(await outcomeOf(decideTypoReport({ decision, id }))).toBe(expected);
        expect((await getDb().typoReport.findUniqueOrThrow({ where: { id } })).status).toBe(expected === "ok" ? (decision === "reject" ? "REJECTED" : "ACCEPTED") : "NEW");
      }
    }
  });

  it("refuses signed-out callers and treats unknown or malformed ids as missing", async () => {
    const story = await publishedStory(team.author);
    const id = await reportOn(story.id);
    actAs(null);
    await expect(decideTypoReport({ decision: "reject", id })).rejects.toBeInstanceOf(UnauthenticatedError);
    actAs(team.editor);
    await expect(decideTypoReport({ decision: "reject", id: "01900000-0000-7000-8000-000000000000" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(decideTypoReport({ decision: "reject", id: "nope" })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("accepting with the fix", () => {
  it("links the report to the revision whose save fixed it, and records who and when", async () => {
    const story = await publishedStory(team.author);
    const id = await reportOn(story.id, { selectedText: "anounced", suggestion: "announced" });
    actAs(team.editor);
    const current = await getDb().article.findUniqueOrThrow({ where: { id: story.id } });
    const saved = await saveArticle({
      id: story.id,
      baseVersion: current.version,
      fields: articleFields(section.id, { title: current.title, slug: current.slug, body: "<p>The minstry announced it.</p>" }),
    });
    const decided = await decideTypoReport({ decision: "accept-fix", id, fixVersion: saved.version });
    expect(decided).toEqual({ id, articleId: story.id, status: "ACCEPTED", fixVersion: saved.version });
    const fixRevision = await getDb().articleRevision.findUniqueOrThrow({ where: { articleId_version: { articleId: story.id, version: saved.version } } });
    const stored = await getDb().typoReport.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ status: "ACCEPTED", fixRevisionId: fixRevision.id, decidedById: team.editor.id, openFingerprint: null });
    expect(stored.decidedAt).toBeInstanceOf(Date);
  });

  it("refuses a version saved before the report, a version that does not exist, and another story's version", async () => {
    const story = await publishedStory(team.author);
    const other = await publishedStory(team.author);
    const id = await reportOn(story.id);
    actAs(team.editor);
    for (const fixVersion of [story.version, 99]) {
      await expect(decideTypoReport({ decision: "accept-fix", id, fixVersion })).rejects.toBeInstanceOf(ValidationError);
    }
    // Version 3 exists only on the other story.
    const current = await getDb().article.findUniqueOrThrow({ where: { id: other.id } });
    await saveArticle({ id: other.id, baseVersion: current.version, fields: articleFields(section.id, { title: current.title, slug: current.slug, lead: "Changed." }) });
    await expect(decideTypoReport({ decision: "accept-fix", id, fixVersion: current.version + 1 })).rejects.toBeInstanceOf(ValidationError);
    expect((await getDb().typoReport.findUniqueOrThrow({ where: { id } })).status).toBe("NEW");
  });
});

describe("duplicates, reopening and races", () => {
  it("marks a report as a duplicate of another on the same story, collapsing chains onto the original", async () => {
    const story = await publishedStory(team.author);
    const [original, second, third] = [await reportOn(story.id), await reportOn(story.id), await reportOn(story.id)];
    actAs(team.editor);
    await decideTypoReport({ decision: "duplicate", id: second, duplicateOfId: original });
    await decideTypoReport({ decision: "duplicate", id: third, duplicateOfId: second });
    const rows = await getDb().typoReport.findMany({ where: { id: { in: [second, third] } } });
    expect(rows.map((r) => [r.status, r.duplicateOfId])).toEqual([["DUPLICATE", original], ["DUPLICATE", original]]);
  });

  it("refuses a duplicate of itself or of a report on another story", async () => {
    const story = await publishedStory(team.author);
    const other = await publishedStory(team.author);
    const id = await reportOn(story.id);
    const elsewhere = await reportOn(other.id);
    actAs(team.editor);
    await expect(decideTypoReport({ decision: "duplicate", id, duplicateOfId: id })).rejects.toBeInstanceOf(ValidationError);
    await expect(decideTypoReport({ decision: "duplicate", id, duplicateOfId: elsewhere })).rejects.toBeInstanceOf(ValidationError);
  });

  it("reopens a decided report, clearing the decision, unless the spot is open again already", async () => {
    const story = await publishedStory(team.author);
    const input = { selectedText: "reopened" };
    const id = await reportOn(story.id, input);
    actAs(team.editor);
    await decideTypoReport({ decision: "accept-as-is", id });
    await expect(decideTypoReport({ decision: "accept-as-is", id })).rejects.toBeInstanceOf(ConflictError);
    await decideTypoReport({ decision: "reopen", id });
    expect(await getDb().typoReport.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "NEW", decidedById: null, decidedAt: null });
    await expect(decideTypoReport({ decision: "reopen", id })).rejects.toBeInstanceOf(ConflictError);

    await decideTypoReport({ decision: "accept-as-is", id });
    const newer = await reportOn(story.id, input); // accepted spot reported again: a new open report
    expect(newer).not.toBe(id);
    actAs(team.editor);
    await expect(decideTypoReport({ decision: "reopen", id })).rejects.toThrow(/already open/);
  });

  it("lets only one of two simultaneous decisions win", async () => {
    const story = await publishedStory(team.author);
    const id = await reportOn(story.id);
    actAs(team.editor);
    const decisions: TypoReportDecision[] = [
      { decision: "reject", id },
      { decision: "accept-as-is", id },
    ];
    const results = await Promise.allSettled(decisions.map((d) => decideTypoReport(d)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")?.reason).toBeInstanceOf(ConflictError);
    expect(await getDb().auditEvent.count({ where: { entityType: "typo_report", entityId: id } })).toBe(1);
  });
});

describe("audit", () => {
  it("writes one event per decision with who, from and to", async () => {
    const story = await publishedStory(team.author);
    const [a, b, c] = [await reportOn(story.id), await reportOn(story.id), await reportOn(story.id)];
    actAs(team.admin);
    await decideTypoReport({ decision: "accept-as-is", id: a });
    await decideTypoReport({ decision: "reject", id: b });
    await decideTypoReport({ decision: "duplicate", id: c, duplicateOfId: a });
    await decideTypoReport({ decision: "reopen", id: b });
    const events = await getDb().auditEvent.findMany({ where: { entityType: "typo_report", entityId: { in: [a, b, c] } }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.entityId, e.fromState, e.toState, e.actorId])).toEqual([
      ["typo_report.accept", a, "NEW", "ACCEPTED", team.admin.id],
      ["typo_report.reject", b, "NEW", "REJECTED", team.admin.id],
      ["typo_report.mark_duplicate", c, "NEW", "DUPLICATE", team.admin.id],
      ["typo_report.reopen", b, "REJECTED", "NEW", team.admin.id],
    ]);
    expect(events[0]?.data).toMatchObject({ articleId: story.id, withoutFix: true });
    expect(events[2]?.data).toMatchObject({ duplicateOfId: a });
  });

  it("writes nothing when a decision is refused", async () => {
    const story = await publishedStory(team.author);
    const id = await reportOn(story.id);
    actAs(team.author);
    await expect(decideTypoReport({ decision: "reject", id })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await getDb().auditEvent.count({ where: { entityType: "typo_report", entityId: id } })).toBe(0);
  });
});
