import { beforeAll, describe, expect, it, vi } from "vitest";
import { NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { insertStory } from "@/lib/testing/article-fixtures";
import { actAs } from "@/lib/testing/session-mock";
import { provideTestDatabase } from "@/lib/testing/test-database";
import { createNewsroom, createTestSection } from "@/lib/testing/test-users";
import { testClientHash, typoReportInput } from "@/lib/testing/typo-report-fixtures";
import { decideTypoReport } from "./decide-report";
import { getTypoReportForEditor } from "./editor-report";
import { countNewTypoReports, countTypoReportsByStatus, listDuplicateCandidates, listReportedArticles, listTypoReports } from "./report-queue";
import { submitTypoReport } from "./submit-report";

vi.mock("@/lib/auth/session", () => import("@/lib/testing/session-mock"));

const getDb = provideTestDatabase();
let team: Awaited<ReturnType<typeof createNewsroom>>;
let ownStory: string;
let otherStory: string;
/** Reports on the author's story (3: two new, one rejected) and on another author's (2 new). */
const reports: { own: string[]; other: string[] } = { own: [], other: [] };

beforeAll(async () => {
  const db = getDb();
  team = await createNewsroom(db);
  const section = await createTestSection(db);
  const published = { status: "PUBLISHED" as const, publishedAt: new Date(Date.now() - 60_000), categoryId: section.id };
  ownStory = (await insertStory(db, { ...published, authorId: team.author.id, title: "Own story" })).id;
  otherStory = (await insertStory(db, { ...published, authorId: team.otherAuthor.id, title: "Other story" })).id;
  for (let i = 0; i < 3; i++) reports.own.push((await submitTypoReport(typoReportInput(ownStory), testClientHash())).reportId as string);
  for (let i = 0; i < 2; i++) reports.other.push((await submitTypoReport(typoReportInput(otherStory), testClientHash())).reportId as string);
  actAs(team.editor);
  await decideTypoReport({ decision: "reject", id: reports.own[0] as string });
});

describe("the queue", () => {
  it("shows editors and admins every report, newest first, per status", async () => {
    for (const user of [team.editor, team.admin]) {
      actAs(user);
      const open = await listTypoReports({ status: "NEW" });
      expect(open.reports.map((r) => r.id)).toEqual([reports.other[1], reports.other[0], reports.own[2], reports.own[1]]);
      expect(open.canDecide).toBe(true);
      expect((await listTypoReports({ status: "REJECTED" })).reports.map((r) => r.id)).toEqual([reports.own[0]]);
      expect(await countTypoReportsByStatus()).toEqual({ NEW: 4, ACCEPTED: 0, REJECTED: 1, DUPLICATE: 0 });
      expect(await countNewTypoReports()).toBe(4);
    }
  });

  it("shows an author only the reports on their own stories, and no way to decide them", async () => {
    actAs(team.author);
    const open = await listTypoReports({ status: "NEW" });
    expect(open.reports.map((r) => r.id)).toEqual([reports.own[2], reports.own[1]]);
    expect(open.canDecide).toBe(false);
    expect(await countTypoReportsByStatus()).toEqual({ NEW: 2, ACCEPTED: 0, REJECTED: 1, DUPLICATE: 0 });
    expect(await countNewTypoReports()).toBe(2);
    expect((await listReportedArticles()).map((a) => a.title)).toEqual(["Own story"]);
    expect(await listTypoReports({ status: "NEW", articleId: otherStory })).toMatchObject({ reports: [] });
    expect(await listDuplicateCandidates([ownStory])).toEqual([]);
  });

  it("shows an author with no reported stories nothing", async () => {
    actAs(await (await import("@/lib/testing/test-users")).createTestUser(getDb(), "AUTHOR"));
    expect((await listTypoReports({ status: "NEW" })).reports).toEqual([]);
    expect(await countNewTypoReports()).toBe(0);
  });

  it("filters by story and pages with a cursor", async () => {
    actAs(team.editor);
    const filtered = await listTypoReports({ status: "NEW", articleId: ownStory });
    expect(filtered.reports.map((r) => r.article.title)).toEqual(["Own story", "Own story"]);
    expect(await countTypoReportsByStatus({ articleId: ownStory })).toEqual({ NEW: 2, ACCEPTED: 0, REJECTED: 1, DUPLICATE: 0 });
    const first = await listTypoReports({ status: "NEW", limit: 3 });
    expect(first.reports).toHaveLength(3);
    const second = await listTypoReports({ status: "NEW", limit: 3, after: first.nextCursor ?? undefined });
    expect(second.reports.map((r) => r.id)).toEqual([reports.own[1]]);
    expect(second.nextCursor).toBeNull();
    expect((await listTypoReports({ status: "NEW", articleId: "junk" })).reports).toEqual([]);
  });

  it("shows what a report needs: the passage, the story, its public address, the count", async () => {
    actAs(team.editor);
    const [report] = (await listTypoReports({ status: "NEW", articleId: otherStory, limit: 1 })).reports;
    expect(report).toMatchObject({
      contextBefore: "The ministry said the ",
      contextAfter: " was corrected later.",
      suggestion: "mistake",
      reportCount: 1,
      article: { id: otherStory, title: "Other story", authorName: "Nigar Author", publicPath: expect.stringMatching(/^\/news\/.+\/other-story$/) },
    });
    expect(report?.selectedText).toMatch(/^mistak\d+$/);
  });

  it("offers the other reports on the same story as duplicate targets", async () => {
    actAs(team.editor);
    const candidates = await listDuplicateCandidates([ownStory, otherStory, "junk"]);
    expect(candidates.map((c) => c.id).sort()).toEqual([...reports.own, ...reports.other].sort());
  });

  it("refuses signed-out callers", async () => {
    actAs(null);
    await expect(listTypoReports({ status: "NEW" })).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(countNewTypoReports()).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});

describe("a report opened in the editor", () => {
  it("loads for whoever may see it, only on its own story", async () => {
    const id = reports.own[1] as string;
    for (const user of [team.editor, team.admin, team.author]) {
      actAs(user);
      const opened = await getTypoReportForEditor(id, ownStory);
      expect(opened.report.id).toBe(id);
      expect(opened.canDecide).toBe(user !== team.author);
    }
    actAs(team.otherAuthor);
    await expect(getTypoReportForEditor(id, ownStory)).rejects.toBeInstanceOf(NotFoundError);
    actAs(team.editor);
    await expect(getTypoReportForEditor(id, otherStory)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getTypoReportForEditor("junk", ownStory)).rejects.toBeInstanceOf(NotFoundError);
  });
});
