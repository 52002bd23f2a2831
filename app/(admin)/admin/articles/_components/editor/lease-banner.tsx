import { formatWhen } from "@/lib/format-clock";
import type { ClientLease } from "./use-edit-lease";

/** Who else is editing, or that someone took over from us. */
export function LeaseBanner(props: { lease: ClientLease; timeZone: string; onTakeOver: () => void; onCopyMine: () => void; copied: boolean }) {
  const { lease, timeZone } = props;
  if (lease.state === "held") {
    return (
      <section className="notice notice--warning" aria-labelledby="lease-title" data-testid="lease-banner">
        <h2 id="lease-title">
          {lease.holder} is editing since {formatWhen(lease.since, timeZone)}
        </h2>
        <p>You can read the story. To change it, take over editing: {lease.holder} will be told and keeps their text.</p>
        {lease.canTakeOver && (
          <button type="button" className="button button--primary" onClick={props.onTakeOver}>
            Take over
          </button>
        )}
      </section>
    );
  }
  if (lease.state === "taken-over") {
    return (
      <section className="notice notice--error" aria-labelledby="lease-title" role="alert" data-testid="lease-banner">
        <h2 id="lease-title">
          {lease.holder} took over editing at {formatWhen(lease.at, timeZone)} — your text is kept
        </h2>
        <p>Your unsaved changes are kept in this browser and on the server. Copy them, or take over again and save to compare them with the current version.</p>
        <div className="button-row">
          <button type="button" className="button" onClick={props.onCopyMine}>
            {props.copied ? "Copied" : "Copy my text"}
          </button>
          <button type="button" className="button button--primary" onClick={props.onTakeOver}>
            Take over again
          </button>
        </div>
      </section>
    );
  }
  if (lease.state === "pending") return <p className="muted">Opening the story for editing…</p>;
  return null;
}
