/**
 * Stand-in for lib/auth/session in integration tests:
 *   vi.mock("@/lib/auth/session", () => import("@/lib/testing/session-stub"));
 * then `actAs(user)` picks who the data-access layer sees as signed in.
 */
import type { SessionUser } from "../auth/session";
import { UnauthenticatedError } from "../errors";

let current: SessionUser | null = null;

export type { SessionUser };

export function actAs(user: SessionUser | null): void {
  current = user;
}

export async function getCurrentUser(): Promise<SessionUser | null> {
  return current;
}

export async function requireUser(): Promise<SessionUser> {
  if (!current) throw new UnauthenticatedError();
  return current;
}
