import "server-only";
import { createHash } from "node:crypto";
import type { AuditAction } from "../audit/audit-actions";
import { recordAuditEvent } from "../audit/record-audit-event";
import { canManageSections } from "../auth/permissions";
import { requireUser, type SessionUser } from "../auth/session";
import { db } from "../db";
import { ForbiddenError, NotFoundError } from "../errors";
import { Prisma } from "../generated/prisma/client";

/** Helpers shared by the section data-access modules; not for use elsewhere. */

export type Tx = Prisma.TransactionClient;

export async function requireSectionManager(): Promise<SessionUser> {
  const user = await requireUser();
  if (!canManageSections(user)) throw new ForbiddenError("Only admins can manage sections.");
  return user;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from URLs and forms: a malformed one is a missing section, not a database error. */
export function assertSectionId(id: string): void {
  if (!UUID.test(id)) throw new NotFoundError("Section not found");
}

/**
 * A short digest of the fields the edit form changes. The form sends back the
 * one it was opened with: if someone else changed those fields in between,
 * saving is a conflict rather than a silent overwrite. (Reordering does not
 * count: it touches no field the form shows.)
 */
export function fingerprintSection(section: { name: string; slug: string; description: string | null; parentId: string | null }): string {
  const fields = [section.name, section.slug, section.description, section.parentId];
  return createHash("sha256").update(JSON.stringify(fields)).digest("hex").slice(0, 16);
}

// Any constant works; it only has to differ from other advisory locks.
const SECTION_TREE_LOCK = 7_263_001;

/**
 * Runs a section write in a transaction holding one advisory lock, so checks
 * that span rows (slug free, parent top-level, parent has no parent, sibling
 * order) cannot race with another admin's write.
 */
export function withSectionTreeLock<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.$queryRawUnsafe(`SELECT 1 AS locked FROM pg_advisory_xact_lock(${SECTION_TREE_LOCK})`);
    return work(tx);
  });
}

/** The section facts an audit event keeps, so the log reads without joins. */
export interface SectionSnapshot {
  name: string;
  slug: string;
  description: string | null;
  parent: { id: string; name: string; slug: string } | null;
}

export interface SectionAuditEvent {
  action: Extract<AuditAction, `section.${string}`>;
  entityId: string | null;
  fromState?: string | null;
  toState?: string | null;
  data: Prisma.InputJsonObject;
}

/** Writes the event inside the caller's transaction: the change and its record commit together. */
export function recordSectionEvent(tx: Tx, actor: SessionUser, event: SectionAuditEvent): Promise<void> {
  return recordAuditEvent(tx, { ...event, actorId: actor.id, entityType: "section" });
}

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export function isForeignKeyViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2003" || error.code === "P2014");
}
