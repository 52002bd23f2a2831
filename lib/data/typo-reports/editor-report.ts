import "server-only";
import { canDecideTypoReport } from "../../auth/permissions";
import { requireUser } from "../../auth/session";
import { db } from "../../db";
import { NotFoundError } from "../../errors";
import { loadVisibleReport } from "./report-access";
import { reportViewSelect, toReportView, type TypoReportView } from "./report-queue";

/** A report as the story editor's report panel opens it. */
export interface EditorTypoReport {
  report: TypoReportView;
  canDecide: boolean;
}

/**
 * The report for /admin/articles/<articleId>?report=<id>: only a report on
 * that story, and only for someone who may see it (NotFoundError otherwise).
 */
export async function getTypoReportForEditor(reportId: string, articleId: string): Promise<EditorTypoReport> {
  const user = await requireUser();
  const facts = await loadVisibleReport(db, reportId, user);
  if (facts.articleId !== articleId) throw new NotFoundError("This report does not exist.");
  const row = await db.typoReport.findUniqueOrThrow({ where: { id: facts.id }, select: reportViewSelect });
  return { report: toReportView(row), canDecide: canDecideTypoReport(user) };
}
