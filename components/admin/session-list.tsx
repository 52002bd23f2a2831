import { formatDistanceStrict } from "date-fns";
import { endSessionAction } from "@/lib/auth/session-actions";
import type { SessionListItem } from "@/lib/data/sessions";
import { formatNewsroomDateTime } from "@/lib/time";

const FACTOR_LABELS: Record<string, string> = { totp: "authenticator app", recovery_code: "recovery code", passkey: "passkey" };

function ago(date: Date, now: Date): string {
  return `${formatDistanceStrict(date, now, { roundingMethod: "floor" })} ago`;
}

/**
 * Where an account is signed in, each with its own "Sign out". Times are
 * approximate: a session's "last active" moves every few minutes of use.
 */
export function SessionList({ sessions, userId, returnTo }: { sessions: SessionListItem[]; userId: string; returnTo: "account" | "user" }) {
  if (sessions.length === 0) return <p className="muted">No active sessions.</p>;
  const now = new Date();
  return (
    <ul className="session-list" data-testid="session-list">
      {sessions.map((session) => (
        <li key={session.id} className="session-list__item" data-testid="session">
          <div>
            <strong>{session.device}</strong>
            {session.isCurrent && <span className="badge"> This browser</span>}
            <p className="muted">
              Signed in <time dateTime={session.createdAt.toISOString()} title={formatNewsroomDateTime(session.createdAt)}>{ago(session.createdAt, now)}</time>
              {session.secondFactor ? ` with ${FACTOR_LABELS[session.secondFactor] ?? session.secondFactor}` : " with a password"}; last active{" "}
              <time dateTime={session.lastSeenAt.toISOString()}>{session.lastSeenAt > new Date(now.getTime() - 5 * 60_000) ? "in the last few minutes" : ago(session.lastSeenAt, now)}</time>
            </p>
          </div>
          <form action={endSessionAction}>
            <input type="hidden" name="userId" value={userId} />
            <input type="hidden" name="sessionId" value={session.id} />
            <input type="hidden" name="returnTo" value={returnTo} />
            <button type="submit" className="button" aria-label={`Sign out ${session.device}${session.isCurrent ? " (this browser)" : ""}`}>
              Sign out
            </button>
          </form>
        </li>
      ))}
    </ul>
  );
}
