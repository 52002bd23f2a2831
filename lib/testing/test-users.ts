import type { SessionUser } from "../auth/session";
import type { PrismaClient } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";

let counter = 0;

/** A newsroom account straight in the database (no password hashing: tests never sign in). */
export async function createTestUser(db: PrismaClient, role: Role, name?: string): Promise<SessionUser & { slug: string }> {
  const n = `${Date.now().toString(36)}-${++counter}`;
  const user = await db.user.create({
    data: { email: `${role.toLowerCase()}-${n}@test.invalid`, name: name ?? `${role} ${n}`, slug: `${role.toLowerCase()}-${n}`, role, passwordHash: "-" },
    select: { id: true, email: true, name: true, role: true, slug: true },
  });
  return user;
}

/** One account per role, plus a second author to check "own" rules. */
export async function createNewsroom(db: PrismaClient) {
  return {
    admin: await createTestUser(db, "ADMIN", "Leyla Admin"),
    editor: await createTestUser(db, "EDITOR", "Aysel Editor"),
    author: await createTestUser(db, "AUTHOR", "Rashad Author"),
    otherAuthor: await createTestUser(db, "AUTHOR", "Nigar Author"),
  };
}

/** A section to file test stories under. */
export async function createTestSection(db: PrismaClient, slug = `section-${++counter}`, parentId?: string): Promise<{ id: string; slug: string }> {
  return db.category.create({ data: { name: slug, slug, parentId }, select: { id: true, slug: true } });
}
