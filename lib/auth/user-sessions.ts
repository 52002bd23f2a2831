import "server-only";
import type { JWT } from "next-auth/jwt";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import type { Role } from "../generated/prisma/enums";
import { isUuid } from "../validations/uuid";

/** How the second sign-in step was passed (null: password only). */
export type SecondFactorKind = "totp" | "recovery_code" | "passkey";

export interface SessionOwner {
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionVersion: number;
}

export interface SessionContext {
  userAgent: string | null;
  clientHash: string | null;
  secondFactor: SecondFactorKind | null;
}

/**
 * Records a new signed-in browser and returns the claims of its session
 * cookie; `sid` names the row every later request is checked against.
 */
export async function startUserSession(user: SessionOwner, context: SessionContext): Promise<JWT> {
  const session = await db.userSession.create({
    data: {
      userId: user.id,
      sessionVersion: user.sessionVersion,
      userAgent: context.userAgent?.slice(0, 512) ?? null,
      clientHash: context.clientHash,
      secondFactor: context.secondFactor,
    },
    select: { id: true },
  });
  return {
    sub: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    sv: user.sessionVersion,
    sid: session.id,
    authTime: Math.floor(Date.now() / 1000),
  };
}

interface ActiveSessionRow {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/**
 * The session's user when the session is still good: its row exists and is
 * not revoked, the account is active, and the session was issued at the
 * account's current session version. One primary-key lookup joined to the
 * user's primary key: cheap enough for every request.
 */
export async function findActiveSessionUser(token: Pick<JWT, "sub" | "sid" | "sv">): Promise<ActiveSessionRow | null> {
  if (!isUuid(token.sid) || !isUuid(token.sub) || typeof token.sv !== "number") return null;
  const rows = await db.$queryRaw<ActiveSessionRow[]>`
    SELECT u."id", u."email", u."name", u."role"::text AS "role"
    FROM "UserSession" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = ${token.sid}::uuid AND s."userId" = ${token.sub}::uuid AND s."revokedAt" IS NULL
      AND u."isActive" AND u."sessionVersion" = ${token.sv}::int`;
  return rows[0] ?? null;
}

/** Moves a session's "last seen" time (when its cookie is re-issued, every few minutes of use). */
export async function touchUserSession(sid: unknown): Promise<void> {
  if (isUuid(sid)) await db.userSession.updateMany({ where: { id: sid, revokedAt: null }, data: { lastSeenAt: new Date() } });
}

/** Carries a session across a session-version bump its own browser caused. */
export async function renewUserSessionVersion(sid: unknown, sessionVersion: number): Promise<void> {
  if (isUuid(sid)) await db.userSession.updateMany({ where: { id: sid, revokedAt: null }, data: { sessionVersion } });
}

/**
 * Ends one session for good (the copied cookie is refused on its very next
 * request). `actorId`: who ended it (the owner signing out, or an admin).
 */
export async function revokeUserSession(
  sid: unknown,
  audit: { actorId: string | null; clientHash: string | null; action: "auth.sign_out" | "auth.session_revoke" },
): Promise<boolean> {
  if (!isUuid(sid)) return false;
  return db.$transaction(async (tx) => {
    const session = await tx.userSession.findUnique({ where: { id: sid }, select: { userId: true, revokedAt: true } });
    if (!session || session.revokedAt) return false;
    await tx.userSession.update({ where: { id: sid }, data: { revokedAt: new Date() } });
    await recordAuditEvent(tx, {
      action: audit.action,
      actorId: audit.actorId,
      entityType: "user",
      entityId: session.userId,
      data: { sessionId: sid },
      clientHash: audit.clientHash,
    });
    return true;
  });
}

/** Ends every open session of a user (their session version is bumped alongside). */
export async function revokeAllUserSessions(tx: Pick<typeof db, "userSession">, userId: string): Promise<void> {
  await tx.userSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
}
