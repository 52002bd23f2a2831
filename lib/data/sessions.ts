import "server-only";
import { canManageUsers } from "../auth/permissions";
import { getCurrentSessionId, requireUser } from "../auth/session";
import { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS } from "../auth/session-policy";
import { describeUserAgent } from "../auth/user-agent";
import { revokeUserSession } from "../auth/user-sessions";
import { db } from "../db";
import { ForbiddenError, NotFoundError } from "../errors";
import { getRequestClientHash } from "../security/request-client";
import { isUuid } from "../validations/uuid";

export interface SessionListItem {
  id: string;
  device: string;
  createdAt: Date;
  lastSeenAt: Date;
  secondFactor: string | null;
  isCurrent: boolean;
}

async function requireSessionAccess(userId: string, access: "read" | "write") {
  const actor = await requireUser();
  if (!isUuid(userId)) throw new NotFoundError("No such account");
  if (userId !== actor.id && !canManageUsers(actor)) throw access === "read" ? new NotFoundError() : new ForbiddenError();
  return actor;
}

/**
 * Where an account is signed in: sessions not ended, at the account's
 * current session version, and within both lifetimes. One's own, or anyone's
 * for admins. Newest first.
 */
export async function listActiveSessions(userId: string): Promise<SessionListItem[]> {
  await requireSessionAccess(userId, "read");
  const user = await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  if (!user) throw new NotFoundError("No such account");
  const now = Date.now();
  const rows = await db.userSession.findMany({
    where: {
      userId,
      revokedAt: null,
      sessionVersion: user.sessionVersion,
      createdAt: { gt: new Date(now - SESSION_ABSOLUTE_SECONDS * 1000) },
      lastSeenAt: { gt: new Date(now - SESSION_IDLE_SECONDS * 1000) },
    },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, userAgent: true, createdAt: true, lastSeenAt: true, secondFactor: true },
  });
  const currentId = await getCurrentSessionId();
  return rows.map((row) => ({
    id: row.id,
    device: describeUserAgent(row.userAgent),
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    secondFactor: row.secondFactor,
    isCurrent: row.id === currentId,
  }));
}

/** Ends one session of the account (its owner, or an admin). */
export async function endSession(userId: string, sessionId: string): Promise<void> {
  const actor = await requireSessionAccess(userId, "write");
  if (!isUuid(sessionId)) throw new NotFoundError("No such session");
  const session = await db.userSession.findUnique({ where: { id: sessionId }, select: { userId: true } });
  if (!session || session.userId !== userId) throw new NotFoundError("No such session");
  await revokeUserSession(sessionId, { actorId: actor.id, clientHash: await getRequestClientHash(), action: "auth.session_revoke" });
}
