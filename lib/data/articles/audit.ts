import "server-only";
import type { AuditAction } from "../../audit/audit-actions";
import { recordAuditEvent } from "../../audit/record-audit-event";
import type { Prisma } from "../../generated/prisma/client";

/** One lifecycle fact for the audit log: who did what to which story, from which state. */
export interface ArticleAuditEntry {
  actorId: string;
  action: Extract<AuditAction, `article.${string}`>;
  articleId: string;
  fromState?: string | null;
  toState?: string | null;
  data?: Prisma.InputJsonObject;
}

/**
 * Writes an audit event inside the caller's transaction, so the log and the
 * change it records commit together or not at all.
 */
export function recordArticleAudit(tx: Prisma.TransactionClient, entry: ArticleAuditEntry): Promise<void> {
  const { articleId, ...event } = entry;
  return recordAuditEvent(tx, { ...event, entityType: "article", entityId: articleId });
}
