import "server-only";
import { db } from "../db";

/**
 * True when the account behind a session is still active and the session
 * was issued at its current session version. One primary-key read of two
 * columns: cheap enough for every admin request.
 */
export async function isSessionCurrent(userId: string, sessionVersion: number): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { isActive: true, sessionVersion: true } });
  return Boolean(user?.isActive && user.sessionVersion === sessionVersion);
}
