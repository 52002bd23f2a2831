import "server-only";
import { hashPassword, verifyPassword } from "../auth/password";
import { requireUser } from "../auth/session";
import { describeThrottle, pairKey, SIGN_IN_PAIR_POLICY } from "../auth/sign-in-throttle";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import { NotFoundError, RateLimitedError, ValidationError } from "../errors";
import type { Role } from "../generated/prisma/enums";
import { hashIdentifier } from "../security/client-address";
import { getRequestClientHash } from "../security/request-client";
import { assertPasswordAllowed } from "../users/check-new-password";
import { hitRateLimit, resetRateLimit, undoRateLimitHit } from "./rate-limit";

export interface OwnAccount {
  id: string;
  name: string;
  email: string;
  role: Role;
  lastLoginAt: Date | null;
  passwordSetAt: Date;
}

/** The signed-in user's own account. */
export async function getOwnAccount(): Promise<OwnAccount> {
  const actor = await requireUser();
  const user = await db.user.findUnique({
    where: { id: actor.id },
    select: { id: true, name: true, email: true, role: true, lastLoginAt: true, passwordSetAt: true },
  });
  if (!user) throw new NotFoundError();
  return user;
}

/**
 * Changes the signed-in user's password after checking the current one.
 * Guesses at the current password (from a borrowed session, say) count
 * against the same throttle as sign-in. Every other session ends; the
 * caller renews this one with the returned session version.
 */
export async function changeOwnPassword(currentPassword: string, newPassword: string): Promise<{ sessionVersion: number }> {
  const actor = await requireUser();
  const account = await db.user.findUnique({ where: { id: actor.id }, select: { email: true, name: true, passwordHash: true } });
  if (!account) throw new NotFoundError();
  // Its own counter: guesses from a borrowed session slow that session, never the owner's sign-in.
  const throttleKey = pairKey(hashIdentifier("email", account.email), "password-change");
  const hit = await hitRateLimit(SIGN_IN_PAIR_POLICY, throttleKey);
  if (!hit.allowed) throw new RateLimitedError(describeThrottle(hit.retryAfterSeconds), hit.retryAfterSeconds);
  if (!(await verifyPassword(account.passwordHash, currentPassword))) {
    const message = "That is not your current password.";
    throw new ValidationError(message, { currentPassword: [hit.retryAfterSeconds > 0 ? `${message} ${describeThrottle(hit.retryAfterSeconds)}` : message] });
  }
  await undoRateLimitHit(SIGN_IN_PAIR_POLICY, throttleKey);
  if (newPassword === currentPassword) {
    throw new ValidationError("Choose a new password", { newPassword: ["The new password must differ from the current one."] });
  }
  assertPasswordAllowed(newPassword, account, "newPassword");
  const passwordHash = await hashPassword(newPassword);
  const clientHash = await getRequestClientHash();
  const updated = await db.$transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id: actor.id },
      data: { passwordHash, passwordSetAt: new Date(), failedLoginCount: 0, sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    await recordAuditEvent(tx, { action: "auth.password_change", actorId: actor.id, entityType: "user", entityId: actor.id, clientHash });
    return user;
  });
  await resetRateLimit(SIGN_IN_PAIR_POLICY, throttleKey);
  return updated;
}
