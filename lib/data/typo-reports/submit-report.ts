import "server-only";
import { db } from "../../db";
import { uuid7 } from "../../db/uuid7";
import { NotFoundError, RateLimitedError } from "../../errors";
import type { TypoReportSubmission } from "../../validations/typo-report";
import { publishedWhere } from "../published";
import { hitRateLimit, type RateLimitPolicy } from "../rate-limit";
import { typoReportFingerprint } from "./fingerprint";
import { TYPO_REPORT_RATE_LIMITS } from "./limits";

/**
 * What happened to a report:
 * - "created": a new report in the queue;
 * - "merged": the spot was already reported and waiting (or was rejected
 *   before): its count went up instead;
 * - "repeat": this client already reported this spot today: nothing counted.
 * Readers are thanked the same way for each.
 */
export type TypoReportOutcome = "created" | "merged" | "repeat";

export interface SubmittedTypoReport {
  outcome: TypoReportOutcome;
  /** The report that holds this spot; never shown to the reader. */
  reportId: string | null;
}

function waitMessage(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  const wait = minutes >= 90 ? `${Math.ceil(minutes / 60)} hours` : minutes > 1 ? `${minutes} minutes` : "a minute";
  return `You have sent a lot of reports. Please try again in ${wait}.`;
}

async function enforce(policies: readonly RateLimitPolicy[], key: string): Promise<void> {
  for (const policy of policies) {
    const hit = await hitRateLimit(policy, key);
    if (!hit.allowed) throw new RateLimitedError(waitMessage(hit.retryAfterSeconds), hit.retryAfterSeconds);
  }
}

/** The revision the reader saw: the one at the page's version when it exists, else the latest. */
async function resolveRevisionId(articleId: string, version: number | undefined): Promise<string | null> {
  if (version !== undefined) {
    const seen = await db.articleRevision.findUnique({ where: { articleId_version: { articleId, version } }, select: { id: true } });
    if (seen) return seen.id;
  }
  const latest = await db.articleRevision.findFirst({ where: { articleId }, orderBy: { version: "desc" }, select: { id: true } });
  return latest?.id ?? null;
}

/**
 * Files a reader's typo report. Public: no session, so the protection is
 * here: per-client rate limits counted before anything else (a flood of
 * bogus ids is limited too), only stories readers can see take reports,
 * and a spot already waiting in the queue is counted, not repeated.
 * `clientHash` is the keyed hash of the reader's address; the address
 * itself is never stored.
 *
 * Duplicates: while a spot's report is NEW, every further report of it
 * raises that report's count (atomically: the open fingerprint is unique,
 * so concurrent first reports make one row). A spot whose last report was
 * REJECTED folds into that report (its count shows readers still stumble
 * there; the decision stands until an editor reopens it). A spot whose
 * report was ACCEPTED or marked DUPLICATE starts a new report: the text is
 * evidently still there.
 *
 * @throws RateLimitedError, NotFoundError (not a published story)
 */
export async function submitTypoReport(input: TypoReportSubmission, clientHash: string): Promise<SubmittedTypoReport> {
  const limits = TYPO_REPORT_RATE_LIMITS;
  await enforce([limits.perClient, limits.perClientDaily], clientHash);
  const article = await db.article.findFirst({ where: { id: input.articleId, ...publishedWhere() }, select: { id: true, language: true } });
  if (!article) throw new NotFoundError("This story cannot take reports.");
  await enforce([limits.perClientAndArticle], `${clientHash}:${article.id}`);

  const fingerprint = typoReportFingerprint({ ...input, articleId: article.id });
  const spot = await hitRateLimit(limits.perClientAndSpot, `${clientHash}:${fingerprint}`);
  if (!spot.allowed) return { outcome: "repeat", reportId: null };

  const open = await db.typoReport.updateManyAndReturn({
    where: { openFingerprint: fingerprint },
    data: { reportCount: { increment: 1 } },
    select: { id: true },
  });
  if (open[0]) return { outcome: "merged", reportId: open[0].id };

  const lastDecided = await db.typoReport.findFirst({
    where: { articleId: article.id, fingerprint, status: { not: "NEW" } },
    orderBy: [{ decidedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
    select: { id: true, status: true },
  });
  if (lastDecided?.status === "REJECTED") {
    await db.typoReport.update({ where: { id: lastDecided.id }, data: { reportCount: { increment: 1 } } });
    return { outcome: "merged", reportId: lastDecided.id };
  }

  const revisionId = await resolveRevisionId(article.id, input.version);
  const rows = await db.$queryRaw<{ id: string; isNew: boolean }[]>`
    INSERT INTO "TypoReport" ("id", "articleId", "revisionId", "selectedText", "contextBefore", "contextAfter", "paragraphIndex",
      "charOffset", "suggestion", "comment", "language", "fingerprint", "openFingerprint", "reportCount", "clientHash", "status", "updatedAt")
    VALUES (${uuid7()}::uuid, ${article.id}::uuid, ${revisionId}::uuid, ${input.selectedText}, ${input.contextBefore}, ${input.contextAfter},
      ${input.paragraphIndex}, ${input.charOffset ?? null}::int, ${input.suggestion || null}, ${input.comment || null},
      ${input.language ?? article.language}, ${fingerprint}, ${fingerprint}, 1, ${clientHash}, 'NEW', now())
    ON CONFLICT ("openFingerprint") DO UPDATE SET "reportCount" = "TypoReport"."reportCount" + 1, "updatedAt" = now()
    RETURNING "id", (xmax = 0) AS "isNew"`;
  const row = rows[0];
  return { outcome: row?.isNew === false ? "merged" : "created", reportId: row?.id ?? null };
}
