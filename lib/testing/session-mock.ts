/**
 * Stand-in for lib/auth/session in data-access tests, so a test can act as
 * any user without cookies:
 *
 *   vi.mock("@/lib/auth/session", () => import("@/lib/testing/session-mock"));
 *   import { actAs } from "@/lib/testing/session-mock";
 *   actAs(editor);
 */
import { UnauthenticatedError } from "../errors";
import type { SessionUser } from "../auth/session";

let current: SessionUser | null = null;

/** Every DAL call after this runs as `user` (null: signed out). */
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
