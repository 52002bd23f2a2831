import "server-only";
import { generatePassword, hashPassword } from "../auth/password";
import { canManageUsers } from "../auth/permissions";
import { requireUser, type SessionUser } from "../auth/session";
import { pairKey, SIGN_IN_ACCOUNT_POLICY, SIGN_IN_PAIR_POLICY } from "../auth/sign-in-throttle";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors";
import type { Role } from "../generated/prisma/enums";
import { hashIdentifier } from "../security/client-address";
import { getRequestClientHash } from "../security/request-client";
import { assertPasswordAllowed } from "../users/check-new-password";
import { insertUser, type CreatedUser, type NewUser } from "../users/insert-user";
import { isUuid } from "../validations/uuid";
import { resetRateLimit } from "./rate-limit";

export interface UserListItem {
  id: string;
  name: string;
  email: string;
  role: Role;
  isActive: boolean;
  lastLoginAt: Date | null;
}

export interface UserDetail extends UserListItem {
  slug: string;
  createdAt: Date;
  passwordSetAt: Date;
  failedLoginCount: number;
  lastFailedAt: Date | null;
}

const LIST_FIELDS = { id: true, name: true, email: true, role: true, isActive: true, lastLoginAt: true } as const;

// Any number will do, as long as nothing else uses it: serialises changes to
// who is an active admin, so two admins demoting each other at once cannot
// both succeed and leave the newsroom with none.
const ADMIN_MEMBERSHIP_LOCK = 7_265_001;

const LAST_ADMIN = "Newsdesk needs at least one active admin. Make someone else an admin first.";

/** Reads look like nothing is there; writes are refused outright. */
async function requireUserAdmin(access: "read" | "write"): Promise<SessionUser> {
  const user = await requireUser();
  if (!canManageUsers(user)) throw access === "read" ? new NotFoundError() : new ForbiddenError();
  return user;
}

function assertUserId(id: string): void {
  if (!isUuid(id)) throw new NotFoundError("No such account");
}

/** Every account, active first, then by name. Admins only. */
export async function listUsers(): Promise<UserListItem[]> {
  await requireUserAdmin("read");
  return db.user.findMany({ select: LIST_FIELDS, orderBy: [{ isActive: "desc" }, { name: "asc" }] });
}

/** One account as the user admin shows it. Admins only. */
export async function getUserForAdmin(id: string): Promise<UserDetail> {
  await requireUserAdmin("read");
  assertUserId(id);
  const user = await db.user.findUnique({
    where: { id },
    select: { ...LIST_FIELDS, slug: true, createdAt: true, passwordSetAt: true, failedLoginCount: true, lastFailedAt: true },
  });
  if (!user) throw new NotFoundError("No such account");
  return user;
}

/** Creates an account; a generated password comes back once and is never stored in clear. */
export async function createUser(input: NewUser): Promise<{ user: CreatedUser; generatedPassword: string | null }> {
  const actor = await requireUserAdmin("write");
  return insertUser(db, input, { actorId: actor.id, clientHash: await getRequestClientHash(), via: "admin" });
}

/**
 * Changes role and/or active status, ending the account's sessions. Refuses
 * to leave the newsroom without an active admin, race-free: the check and
 * the change run under one lock.
 */
async function changeMembership(targetId: string, change: { role?: Role; isActive?: boolean }): Promise<void> {
  const actor = await requireUserAdmin("write");
  assertUserId(targetId);
  if (change.isActive === false && targetId === actor.id) {
    throw new ConflictError("You can't deactivate your own account. Ask another admin.");
  }
  const clientHash = await getRequestClientHash();
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMIN_MEMBERSHIP_LOCK}::bigint)`;
    const target = await tx.user.findUnique({ where: { id: targetId }, select: { role: true, isActive: true } });
    if (!target) throw new NotFoundError("No such account");
    const role = change.role ?? target.role;
    const isActive = change.isActive ?? target.isActive;
    if (role === target.role && isActive === target.isActive) return;
    const wasAdmin = target.role === "ADMIN" && target.isActive;
    if (wasAdmin && !(role === "ADMIN" && isActive)) {
      const otherAdmins = await tx.user.count({ where: { role: "ADMIN", isActive: true, id: { not: targetId } } });
      if (otherAdmins === 0) throw new ConflictError(LAST_ADMIN);
    }
    await tx.user.update({ where: { id: targetId }, data: { role, isActive, sessionVersion: { increment: 1 } } });
    const base = { actorId: actor.id, entityType: "user" as const, entityId: targetId, clientHash };
    if (role !== target.role) await recordAuditEvent(tx, { ...base, action: "user.role_change", fromState: target.role, toState: role });
    if (isActive !== target.isActive) {
      await recordAuditEvent(tx, { ...base, action: isActive ? "user.reactivate" : "user.deactivate" });
    }
  });
}

export const changeUserRole = (id: string, role: Role) => changeMembership(id, { role });
export const deactivateUser = (id: string) => changeMembership(id, { isActive: false });
export const reactivateUser = (id: string) => changeMembership(id, { isActive: true });

/**
 * Sets a new password (typed by the admin, or generated and returned once),
 * ends the account's sessions and lifts any sign-in throttling on it.
 */
export async function resetUserPassword(id: string, password: string | null): Promise<{ generatedPassword: string | null; sessionVersion: number; isSelf: boolean }> {
  const actor = await requireUserAdmin("write");
  assertUserId(id);
  const target = await db.user.findUnique({ where: { id }, select: { email: true, name: true } });
  if (!target) throw new NotFoundError("No such account");
  if (password !== null) assertPasswordAllowed(password, target);
  const newPassword = password ?? generatePassword();
  const passwordHash = await hashPassword(newPassword);
  const clientHash = await getRequestClientHash();
  const updated = await db.$transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id },
      data: { passwordHash, passwordSetAt: new Date(), failedLoginCount: 0, sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    await recordAuditEvent(tx, { action: "user.password_reset", actorId: actor.id, entityType: "user", entityId: id, clientHash });
    return user;
  });
  await resetRateLimit(SIGN_IN_ACCOUNT_POLICY, hashIdentifier("email", target.email));
  await resetRateLimit(SIGN_IN_PAIR_POLICY, pairKey(hashIdentifier("email", target.email), "password-change"));
  return { generatedPassword: password === null ? newPassword : null, sessionVersion: updated.sessionVersion, isSelf: id === actor.id };
}

/** Ends every session of an account: one's own (anyone) or anyone's (admins). */
export async function signOutUserEverywhere(id: string): Promise<void> {
  const actor = await requireUser();
  if (id !== actor.id && !canManageUsers(actor)) throw new ForbiddenError();
  assertUserId(id);
  const clientHash = await getRequestClientHash();
  await db.$transaction(async (tx) => {
    const result = await tx.user.updateMany({ where: { id }, data: { sessionVersion: { increment: 1 } } });
    if (result.count === 0) throw new NotFoundError("No such account");
    await recordAuditEvent(tx, { action: "auth.sign_out_everywhere", actorId: actor.id, entityType: "user", entityId: id, clientHash });
  });
}
