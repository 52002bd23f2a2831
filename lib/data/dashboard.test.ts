import { beforeAll, describe, expect, it, vi } from "vitest";
import { UnauthenticatedError } from "@/lib/errors";
import { insertStory } from "@/lib/testing/article-fixtures";
import { actAs } from "@/lib/testing/session-mock";
import { provideTestDatabase } from "@/lib/testing/test-database";
import { createNewsroom, createTestSection } from "@/lib/testing/test-users";
import { getDashboardSummary } from "./dashboard";

vi.mock("@/lib/auth/session", () => import("@/lib/testing/session-mock"));

const getDb = provideTestDatabase();
const HOUR = 3_600_000;
let team: Awaited<ReturnType<typeof createNewsroom>>;
const titles = {} as Record<"authorsReview" | "othersReview" | "authorsDraft" | "editorsDraft" | "later" | "due" | "out", string>;

beforeAll(async () => {
  const db = getDb();
  team = await createNewsroom(db);
  const { id: categoryId } = await createTestSection(db);
  const make = async (key: keyof typeof titles, authorId: string, status: "DRAFT" | "IN_REVIEW" | "SCHEDULED" | "PUBLISHED", publishedAt: Date | null = null) => {
    titles[key] = (await insertStory(db, { authorId, categoryId, status, publishedAt })).title;
  };
  await make("authorsReview", team.author.id, "IN_REVIEW");
  await make("othersReview", team.otherAuthor.id, "IN_REVIEW");
  await make("authorsDraft", team.author.id, "DRAFT");
  await make("editorsDraft", team.editor.id, "DRAFT");
  await make("later", team.author.id, "SCHEDULED", new Date(Date.now() + HOUR));
  await make("due", team.otherAuthor.id, "SCHEDULED", new Date(Date.now() - 1000));
  await make("out", team.author.id, "PUBLISHED", new Date(Date.now() - HOUR));
});

const titlesOf = (stories: { title: string }[]) => stories.map((s) => s.title);

describe("dashboard", () => {
  it("shows an editor the whole newsroom's review queue, schedule and latest stories, and only their own drafts", async () => {
    actAs(team.editor);
    const summary = await getDashboardSummary();
    expect(titlesOf(summary.inReview)).toEqual([titles.authorsReview, titles.othersReview]);
    expect(titlesOf(summary.myDrafts)).toEqual([titles.editorsDraft]);
    expect(titlesOf(summary.upcoming)).toEqual([titles.later]);
    // A scheduled story whose time has come is published, not upcoming.
    expect(titlesOf(summary.recentlyPublished)).toEqual([titles.due, titles.out]);
    expect(summary.recentlyPublished[0]?.status).toBe("published");
  });

  it("shows an author only their own stories", async () => {
    actAs(team.author);
    const summary = await getDashboardSummary();
    expect(titlesOf(summary.inReview)).toEqual([titles.authorsReview]);
    expect(titlesOf(summary.myDrafts)).toEqual([titles.authorsDraft]);
    expect(titlesOf(summary.upcoming)).toEqual([titles.later]);
    expect(titlesOf(summary.recentlyPublished)).toEqual([titles.out]);
  });

  it("refuses a visitor who is not signed in", async () => {
    actAs(null);
    await expect(getDashboardSummary()).rejects.toThrow(UnauthenticatedError);
  });
});
