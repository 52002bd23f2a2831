import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuditEventList } from "@/components/admin/audit-event-list";
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, isAuditAction } from "@/lib/audit/audit-actions";
import { listAuditEvents } from "@/lib/data/audit";
import { listUsers } from "@/lib/data/users";
import { NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/validations/uuid";

export const metadata: Metadata = { title: "Audit log" };

type SearchParams = { action?: string | string[]; actor?: string | string[]; before?: string | string[] };
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

async function load(filter: Parameters<typeof listAuditEvents>[0]) {
  try {
    return await Promise.all([listAuditEvents(filter), listUsers()]);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const action = one(params.action);
  const actor = one(params.actor);
  const before = one(params.before);
  const filter = {
    action: isAuditAction(action) ? action : undefined,
    actorId: isUuid(actor) ? actor : undefined,
    before: isUuid(before) ? before : undefined,
  };
  const [{ events, nextCursor }, users] = await load(filter);
  const older = new URLSearchParams();
  if (filter.action) older.set("action", filter.action);
  if (filter.actorId) older.set("actor", filter.actorId);
  if (nextCursor) older.set("before", nextCursor);

  return (
    <div className="admin-page">
      <h1>Audit log</h1>
      <p className="muted">Sign-ins, refused sign-ins and every change to accounts, newest first. Client addresses are kept only as keyed hashes.</p>
      <form method="get" className="form form--inline filters" aria-label="Filter events">
        <div className="field">
          <label htmlFor="action">Event</label>
          <select id="action" name="action" defaultValue={filter.action ?? ""}>
            <option value="">All events</option>
            {AUDIT_ACTIONS.map((value) => (
              <option key={value} value={value}>
                {AUDIT_ACTION_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="actor">Done by</label>
          <select id="actor" name="actor" defaultValue={filter.actorId ?? ""}>
            <option value="">Anyone</option>
            {users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit" className="button">
            Filter
          </button>
        </div>
      </form>
      <AuditEventList events={events} />
      <p className="pager">
        {filter.before && <Link href={`/admin/audit?${new URLSearchParams(Object.entries({ action: filter.action ?? "", actor: filter.actorId ?? "" }).filter(([, v]) => v))}`}>Newest</Link>}
        {nextCursor && <Link href={`/admin/audit?${older}`}>Older events</Link>}
      </p>
    </div>
  );
}
