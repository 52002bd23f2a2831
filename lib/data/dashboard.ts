import "server-only";
import { effectiveListStatus, type ListStatus } from "../article-status";
import { canListAllArticles } from "../auth/permissions";
import { requireUser } from "../auth/session";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { countNewTypoReports } from "./typo-reports/report-queue";

/** A story as a dashboard panel lists it. */
export interface DashboardStory {
  id: string;
  title: string;
  status: ListStatus;
  publishedAt: Date | null;
  updatedAt: Date;
  authorName: string;
}

/** What needs the signed-in person's attention, scoped to what they may see. */
export interface DashboardSummary {
  /** Stories waiting for an editor (an author sees their own). */
  inReview: DashboardStory[];
  /** Scheduled stories still to go out, soonest first. */
  upcoming: DashboardStory[];
  /** The person's own drafts, most recently touched first. */
  myDrafts: DashboardStory[];
  /** The latest stories out. */
  recentlyPublished: DashboardStory[];
  newTypoReports: number;
}

const PANEL_SIZE = 6;

const storySelect = {
  id: true,
  title: true,
  status: true,
  publishedAt: true,
  updatedAt: true,
  author: { select: { name: true } },
} satisfies Prisma.ArticleSelect;

type StoryRow = Prisma.ArticleGetPayload<{ select: typeof storySelect }>;

function toStory(row: StoryRow, now: Date): DashboardStory {
  return {
    id: row.id,
    title: row.title,
    status: effectiveListStatus(row.status, row.publishedAt, now),
    publishedAt: row.publishedAt,
    updatedAt: row.updatedAt,
    authorName: row.author.name,
  };
}

/** The dashboard's panels; every query is scoped by role like the article list. */
export async function getDashboardSummary(now: Date = new Date()): Promise<DashboardSummary> {
  const user = await requireUser();
  const scope: Prisma.ArticleWhereInput = canListAllArticles(user) ? {} : { authorId: user.id };
  const list = (where: Prisma.ArticleWhereInput, orderBy: Prisma.ArticleOrderByWithRelationInput[]) =>
    db.article.findMany({ where: { ...scope, ...where }, orderBy, take: PANEL_SIZE, select: storySelect });
  const [inReview, upcoming, myDrafts, recentlyPublished, newTypoReports] = await Promise.all([
    list({ status: "IN_REVIEW" }, [{ updatedAt: "asc" }, { id: "asc" }]),
    list({ status: "SCHEDULED", publishedAt: { gt: now } }, [{ publishedAt: "asc" }, { id: "asc" }]),
    list({ status: "DRAFT", authorId: user.id }, [{ updatedAt: "desc" }, { id: "desc" }]),
    list({ status: { in: ["PUBLISHED", "SCHEDULED"] }, publishedAt: { lte: now } }, [{ publishedAt: "desc" }, { id: "desc" }]),
    countNewTypoReports(),
  ]);
  return {
    inReview: inReview.map((row) => toStory(row, now)),
    upcoming: upcoming.map((row) => toStory(row, now)),
    myDrafts: myDrafts.map((row) => toStory(row, now)),
    recentlyPublished: recentlyPublished.map((row) => toStory(row, now)),
    newTypoReports,
  };
}
