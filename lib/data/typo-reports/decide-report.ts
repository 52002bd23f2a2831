import "server-only";
import type { AuditAction } from "../../audit/audit-actions";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { canDecideTypoReport } from "../../auth/permissions";
import { requireUser } from "../../auth/session";
import { db } from "../../db";
import { ConflictError, ForbiddenError, ValidationError } from "../../errors";
import { Prisma } from "../../generated/prisma/client";
import type { TypoReportStatus } from "../../generated/prisma/enums";
import { getRequestClientHash } from "../../security/request-client";
import type { TypoReportDecision } from "../../validations/typo-report";
import { loadVisibleReport, type ReportFacts } from "./report-access";

/** The report after a decision. */
export interface DecidedTypoReport {
  id: string;
  articleId: string;
  status: TypoReportStatus;
  /** The story version linked as the fix (accept with a fix). */
  fixVersion: number | null;
}

const AUDIT_ACTION: Record<TypoReportDecision["decision"], AuditAction> = {
  "accept-fix": "typo_report.accept",
  "accept-as-is": "typo_report.accept",
  reject: "typo_report.reject",
  duplicate: "typo_report.mark_duplicate",
  reopen: "typo_report.reopen",
};

const STATUS_WORD: Record<TypoReportStatus, string> = { NEW: "open", ACCEPTED: "accepted", REJECTED: "rejected", DUPLICATE: "marked as a duplicate" };

type Tx = Prisma.TransactionClient;

/** The story version whose save fixed the report: same story, saved after the report came in. */
async function findFixRevision(tx: Tx, report: ReportFacts, version: number): Promise<{ id: string; version: number }> {
  const revision = await tx.articleRevision.findUnique({
    where: { articleId_version: { articleId: report.articleId, version } },
    select: { id: true, version: true, createdAt: true },
  });
  if (!revision) throw new ValidationError(`This story has no version ${version}.`, { fixVersion: [`This story has no version ${version}.`] });
  if (revision.createdAt <= report.createdAt) {
    const message = `Version ${version} was saved before the report came in, so it cannot be its fix. Save the fix first, or accept the report as already fixed.`;
    throw new ValidationError(message, { fixVersion: [message] });
  }
  return revision;
}

/** The report a duplicate points at: another report on the same story (a duplicate's own original, if it is one). */
async function findOriginal(tx: Tx, report: ReportFacts, originalId: string): Promise<{ id: string }> {
  const original = await tx.typoReport.findUnique({ where: { id: originalId }, select: { id: true, articleId: true, status: true, duplicateOfId: true } });
  const message = "Choose another report on the same story.";
  if (!original || original.articleId !== report.articleId || original.id === report.id) throw new ValidationError(message, { duplicateOfId: [message] });
  // Chains collapse onto the first report, so "duplicate of" always names an original.
  const rootId = original.status === "DUPLICATE" && original.duplicateOfId ? original.duplicateOfId : original.id;
  if (rootId === report.id) throw new ValidationError(message, { duplicateOfId: [message] });
  return { id: rootId };
}

/** Applies `data` only while the report is still `from`: two editors deciding at once cannot both win. */
async function updateFrom(tx: Tx, report: ReportFacts, from: "NEW" | "DECIDED", data: Prisma.TypoReportUncheckedUpdateManyInput): Promise<void> {
  const status = from === "NEW" ? { equals: "NEW" as const } : { not: "NEW" as const };
  const { count } = await tx.typoReport.updateMany({ where: { id: report.id, status }, data });
  if (count === 0) throw new ConflictError("Someone else decided this report a moment ago. Reload to see their decision.");
}

/**
 * Records an editor's decision on a reader's report: accept (linked to the
 * story version that fixed it, or explicitly without one), reject, mark as
 * a duplicate of another report on the same story, or reopen. Editors and
 * admins only; an author sees reports on their own stories but decides
 * nothing; anyone else finds no such report. Each decision writes an audit
 * event in the same transaction.
 */
export async function decideTypoReport(decision: TypoReportDecision): Promise<DecidedTypoReport> {
  const user = await requireUser();
  const clientHash = await getRequestClientHash();
  try {
    return await db.$transaction(async (tx) => {
      const report = await loadVisibleReport(tx, decision.id, user);
      if (!canDecideTypoReport(user)) throw new ForbiddenError("Only editors decide typo reports.");
      const isReopen = decision.decision === "reopen";
      if (isReopen ? report.status === "NEW" : report.status !== "NEW") {
        throw new ConflictError(isReopen ? "This report is already open." : `This report was already ${STATUS_WORD[report.status]}.`);
      }
      const decided = { decidedById: user.id, decidedAt: new Date(), openFingerprint: null };
      let status: TypoReportStatus;
      const data: Record<string, string | number | boolean> = { articleId: report.articleId };
      let fixVersion: number | null = null;
      switch (decision.decision) {
        case "accept-fix": {
          const fix = await findFixRevision(tx, report, decision.fixVersion);
          status = "ACCEPTED";
          fixVersion = fix.version;
          Object.assign(data, { fixRevisionId: fix.id, fixVersion: fix.version });
          await updateFrom(tx, report, "NEW", { ...decided, status, fixRevisionId: fix.id });
          break;
        }
        case "accept-as-is":
          status = "ACCEPTED";
          data.withoutFix = true;
          await updateFrom(tx, report, "NEW", { ...decided, status });
          break;
        case "reject":
          status = "REJECTED";
          await updateFrom(tx, report, "NEW", { ...decided, status });
          break;
        case "duplicate": {
          const original = await findOriginal(tx, report, decision.duplicateOfId);
          status = "DUPLICATE";
          data.duplicateOfId = original.id;
          await updateFrom(tx, report, "NEW", { ...decided, status, duplicateOfId: original.id });
          break;
        }
        case "reopen":
          status = "NEW";
          if (await tx.typoReport.findUnique({ where: { openFingerprint: report.fingerprint }, select: { id: true } })) throw reopenConflict();
          await updateFrom(tx, report, "DECIDED", {
            status,
            decidedById: null,
            decidedAt: null,
            fixRevisionId: null,
            duplicateOfId: null,
            openFingerprint: report.fingerprint,
          });
          break;
      }
      await recordAuditEvent(tx, {
        action: AUDIT_ACTION[decision.decision],
        actorId: user.id,
        entityType: "typo_report",
        entityId: report.id,
        fromState: report.status,
        toState: status,
        data,
        clientHash,
      });
      return { id: report.id, articleId: report.articleId, status, fixVersion };
    });
  } catch (error) {
    // Two reopenings of the same spot at once: the unique open fingerprint lets one through.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw reopenConflict();
    throw error;
  }
}

function reopenConflict(): ConflictError {
  return new ConflictError("Another report of the same spot is already open. Mark this one as its duplicate instead.");
}
