import "server-only";
import { db } from "../db";
import { isDatabaseUnavailableError } from "../db/unavailable";

/**
 * What the proxy learns about a session: still current, revoked (or the
 * account is gone or inactive), or "unknown" because the database cannot be
 * reached right now.
 */
export type SessionCheck = "current" | "revoked" | "unknown";

/**
 * Whether the account behind a session is still active and the session was
 * issued at its current session version. One primary-key read of two
 * columns: cheap enough for every admin request.
 *
 * During a database outage the answer is "unknown", and the proxy lets a
 * validly signed, unexpired cookie through (docs/editor-outage.md): the check
 * is only the optimistic first gate, and every data-access call re-checks the
 * session against the database, so nothing can be read or changed until the
 * database is back — but an editor's open tab keeps working, and its queued
 * save goes through (or is turned away) the moment it returns.
 */
export async function checkSession(userId: string, sessionVersion: number): Promise<SessionCheck> {
  try {
    const user = await db.user.findUnique({ where: { id: userId }, select: { isActive: true, sessionVersion: true } });
    return user?.isActive && user.sessionVersion === sessionVersion ? "current" : "revoked";
  } catch (error) {
    if (isDatabaseUnavailableError(error)) return "unknown";
    throw error;
  }
}
