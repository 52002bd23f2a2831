import "server-only";
import { canEditArticle, canTakeOverEditing } from "../../auth/permissions";
import { requireUser } from "../../auth/session";
import { db } from "../../db";
import { ForbiddenError } from "../../errors";
import { articleFacts, loadVisibleArticle } from "./article-access";
import { recordArticleAudit } from "./audit";

/** A lease lives this long unless renewed; the editor renews it every LEASE_HEARTBEAT_MS. */
export const LEASE_TTL_MS = 60_000;
export const LEASE_HEARTBEAT_MS = 20_000;

/** Who may type into the story right now, from the asking user's point of view. */
export type LeaseState =
  /** `version`: the story's version now, so an editor that was only reading can tell it is behind. */
  | { state: "mine"; expiresAt: Date; version: number }
  /** Someone else is editing; `canTakeOver` says whether the user may take over. */
  | { state: "held"; holder: string; since: Date; canTakeOver: boolean }
  /** Someone took the story over from this user (told on their next heartbeat). */
  | { state: "taken-over"; holder: string; at: Date }
  /** The user may read the story but not edit it. */
  | { state: "read-only" };

/**
 * Opens (or renews) the user's edit lease. `takeOver` takes it from a
 * current holder (permission: canTakeOverEditing) and records the holder so
 * they are told. A renewal never steals: if someone took the story over,
 * the previous holder learns so and stays out.
 */
export async function claimArticleLease(input: { id: string; takeOver?: boolean; isRenewal?: boolean }): Promise<LeaseState> {
  const user = await requireUser();
  return db.$transaction(async (tx) => {
    const now = new Date();
    const record = await loadVisibleArticle(tx, input.id, user);
    const facts = articleFacts(record, now);
    if (!canEditArticle(user, facts)) {
      await tx.articleLease.deleteMany({ where: { articleId: record.id, userId: user.id } });
      return { state: "read-only" };
    }
    // Two people opening the story at the same instant must not both get it;
    // the lease row may not exist yet, so lock on the story's id instead.
    await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${record.id}))) AS l`;
    const lease = await tx.articleLease.findUnique({ where: { articleId: record.id }, include: { user: { select: { name: true } } } });
    const expiresAt = new Date(now.getTime() + LEASE_TTL_MS);
    const isHeldByOther = lease && lease.userId !== user.id && lease.expiresAt > now;
    if (isHeldByOther && !input.takeOver) {
      if (input.isRenewal && lease.takenFromUserId === user.id) return { state: "taken-over", holder: lease.user.name, at: lease.acquiredAt };
      return { state: "held", holder: lease.user.name, since: lease.acquiredAt, canTakeOver: canTakeOverEditing(user, facts) };
    }
    if (isHeldByOther && !canTakeOverEditing(user, facts)) throw new ForbiddenError("You cannot take over this story");
    const isContinuing = lease?.userId === user.id && lease.expiresAt > now;
    await tx.articleLease.upsert({
      where: { articleId: record.id },
      create: { articleId: record.id, userId: user.id, acquiredAt: now, expiresAt },
      update: {
        userId: user.id,
        expiresAt,
        ...(isContinuing ? {} : { acquiredAt: now, takenFromUserId: isHeldByOther ? lease.userId : null }),
      },
    });
    if (isHeldByOther) {
      await recordArticleAudit(tx, {
        actorId: user.id,
        action: "article.take_over_editing",
        articleId: record.id,
        fromState: facts.status,
        toState: facts.status,
        data: { from: lease.userId, fromName: lease.user.name },
      });
    }
    return { state: "mine", expiresAt, version: record.version };
  });
}

/** Lets go of the user's own lease (leaving the editor). Never someone else's. */
export async function releaseArticleLease(id: string): Promise<void> {
  const user = await requireUser();
  await db.articleLease.deleteMany({ where: { articleId: id, userId: user.id } });
}
