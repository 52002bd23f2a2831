import Link from "next/link";
import { AUDIT_ACTION_LABELS, isAuditAction } from "@/lib/audit/audit-actions";
import type { AuditEventView } from "@/lib/data/audit";
import { formatNewsroomDateTime, toNewsroomIso } from "@/lib/time";
import { TableHeader } from "./table-header";

const REASONS: Record<string, string> = {
  wrong_password: "wrong password",
  unknown_account: "no such account",
  inactive: "account deactivated",
  throttled: "throttled",
};

function describeDetails(event: AuditEventView): string {
  const parts: string[] = [];
  if (event.fromState || event.toState) parts.push(`${event.fromState ?? "–"} → ${event.toState ?? "–"}`);
  const data = event.data && typeof event.data === "object" && !Array.isArray(event.data) ? event.data : {};
  if (typeof data.reason === "string") parts.push(REASONS[data.reason] ?? data.reason);
  if (data.via === "cli") parts.push("from the command line");
  return parts.join("; ");
}

function EntityCell({ event }: { event: AuditEventView }) {
  if (event.entityType === "user" && event.entityId) {
    return <Link href={`/admin/users/${event.entityId}`}>{event.entityLabel ?? "Deleted account"}</Link>;
  }
  if (event.entityType === "user") return <span className="muted">Unknown account</span>;
  return (
    <span>
      {event.entityType} <span className="muted">{event.entityId?.slice(0, 8)}</span>
    </span>
  );
}

/** Audit events as a table, newest first. */
export function AuditEventList({ events, showEntity = true }: { events: AuditEventView[]; showEntity?: boolean }) {
  if (events.length === 0) return <p className="muted">No events.</p>;
  return (
    <table className="table" data-testid="audit-events">
      <TableHeader columns={["When", "What", "Who", showEntity && "Account or item", "Details", "Client"]} />
      <tbody>
        {events.map((event) => (
          <tr key={event.id}>
            <td>
              <time dateTime={toNewsroomIso(event.createdAt)}>{formatNewsroomDateTime(event.createdAt)}</time>
            </td>
            <td>{isAuditAction(event.action) ? AUDIT_ACTION_LABELS[event.action] : event.action}</td>
            <td>{event.actor ? <Link href={`/admin/users/${event.actor.id}`}>{event.actor.name}</Link> : <span className="muted">Anonymous</span>}</td>
            {showEntity && (
              <td>
                <EntityCell event={event} />
              </td>
            )}
            <td>{describeDetails(event)}</td>
            <td>
              <code title="A keyed hash of the client address; the address itself is not stored">{event.clientHash?.slice(0, 8) ?? "–"}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
