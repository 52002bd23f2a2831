import "server-only";
import { canDecideTypoReport, canViewAllTypoReports } from "../../auth/permissions";
import { requireUser } from "../../auth/session";
import { db } from "../../db";
import type { Prisma } from "../../generated/prisma/client";
import type { TypoReportStatus } from "../../generated/prisma/enums";
import { articlePath } from "../../urls";
import { isUuid } from "../../validations/uuid";
import { isPublic } from "../articles/status";
import { visibleReportsWhere } from "./report-access";

export const TYPO_REPORT_STATUSES = ["NEW", "ACCEPTED", "REJECTED", "DUPLICATE"] as const satisfies readonly TypoReportStatus[];

/** A report as the queue and the editor's report panel show it. */
export interface TypoReportView {
  id: string;
  status: TypoReportStatus;
  selectedText: string;
  contextBefore: string;
  contextAfter: string;
  paragraphIndex: number;
  charOffset: number | null;
  suggestion: string | null;
  comment: string | null;
  language: string;
  reportCount: number;
  createdAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
  /** The story version the reader saw. */
  reportedVersion: number | null;
  /** The story version whose save fixed it (accepted with a fix). */
  fixVersion: number | null;
  duplicateOf: { id: string; selectedText: string } | null;
  article: { id: string; title: string; authorName: string; publicPath: string | null };
}

export const reportViewSelect = {
  id: true,
  status: true,
  selectedText: true,
  contextBefore: true,
  contextAfter: true,
  paragraphIndex: true,
  charOffset: true,
  suggestion: true,
  comment: true,
  language: true,
  reportCount: true,
  createdAt: true,
  decidedAt: true,
  decidedBy: { select: { name: true } },
  revision: { select: { version: true } },
  fixRevision: { select: { version: true } },
  duplicateOf: { select: { id: true, selectedText: true } },
  article: {
    select: { id: true, title: true, slug: true, status: true, publishedAt: true, author: { select: { name: true } }, category: { select: { slug: true } } },
  },
} as const satisfies Prisma.TypoReportSelect;

type ReportRow = Prisma.TypoReportGetPayload<{ select: typeof reportViewSelect }>;

export function toReportView(row: ReportRow, now = new Date()): TypoReportView {
  const { article } = row;
  return {
    id: row.id,
    status: row.status,
    selectedText: row.selectedText,
    contextBefore: row.contextBefore,
    contextAfter: row.contextAfter,
    paragraphIndex: row.paragraphIndex,
    charOffset: row.charOffset,
    suggestion: row.suggestion,
    comment: row.comment,
    language: row.language,
    reportCount: row.reportCount,
    createdAt: row.createdAt,
    decidedAt: row.decidedAt,
    decidedBy: row.decidedBy?.name ?? null,
    reportedVersion: row.revision?.version ?? null,
    fixVersion: row.fixRevision?.version ?? null,
    duplicateOf: row.duplicateOf,
    article: {
      id: article.id,
      title: article.title,
      authorName: article.author.name,
      publicPath: isPublic(article, now) ? articlePath(article.category.slug, article.slug) : null,
    },
  };
}

export interface TypoReportQuery {
  status: TypoReportStatus;
  /** Only reports on this story. */
  articleId?: string;
  /** Cursor: the last report id of the previous page. */
  after?: string;
  limit?: number;
}

export interface TypoReportPage {
  reports: TypoReportView[];
  /** Pass as `after` for the next (older) page; null on the last page. */
  nextCursor: string | null;
  /** Whether the signed-in user may decide these reports. */
  canDecide: boolean;
}

/** Keyset condition for "older than this report" in (createdAt desc, id desc) order. */
async function olderThan(cursorId: string | undefined): Promise<Prisma.TypoReportWhereInput> {
  if (!cursorId || !isUuid(cursorId)) return {};
  const cursor = await db.typoReport.findUnique({ where: { id: cursorId }, select: { createdAt: true } });
  if (!cursor) return {};
  return { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursorId } }] };
}

