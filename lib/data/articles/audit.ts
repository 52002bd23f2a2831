import "server-only";
import type { Prisma } from "../../generated/prisma/client";

/** One lifecycle fact for the audit log: who did what to which story, from which state. */
export interface ArticleAuditEntry {
  actorId: string;
  /** "article.created", "article.published", … */
  action: string;
  articleId: string;
  fromState?: string | null;
  toState?: string | null;
  data?: Prisma.InputJsonValue;
}

/**
 * Writes an audit event inside the caller's transaction, so the log and the
 * change it records commit together or not at all.
 */
// audit: shared module at merge (lib/data/audit.ts recordAuditEvent from issue-3-auth)
export async function recordArticleAudit(tx: Prisma.TransactionClient, entry: ArticleAuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: "Article",
      entityId: entry.articleId,
      fromState: entry.fromState ?? null,
      toState: entry.toState ?? null,
      data: entry.data,
    },
  });
}
