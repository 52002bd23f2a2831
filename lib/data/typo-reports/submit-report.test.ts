import { beforeAll, describe, expect, it, vi } from "vitest";
import { NotFoundError, RateLimitedError } from "@/lib/errors";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";
import { articleFields, insertStory } from "@/lib/testing/article-fixtures";
import { actAs } from "@/lib/testing/session-mock";
import { provideTestDatabase } from "@/lib/testing/test-database";
import { createNewsroom, createTestSection } from "@/lib/testing/test-users";
import { testClientHash, typoReportInput } from "@/lib/testing/typo-report-fixtures";
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

/** A story published through the DAL (so it has revisions): version 2 after publishing. */
async function publishedStory(): Promise<string> {
  actAs(team.editor);
  const created = await createArticle(articleFields(section.id));
  await transitionArticle({ transition: "publish", id: created.id, baseVersion: created.version });
  actAs(null);
  return created.id;
}

async function storyIn(status: ArticleStatus, publishedAt: Date | null): Promise<string> {
  return (await insertStory(getDb(), { authorId: team.author.id, categoryId: section.id, status, publishedAt })).id;
}

const reportsOn = (articleId: string) => getDb().typoReport.findMany({ where: { articleId }, orderBy: { createdAt: "asc" } });

describe("submitTypoReport: what is stored", () => {
  it("keeps the story, the revision the reader saw, the spot, the words, the language and a hash of the client", async () => {
    const id = await publishedStory();
    const input = typoReportInput(id, { selectedText: "anounced", suggestion: "announced", comment: "Spelling.", version: 2, charOffset: 17 });
    const clientHash = testClientHash();
    const result = await submitTypoReport(input, clientHash);
    expect(result.outcome).toBe("created");
    const [stored] = await reportsOn(id);
    const revision = await getDb().articleRevision.findUniqueOrThrow({ where: { articleId_version: { articleId: id, version: 2 } } });
    expect(stored).toMatchObject({
      id: result.reportId,
      articleId: id,
      revisionId: revision.id,
      selectedText: "anounced",
      contextBefore: input.contextBefore,
      contextAfter: input.contextAfter,
      paragraphIndex: 1,
      charOffset: 17,
      suggestion: "announced",
      comment: "Spelling.",
      language: "en",
      reportCount: 1,
      clientHash,
      status: "NEW",
      decidedById: null,
    });
    expect(stored?.openFingerprint).toBe(stored?.fingerprint);
    expect(Math.abs((stored?.createdAt.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
  });

  it("ties the report to the latest revision when the page's version is unknown or made up", async () => {
    const id = await publishedStory();
    await submitTypoReport(typoReportInput(id, { version: 999 }), testClientHash());
    await submitTypoReport(typoReportInput(id), testClientHash());
    const latest = await getDb().articleRevision.findFirstOrThrow({ where: { articleId: id }, orderBy: { version: "desc" } });
    expect((await reportsOn(id)).map((r) => r.revisionId)).toEqual([latest.id, latest.id]);
  });

  it("stores empty suggestion and comment as nothing", async () => {
    const id = await publishedStory();
    await submitTypoReport(typoReportInput(id, { suggestion: "", comment: "" }), testClientHash());
    expect((await reportsOn(id))[0]).toMatchObject({ suggestion: null, comment: null });
  });
});

describe("submitTypoReport: only stories readers can see take reports", () => {
  const HOUR = 3_600_000;
  it.each([
    ["a draft", "DRAFT", null],
    ["a story in review", "IN_REVIEW", null],
    ["a story scheduled for later", "SCHEDULED", new Date(Date.now() + HOUR)],
    ["an archived story", "ARCHIVED", new Date(Date.now() - HOUR)],
  ] as const)("refuses %s as if it did not exist", async (_label, status, publishedAt) => {
    const id = await storyIn(status, publishedAt);
    await expect(submitTypoReport(typoReportInput(id), testClientHash())).rejects.toBeInstanceOf(NotFoundError);
    expect(await reportsOn(id)).toHaveLength(0);
  });

  it("accepts a published story and a scheduled one whose time has come", async () => {
    for (const [status, publishedAt] of [["PUBLISHED", new Date(Date.now() - HOUR)], ["SCHEDULED", new Date(Date.now() - 1000)]] as const) {
      const id = await storyIn(status, publishedAt);
      expect((await submitTypoReport(typoReportInput(id), testClientHash())).outcome).toBe("created");
    }
  });

  it("refuses a story that does not exist", async () => {
    await expect(submitTypoReport(typoReportInput("01900000-0000-7000-8000-000000000000"), testClientHash())).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("submitTypoReport: the same spot reported again", () => {
  it("raises the open report's count instead of adding a row, whatever the spacing and case", async () => {
    const id = await publishedStory();
    const spot = { selectedText: "teh ministry", contextBefore: "Yesterday ", paragraphIndex: 2 };
    expect((await submitTypoReport(typoReportInput(id, spot), testClientHash())).outcome).toBe("created");
    expect((await submitTypoReport(typoReportInput(id, { ...spot, selectedText: "Teh  Ministry", suggestion: "" }), testClientHash())).outcome).toBe("merged");
    const reports = await reportsOn(id);
    expect(reports).toHaveLength(1);
    expect(reports[0]?.reportCount).toBe(2);
  });

  it("tells the same words at another spot apart", async () => {
    const id = await publishedStory();
    await submitTypoReport(typoReportInput(id, { selectedText: "teh", contextBefore: "At first " }), testClientHash());
    await submitTypoReport(typoReportInput(id, { selectedText: "teh", contextBefore: "Later on " }), testClientHash());
    await submitTypoReport(typoReportInput(id, { selectedText: "teh", contextBefore: "At first ", paragraphIndex: 3 }), testClientHash());
    expect(await reportsOn(id)).toHaveLength(3);
  });

  it("does not count one reader's repeated report of a spot", async () => {
    const id = await publishedStory();
    const client = testClientHash();
    const input = typoReportInput(id, { selectedText: "twice" });
    expect((await submitTypoReport(input, client)).outcome).toBe("created");
    expect((await submitTypoReport(input, client)).outcome).toBe("repeat");
    expect((await reportsOn(id))[0]?.reportCount).toBe(1);
  });

  it("merges concurrent first reports of one spot into a single report", async () => {
    const id = await publishedStory();
    const input = typoReportInput(id, { selectedText: "racing" });
    const results = await Promise.all(Array.from({ length: 8 }, () => submitTypoReport(input, testClientHash())));
    expect(results.filter((r) => r.outcome === "created")).toHaveLength(1);
    expect(new Set(results.map((r) => r.reportId)).size).toBe(1);
    const reports = await reportsOn(id);
    expect(reports).toHaveLength(1);
    expect(reports[0]?.reportCount).toBe(8);
  });

  it("folds a rejected spot's new reports into the rejection, and opens a new report after an accepted one", async () => {
    const id = await publishedStory();
    const rejectedSpot = typoReportInput(id, { selectedText: "colour" });
    const acceptedSpot = typoReportInput(id, { selectedText: "recieved" });
    const rejected = await submitTypoReport(rejectedSpot, testClientHash());
    const accepted = await submitTypoReport(acceptedSpot, testClientHash());
    actAs(team.editor);
    await decideTypoReport({ decision: "reject", id: rejected.reportId as string });
    await decideTypoReport({ decision: "accept-as-is", id: accepted.reportId as string });
    actAs(null);

    expect(await submitTypoReport(rejectedSpot, testClientHash())).toEqual({ outcome: "merged", reportId: rejected.reportId });
    const again = await submitTypoReport(acceptedSpot, testClientHash());
    expect(again.outcome).toBe("created");
    expect(again.reportId).not.toBe(accepted.reportId);

    const byId = new Map((await reportsOn(id)).map((r) => [r.id, r]));
    expect(byId.get(rejected.reportId as string)).toMatchObject({ status: "REJECTED", reportCount: 2, openFingerprint: null });
    expect(byId.get(again.reportId as string)).toMatchObject({ status: "NEW", reportCount: 1 });
  });
});

describe("submitTypoReport: rate limits per client", () => {
  it("lets a client send 10 reports in a burst, then refuses with how long to wait", async () => {
    const stories = [await publishedStory(), await publishedStory(), await publishedStory()];
    const client = testClientHash();
    for (let i = 0; i < 10; i++) await submitTypoReport(typoReportInput(stories[i % 3] as string), client);
    const refusal = await submitTypoReport(typoReportInput(stories[0] as string), client).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RateLimitedError);
    expect((refusal as RateLimitedError).retryAfterSeconds).toBeGreaterThan(500);
    expect((refusal as RateLimitedError).retryAfterSeconds).toBeLessThanOrEqual(600);
    expect((refusal as RateLimitedError).message).toMatch(/try again in 10 minutes/);
    // Another reader is not affected; the refused report was not stored.
    expect((await submitTypoReport(typoReportInput(stories[0] as string), testClientHash())).outcome).toBe("created");
    expect(await getDb().typoReport.count({ where: { clientHash: client } })).toBe(10);
  });

  it("lets the client report again once the window has passed", async () => {
    const stories = [await publishedStory(), await publishedStory(), await publishedStory()];
    const client = testClientHash();
    for (let i = 0; i < 10; i++) await submitTypoReport(typoReportInput(stories[i % 3] as string), client);
    await expect(submitTypoReport(typoReportInput(stories[1] as string), client)).rejects.toBeInstanceOf(RateLimitedError);
    // Eleven minutes later, as the database sees it.
    await getDb().$executeRaw`
      UPDATE "RateLimitBucket" SET "updatedAt" = "updatedAt" - interval '11 minutes', "blockedUntil" = "blockedUntil" - interval '11 minutes'
      WHERE "key" LIKE ${`%${client}%`}`;
    expect((await submitTypoReport(typoReportInput(stories[1] as string), client)).outcome).toBe("created");
  });

  it("allows five reports on one story per client, while other stories stay open to it", async () => {
    const [story, other] = [await publishedStory(), await publishedStory()];
    const client = testClientHash();
    for (let i = 0; i < 5; i++) await submitTypoReport(typoReportInput(story), client);
    await expect(submitTypoReport(typoReportInput(story), client)).rejects.toBeInstanceOf(RateLimitedError);
    expect((await submitTypoReport(typoReportInput(other), client)).outcome).toBe("created");
  });

  it("counts attempts on stories that cannot take reports too", async () => {
    const client = testClientHash();
    const draft = await storyIn("DRAFT", null);
    for (let i = 0; i < 10; i++) await expect(submitTypoReport(typoReportInput(draft), client)).rejects.toBeInstanceOf(NotFoundError);
    await expect(submitTypoReport(typoReportInput(await publishedStory()), client)).rejects.toBeInstanceOf(RateLimitedError);
  });
});

describe("submitTypoReport after the story changed", () => {
  it("keeps merging reports of a spot across revisions", async () => {
    const id = await publishedStory();
    const input = typoReportInput(id, { selectedText: "enviroment", version: 2 });
    await submitTypoReport(input, testClientHash());
    actAs(team.editor);
    const current = await getDb().article.findUniqueOrThrow({ where: { id } });
    await saveArticle({ id, baseVersion: current.version, fields: articleFields(section.id, { title: current.title, slug: current.slug, lead: "A new lead." }) });
    actAs(null);
    await submitTypoReport({ ...input, version: 3 }, testClientHash());
    const reports = await reportsOn(id);
    expect(reports).toHaveLength(1);
    expect(reports[0]?.reportCount).toBe(2);
  });
});
