import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { AuditAction, AuditEntityType } from "./audit-actions";

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
