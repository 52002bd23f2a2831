import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import type { JWT } from "next-auth/jwt";
import { getRequestClientHash } from "../security/request-client";
import { UnauthenticatedError } from "../errors";
import type { Role } from "../generated/prisma/enums";
import { encodeSessionToken, readSessionToken, SESSION_COOKIE, SESSION_COOKIE_OPTIONS } from "./session-token";
import { SESSION_IDLE_SECONDS } from "./session-policy";
import { findActiveSessionUser, renewUserSessionVersion, revokeUserSession } from "./user-sessions";

/** The signed-in newsroom user, as every data-access function sees them. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  /** Read from the database on every request: a role change applies at once. */
  role: Role;
}

/**
 * The user behind this request, or null. The cookie proves who signed in;
 * one indexed lookup per request proves the session was not ended (signed
 * out, ended from the sessions list) and the account is still active at the
 * same session version (deactivation, role change, password reset and
 * "sign out everywhere" all bump User.sessionVersion).
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const token = await readSessionToken((await cookies()).get(SESSION_COOKIE)?.value);
  if (!token?.sub) return null;
  const user = await findActiveSessionUser(token);
  return user ? { id: user.id, email: user.email, name: user.name, role: user.role } : null;
});

/** The current session's row id (for marking "this browser" in the sessions list), or null. */
export async function getCurrentSessionId(): Promise<string | null> {
  const token = await readSessionToken((await cookies()).get(SESSION_COOKIE)?.value);
  return typeof token?.sid === "string" ? token.sid : null;
}

/** The signed-in user; throws UnauthenticatedError when there is none. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new UnauthenticatedError();
  return user;
}

/**
 * Keeps this browser signed in across a session-version bump it caused
 * itself (changing one's own password ends every *other* session). Server
 * actions and route handlers only: pages cannot set cookies.
 */
export async function renewCurrentSession(sessionVersion: number): Promise<void> {
  const store = await cookies();
  const token = await readSessionToken(store.get(SESSION_COOKIE)?.value);
  if (!token) return;
  await renewUserSessionVersion(token.sid, sessionVersion);
  const value = await encodeSessionToken({ ...token, sv: sessionVersion });
  store.set(SESSION_COOKIE, value, { ...SESSION_COOKIE_OPTIONS, maxAge: SESSION_IDLE_SECONDS });
}

/** Sets this browser's session cookie (server actions and route handlers only). */
export async function setSessionCookie(claims: JWT): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, await encodeSessionToken(claims), { ...SESSION_COOKIE_OPTIONS, maxAge: SESSION_IDLE_SECONDS });
}

/**
 * Signs this browser out (server actions and route handlers only): its
 * session row is revoked, so a copy of the cookie taken earlier is refused
 * on its very next request, then the cookie goes.
 */
export async function clearSessionCookie(): Promise<void> {
  const store = await cookies();
  const token = await readSessionToken(store.get(SESSION_COOKIE)?.value);
  if (token?.sid) {
    await revokeUserSession(token.sid, { actorId: token.sub ?? null, clientHash: await getRequestClientHash(), action: "auth.sign_out" });
  }
  store.set(SESSION_COOKIE, "", { ...SESSION_COOKIE_OPTIONS, maxAge: 0 });
}
