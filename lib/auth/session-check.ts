import "server-only";
import type { JWT } from "next-auth/jwt";
import { isDatabaseUnavailableError } from "../db/unavailable";
import { findActiveSessionUser } from "./user-sessions";

/**
 * What the proxy learns about a session: still current, revoked (signed
 * out, ended by an admin, the account gone or inactive, the session version
 * stale), or "unknown" because the database cannot be reached right now.
 */
export type SessionCheck = "current" | "revoked" | "unknown";

/**
 * One indexed lookup of the session row, the account and its session
 * version: cheap enough for every admin request.
 *
 * During a database outage the answer is "unknown", and the proxy lets a
 * validly signed, unexpired cookie through (docs/editor-outage.md): the check
 * is only the optimistic first gate, and every data-access call re-checks the
 * session against the database, so nothing can be read or changed until the
 * database is back — but an editor's open tab keeps working, and its queued
 * save goes through (or is turned away) the moment it returns.
 */
export async function checkSession(token: Pick<JWT, "sub" | "sid" | "sv">): Promise<SessionCheck> {
  try {
    return (await findActiveSessionUser(token)) ? "current" : "revoked";
  } catch (error) {
    if (isDatabaseUnavailableError(error)) return "unknown";
    throw error;
  }
}
