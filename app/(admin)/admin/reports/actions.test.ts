import { beforeAll, describe, expect, it, vi } from "vitest";
import { insertStory } from "@/lib/testing/article-fixtures";
import { actAs } from "@/lib/testing/session-mock";
import { provideTestDatabase } from "@/lib/testing/test-database";
import { createNewsroom, createTestSection } from "@/lib/testing/test-users";
import { testClientHash, typoReportInput } from "@/lib/testing/typo-report-fixtures";
import { submitTypoReport } from "@/lib/data/typo-reports/submit-report";
import { initialActionState } from "@/lib/forms/action-state";
import { decideTypoReportFromEditorAction } from "../articles/_actions/typo-report-actions";
import { decideTypoReportAction } from "./actions";

vi.mock("@/lib/auth/session", () => import("@/lib/testing/session-mock"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Redirected(url);
  },
}));

class Redirected extends Error {
  constructor(readonly url: string) {
    super(`redirect ${url}`);
  }
}

const getDb = provideTestDatabase();
let team: Awaited<ReturnType<typeof createNewsroom>>;
let storyId: string;

beforeAll(async () => {
  team = await createNewsroom(getDb());
  const section = await createTestSection(getDb());
  storyId = (await insertStory(getDb(), { authorId: team.author.id, categoryId: section.id, status: "PUBLISHED", publishedAt: new Date(Date.now() - 60_000) })).id;
});

const newReport = async () => (await submitTypoReport(typoReportInput(storyId), testClientHash())).reportId as string;

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

async function redirectOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof Redirected)) throw new Error(`expected a redirect, got ${String(error)}`);
  return error.url;
}

describe("queue decision action", () => {
  it("decides and returns to the queue page it came from, with a notice", async () => {
    const id = await newReport();
    actAs(team.editor);
    const url = await redirectOf(decideTypoReportAction(initialActionState, form({ id, decision: "reject", returnTo: `/admin/reports?article=${storyId}&after=${id}` })));
    expect(url).toBe(`/admin/reports?article=${storyId}&done=reject`);
    expect((await getDb().typoReport.findUniqueOrThrow({ where: { id } })).status).toBe("REJECTED");
  });

  it("never returns anywhere but the queue", async () => {
    actAs(team.editor);
    for (const returnTo of ["https://evil.example/admin/reports", "//evil.example", "/admin/users", "/admin/reports/../users"]) {
      const url = await redirectOf(decideTypoReportAction(initialActionState, form({ id: await newReport(), decision: "reject", returnTo })));
      expect(url).toBe("/admin/reports?done=reject");
    }
  });

  it("answers bad input and refusals with messages, changing nothing", async () => {
    const id = await newReport();
    actAs(team.editor);
    expect(await decideTypoReportAction(initialActionState, form({ id, decision: "explode" }))).toMatchObject({ status: "error" });
    expect(await decideTypoReportAction(initialActionState, form({ id, decision: "duplicate" }))).toMatchObject({ status: "error", errors: { duplicateOfId: expect.any(Array) } });
    expect(await decideTypoReportAction(initialActionState, form({ id: "x", decision: "reject" }))).toMatchObject({ status: "error", errors: { id: ["Unknown report."] } });
    actAs(team.author);
    expect(await decideTypoReportAction(initialActionState, form({ id, decision: "reject" }))).toEqual({ status: "error", message: "You don't have permission to do that." });
    actAs(team.otherAuthor);
    expect(await decideTypoReportAction(initialActionState, form({ id, decision: "reject" }))).toEqual({ status: "error", message: "That no longer exists. Reload the page." });
    actAs(null);
    expect(await redirectOf(decideTypoReportAction(initialActionState, form({ id, decision: "reject" })))).toBe("/login?reason=ended");
    expect((await getDb().typoReport.findUniqueOrThrow({ where: { id } })).status).toBe("NEW");
  });
});

describe("editor decision action", () => {
  it("accepts as already fixed, and refuses a fix version that is not newer than the report", async () => {
    const id = await newReport();
    actAs(team.editor);
    expect(await decideTypoReportFromEditorAction({ decision: "accept-fix", id, fixVersion: 1 })).toMatchObject({ ok: false, reason: "invalid" });
    expect(await decideTypoReportFromEditorAction({ decision: "accept-fix", id, fixVersion: "many" })).toMatchObject({ ok: false, reason: "invalid" });
    expect(await decideTypoReportFromEditorAction({ decision: "accept-as-is", id })).toEqual({
      ok: true,
      data: { id, articleId: storyId, status: "ACCEPTED", fixVersion: null },
      message: "Accepted as already fixed.",
    });
  });

  it("refuses authors and signed-out callers", async () => {
    const id = await newReport();
    actAs(team.author);
    expect(await decideTypoReportFromEditorAction({ decision: "reject", id })).toMatchObject({ ok: false, reason: "forbidden" });
    actAs(null);
    expect(await decideTypoReportFromEditorAction({ decision: "reject", id })).toMatchObject({ ok: false, reason: "unauthenticated" });
  });
});
