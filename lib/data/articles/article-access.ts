import "server-only";
import type { Actor } from "../../auth/permissions";
import { canViewArticle } from "../../auth/permissions";
import { ConflictError, NotFoundError } from "../../errors";
import type { Prisma } from "../../generated/prisma/client";
import { type ArticleRecord, type ArticleServerState, loadArticleRecord, loadServerState } from "./article-record";
import { effectiveStatus } from "./status";

/** The story if it exists and the user may see it; a forbidden story looks missing. */
export async function loadVisibleArticle(tx: Prisma.TransactionClient, id: string, user: Actor): Promise<ArticleRecord> {
  const record = await loadArticleRecord(tx, id);
  if (!record || !canViewArticle(user, record)) throw new NotFoundError("This story does not exist or was deleted");
  return record;
}

/** The facts permission checks see: the status readers experience, not the stored one. */
export function articleFacts(record: ArticleRecord, now = new Date()) {
  return { authorId: record.authorId, status: effectiveStatus(record, now) };
}

/** A write based on an older version: refused with the current state, so nothing is overwritten. */
export async function conflictFor(tx: Prisma.TransactionClient, id: string): Promise<ConflictError<ArticleServerState>> {
  const current = await loadServerState(tx, id);
  if (!current) return new ConflictError("This story was deleted");
  const who = current.updatedBy ? ` by ${current.updatedBy}` : "";
  return new ConflictError(`This story was changed${who} since you opened it (now version ${current.version}).`, current);
}

/**
 * Applies `data` only if the story is still at `baseVersion`, bumping the
 * version in the same statement. Two writers from one base: the second one
 * updates nothing and gets a ConflictError.
 */
export async function updateAtVersion(
  tx: Prisma.TransactionClient,
  id: string,
  baseVersion: number,
  data: Prisma.ArticleUncheckedUpdateManyInput,
): Promise<void> {
  const { count } = await tx.article.updateMany({ where: { id, version: baseVersion }, data: { ...data, version: { increment: 1 } } });
  if (count === 0) throw await conflictFor(tx, id);
}