/** One page of the queue, newest first: every report for editors, own stories' for authors. */
export async function listTypoReports(query: TypoReportQuery): Promise<TypoReportPage> {
  const user = await requireUser();
  const limit = Math.min(Math.max(query.limit ?? 30, 1), 100);
  if (query.articleId !== undefined && !isUuid(query.articleId)) return { reports: [], nextCursor: null, canDecide: canDecideTypoReport(user) };
  const rows = await db.typoReport.findMany({
    where: { AND: [visibleReportsWhere(user), { status: query.status, articleId: query.articleId }, await olderThan(query.after)] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: reportViewSelect,
  });
  const now = new Date();
  const page = rows.slice(0, limit).map((row) => toReportView(row, now));
  return { reports: page, nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null, canDecide: canDecideTypoReport(user) };
}

/** Reports per status tab (within the story filter), as the user may see them. */
export async function countTypoReportsByStatus(filter: { articleId?: string } = {}): Promise<Record<TypoReportStatus, number>> {
  const user = await requireUser();
  const counts: Record<TypoReportStatus, number> = { NEW: 0, ACCEPTED: 0, REJECTED: 0, DUPLICATE: 0 };
  if (filter.articleId !== undefined && !isUuid(filter.articleId)) return counts;
  const groups = await db.typoReport.groupBy({
    by: ["status"],
    where: { AND: [visibleReportsWhere(user), { articleId: filter.articleId }] },
    _count: { _all: true },
  });
  for (const group of groups) counts[group.status] = group._count._all;
  return counts;
}

/**
 * NEW reports the user may see, for the admin navigation: one COUNT on an
 * index ((status, createdAt) for editors; the author's stories joined to
 * (articleId, status, …) for authors).
 */
export async function countNewTypoReports(): Promise<number> {
  const user = await requireUser();
  if (canViewAllTypoReports(user)) return db.typoReport.count({ where: { status: "NEW" } });
  const [row] = await db.$queryRaw<{ count: bigint | number }[]>`
    SELECT count(*) AS "count" FROM "TypoReport" r JOIN "Article" a ON a.id = r."articleId"
    WHERE r."status" = 'NEW' AND a."authorId" = ${user.id}::uuid`;
  return Number(row?.count ?? 0);
}

/** Stories with reports the user may see, for the queue's story filter (by headline; at most 300). */
export async function listReportedArticles(): Promise<{ id: string; title: string }[]> {
  const user = await requireUser();
  return db.article.findMany({
    where: { typoReports: { some: {} }, ...(canViewAllTypoReports(user) ? {} : { authorId: user.id }) },
    orderBy: [{ title: "asc" }, { id: "asc" }],
    take: 300,
    select: { id: true, title: true },
  });
}

/** A report another one may be marked a duplicate of. */
export interface DuplicateCandidate {
  id: string;
  articleId: string;
  selectedText: string;
  status: TypoReportStatus;
  createdAt: Date;
}

/**
 * For the queue's "Duplicate of" choice: the other reports on these stories
 * (never duplicates themselves), newest first, at most 25 per story.
 */
export async function listDuplicateCandidates(articleIds: readonly string[]): Promise<DuplicateCandidate[]> {
  const user = await requireUser();
  const ids = [...new Set(articleIds)].filter(isUuid);
  if (ids.length === 0 || !canDecideTypoReport(user)) return [];
  const rows = await db.$queryRaw<DuplicateCandidate[]>`
    SELECT c.id, c."articleId", c."selectedText", c.status, c."createdAt"
    FROM unnest(${ids}::uuid[]) AS a(id)
    CROSS JOIN LATERAL (
      SELECT r.id, r."articleId", r."selectedText", r.status, r."createdAt" FROM "TypoReport" r
      WHERE r."articleId" = a.id AND r.status <> 'DUPLICATE'
      ORDER BY r."createdAt" DESC, r.id DESC LIMIT 25
    ) c`;
  return rows;
}
