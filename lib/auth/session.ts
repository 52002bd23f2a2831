import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { db } from "../db";
import { UnauthenticatedError } from "../errors";
import type { Role } from "../generated/prisma/enums";
import { encodeSessionToken, readSessionToken, SESSION_COOKIE, SESSION_COOKIE_OPTIONS } from "./session-token";
import { SESSION_IDLE_SECONDS } from "./session-policy";

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
 * one primary-key lookup per request proves the account is still active and
 * the session was not revoked (deactivation, role change, password reset and
 * "sign out everywhere" all bump User.sessionVersion).
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const token = await readSessionToken((await cookies()).get(SESSION_COOKIE)?.value);
  if (!token?.sub) return null;
  const user = await db.user.findUnique({
    where: { id: token.sub },
    select: { id: true, email: true, name: true, role: true, isActive: true, sessionVersion: true },
  });
  if (!user?.isActive || user.sessionVersion !== token.sv) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});

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
  const value = await encodeSessionToken({ ...token, sv: sessionVersion });
  store.set(SESSION_COOKIE, value, { ...SESSION_COOKIE_OPTIONS, maxAge: SESSION_IDLE_SECONDS });
}

/** Signs this browser out (server actions and route handlers only). */
export async function clearSessionCookie(): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, "", { ...SESSION_COOKIE_OPTIONS, maxAge: 0 });
}
