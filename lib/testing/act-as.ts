/**
 * A stand-in for lib/auth/session in integration tests, which run outside a
 * request (no cookies). Use with:
 *   vi.mock("../auth/session", async () => (await import("../testing/act-as")).sessionModuleMock);
 * then `actAs(user)` / `actAs(null)` before calling the data layer.
 */
import type { SessionUser } from "../auth/session";
import { UnauthenticatedError } from "../errors";
import type { PrismaClient } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";

let currentUser: SessionUser | null = null;

export function actAs(user: SessionUser | null): void {
  currentUser = user;
}

export const sessionModuleMock = {
  getCurrentUser: async () => currentUser,
  requireUser: async () => {
    if (!currentUser) throw new UnauthenticatedError();
    return currentUser;
  },
};

/** Creates a newsroom account with the given role (no usable password). */
export async function createTestUser(db: PrismaClient, role: Role, label: string = role.toLowerCase()): Promise<SessionUser> {
  const suffix = Math.random().toString(36).slice(2, 8);
  const user = await db.user.create({
    data: { email: `${label}-${suffix}@newsdesk.test`, name: `Test ${label}`, slug: `${label}-${suffix}`, role, passwordHash: "!" },
    select: { id: true, email: true, name: true, role: true },
  });
  return user;
}
