import "server-only";
import { canViewAuditLog } from "../auth/permissions";
import { requireUser } from "../auth/session";
import type { AuditAction, AuditEntityType } from "../audit/audit-actions";
import { db } from "../db";
import { NotFoundError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { isUuid } from "../validations/uuid";

export type { AuditAction, AuditEntityType } from "../audit/audit-actions";
export { recordAuditEvent, type AuditEventInput, type AuditWriter } from "../audit/record-audit-event";

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

/** Admins only; to anyone else the log does not exist. Newest first. */
export async function listAuditEvents(filter: AuditEventFilter = {}): Promise<{ events: AuditEventView[]; nextCursor: string | null }> {
  const user = await requireUser();
  if (!canViewAuditLog(user)) throw new NotFoundError();
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 200);
  // Ids from a URL: a malformed one matches nothing rather than failing the query.
  const isIdOrUnset = (value: string | undefined) => value === undefined || isUuid(value);
  if (!isIdOrUnset(filter.actorId) || !isIdOrUnset(filter.before)) return { events: [], nextCursor: null };
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
