/**
 * A stand-in for `next/headers` in Vitest, so data-access functions see a
 * real signed-in request:
 *
 *   vi.mock("next/headers", () => import("../testing/mock-next-headers"));
 *   await signInAs(user);            // a real encoded next-auth session cookie
 */
import { encode, type JWT } from "next-auth/jwt";
import { resolveAuthSecret } from "../auth/auth-secret";
import { SESSION_COOKIE } from "../auth/session-token";
import { db } from "../db";

const jar = new Map<string, string>();
const requestHeaders = new Map<string, string>([["x-forwarded-for", "203.0.113.50"]]);

export async function cookies() {
  return {
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) as string } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    has: (name: string) => jar.has(name),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (name: string) => void jar.delete(name),
  };
}

export async function headers() {
  return new Headers([...requestHeaders]);
}

/** Signs the mocked browser in as next-auth would. `maxAge` in seconds (negative: already expired). */
export async function signInAs(user: { id: string; sessionVersion: number }, claims: Partial<JWT> = {}, maxAge = 3600) {
  // A real session row, as sign-in creates one (lib/auth/user-sessions.ts).
  const session = await db.userSession.create({ data: { userId: user.id, sessionVersion: user.sessionVersion }, select: { id: true } });
  const token: JWT = { sub: user.id, sv: user.sessionVersion, sid: session.id, authTime: Math.floor(Date.now() / 1000), ...claims };
  jar.set(SESSION_COOKIE, await encode({ token, secret: resolveAuthSecret(), maxAge }));
}

/**
 * A signed session cookie without touching the database (for a database
 * that cannot be reached): what a browser signed in before an outage holds.
 */
export async function setSessionCookie(token: JWT, maxAge = 3600) {
  jar.set(SESSION_COOKIE, await encode({ token, secret: resolveAuthSecret(), maxAge }));
}

export function setCookie(name: string, value: string) {
  jar.set(name, value);
}

export function signOut() {
  jar.clear();
}

export function getCookie(name: string): string | undefined {
  return jar.get(name);
}
