import { hashPassword, generatePassword } from "../auth/password";
import { recordAuditEvent } from "../audit/record-audit-event";
import { ValidationError } from "../errors";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";
import { slugify } from "../slug";
import { assertPasswordAllowed } from "./check-new-password";

export interface NewUser {
  name: string;
  /** Already trimmed and lower-cased (the zod schema does it). */
  email: string;
  role: Role;
  /** null: generate a strong one and hand it back once. */
  password: string | null;
}

export interface CreatedUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  slug: string;
}

const DUPLICATE_EMAIL = "An account with this email address already exists.";

/** "leyla-hasanova", or "leyla-hasanova-2" when a namesake has the first. */
async function pickUserSlug(client: PrismaClient, name: string): Promise<string> {
  const base = slugify(name) || "user";
  const taken = new Set(
    (await client.user.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((u) => u.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * Creates an account and its audit event. Not an access check: the users
 * data-access module calls it for a signed-in admin, the user:create CLI for
 * an operator with database access.
 */
export async function insertUser(
  client: PrismaClient,
  input: NewUser,
  audit: { actorId: string | null; clientHash?: string | null; via: "admin" | "cli" },
): Promise<{ user: CreatedUser; generatedPassword: string | null }> {
  if (input.password !== null) assertPasswordAllowed(input.password, { email: input.email, name: input.name });
  const password = input.password ?? generatePassword();
  if (await client.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw new ValidationError(DUPLICATE_EMAIL, { email: [DUPLICATE_EMAIL] });
  }
  const passwordHash = await hashPassword(password);
  for (let attempt = 0; ; attempt++) {
    const slug = await pickUserSlug(client, input.name);
    try {
      const user = await client.$transaction(async (tx) => {
        const created = await tx.user.create({
          data: { name: input.name, email: input.email, role: input.role, slug, passwordHash },
          select: { id: true, name: true, email: true, role: true, slug: true },
        });
        await recordAuditEvent(tx, {
          action: "user.create",
          actorId: audit.actorId,
          entityType: "user",
          entityId: created.id,
          toState: created.role,
          data: { via: audit.via },
          clientHash: audit.clientHash,
        });
        return created;
      });
      return { user, generatedPassword: input.password === null ? password : null };
    } catch (error) {
      if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") throw error;
      // Lost a race: to the same email (refuse) or to the same slug (pick again).
      if (await client.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
        throw new ValidationError(DUPLICATE_EMAIL, { email: [DUPLICATE_EMAIL] });
      }
      if (attempt >= 3) throw error;
    }
  }
}
