import "server-only";
import { canViewAuditLog } from "../auth/permissions";
import { requireUser } from "../auth/session";
import type { AuditAction, AuditEntityType } from "../audit/audit-actions";
import { db } from "../db";
import { NotFoundError } from "../errors";
import type { Prisma, PrismaClient } from "../generated/prisma/client";

export type { AuditAction, AuditEntityType } from "../audit/audit-actions";

/** The process client or an interactive transaction: write the event in the same transaction as the change. */
export type AuditWriter = Pick<PrismaClient, "auditEvent"> | Prisma.TransactionClient;

/**
 * One audit record. Never store raw personal data that is not needed:
 * client addresses and unmatched emails go in as keyed hashes
 * (lib/security/client-address.ts).
 */
export interface AuditEventInput {
  action: AuditAction;
  /** Who did it; null for anonymous attempts (a failed sign-in). */
  actorId: string | null;
  entityType: AuditEntityType;
  entityId?: string | null;
  fromState?: string | null;
  toState?: string | null;
  data?: Prisma.InputJsonObject;
  clientHash?: string | null;
}

/**
 * Writes an audit event. Not an access check: call it from a data-access
 * function that has already checked the session, with `tx` from the
 * transaction making the change, so the record and the change commit together.
 */
export async function recordAuditEvent(client: AuditWriter, event: AuditEventInput): Promise<void> {
  await client.auditEvent.create({
    data: {
      action: event.action,
      actorId: event.actorId,
      entityType: event.entityType,
      entityId: event.entityId ?? null,
      fromState: event.fromState ?? null,
      toState: event.toState ?? null,
      data: event.data,
      clientHash: event.clientHash ?? null,
    },
  });
}

export interface AuditEventView {
  id: string;
  action: string;
  createdAt: Date;
  actor: { id: string; name: string; email: string } | null;
  entityType: string;
  entityId: string | null;
  /** A readable name for the entity when it is a user (others show their id). */
  entityLabel: string | null;
  fromState: string | null;
  toState: string | null;
  data: Prisma.JsonValue;
  clientHash: string | null;
}

export interface AuditEventFilter {
  action?: AuditAction;
  actorId?: string;
  entityType?: AuditEntityType;
  entityId?: string;
  /** Cursor: the last id of the previous page (ids are time-ordered uuid v7). */
  before?: string;
  limit?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Admins only; to anyone else the log does not exist. Newest first. */
export async function listAuditEvents(filter: AuditEventFilter = {}): Promise<{ events: AuditEventView[]; nextCursor: string | null }> {
  const user = await requireUser();
  if (!canViewAuditLog(user)) throw new NotFoundError();
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 200);
  // Ids from a URL: a malformed one matches nothing rather than failing the query.
  const isUuid = (value: string | undefined) => value === undefined || UUID.test(value);
  if (!isUuid(filter.actorId) || !isUuid(filter.before)) return { events: [], nextCursor: null };
  const rows = await db.auditEvent.findMany({
    where: {
      action: filter.action,
      actorId: filter.actorId,
      entityType: filter.entityType,
      entityId: filter.entityId,
      id: filter.before ? { lt: filter.before } : undefined,
    },
    orderBy: { id: "desc" },
    take: limit + 1,
    select: {
      id: true,
      action: true,
      createdAt: true,
      entityType: true,
      entityId: true,
      fromState: true,
      toState: true,
      data: true,
      clientHash: true,
      actor: { select: { id: true, name: true, email: true } },
    },
  });
  const page = rows.slice(0, limit);
  const userIds = [...new Set(page.filter((e) => e.entityType === "user" && e.entityId).map((e) => e.entityId as string))];
  const users = userIds.length
    ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })
    : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  return {
    events: page.map((e) => ({ ...e, entityLabel: e.entityType === "user" && e.entityId ? (names.get(e.entityId) ?? null) : null })),
    nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}
