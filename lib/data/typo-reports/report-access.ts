import "server-only";
import { type Actor, canViewAllTypoReports, canViewTypoReports } from "../../auth/permissions";
import { NotFoundError } from "../../errors";
import type { Prisma } from "../../generated/prisma/client";
import type { TypoReportStatus } from "../../generated/prisma/enums";
import { isUuid } from "../../validations/uuid";

/** The reports a user may see: all of them for editors, those on their own stories for authors. */
export function visibleReportsWhere(user: Actor): Prisma.TypoReportWhereInput {
  return canViewAllTypoReports(user) ? {} : { article: { authorId: user.id } };
}

/** What deciding a report needs to know about it. */
export interface ReportFacts {
  id: string;
  articleId: string;
  status: TypoReportStatus;
  fingerprint: string;
  reportCount: number;
  createdAt: Date;
  article: { authorId: string; status: Prisma.ArticleGetPayload<{ select: { status: true } }>["status"] };
}

const factsSelect = {
  id: true,
  articleId: true,
  status: true,
  fingerprint: true,
  reportCount: true,
  createdAt: true,
  article: { select: { authorId: true, status: true } },
} as const satisfies Prisma.TypoReportSelect;

/** The report if it exists and the user may see it; otherwise NotFoundError (a forbidden report looks missing). */
export async function loadVisibleReport(client: Prisma.TransactionClient, id: string, user: Actor): Promise<ReportFacts> {
  const report = isUuid(id) ? await client.typoReport.findUnique({ where: { id }, select: factsSelect }) : null;
  if (!report || !canViewTypoReports(user, report.article)) throw new NotFoundError("This report does not exist.");
  return report;
}
