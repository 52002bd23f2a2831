/**
 * lib/auth/session.ts as the benchmark sees it: whoever `actAsBenchUser`
 * names is signed in. Never part of the app (only bench-loader.mjs maps it).
 */
import type { SessionUser } from "../../../lib/auth/session";
import { UnauthenticatedError } from "../../../lib/errors";

export type { SessionUser };

const holder = globalThis as unknown as { newsdeskBenchUser?: SessionUser | null };

export function actAsBenchUser(user: SessionUser | null): void {
  holder.newsdeskBenchUser = user;
}

export async function getCurrentUser(): Promise<SessionUser | null> {
  return holder.newsdeskBenchUser ?? null;
}

export async function requireUser(): Promise<SessionUser> {
  const user = holder.newsdeskBenchUser;
  if (!user) throw new UnauthenticatedError();
  return user;
}
