import type { SaveQueueState } from "./save-queue";

const WHAT = {
  unavailable: "The database is unavailable",
  offline: "The server cannot be reached",
} as const;

/**
 * Says plainly that saving is waiting on an outage, and that nothing is lost:
 * the text is in this browser and the save queue retries by itself. An alert,
 * announced once when it appears (its words do not change while it stays).
 */
export function OutageBanner({ queue, onRetryNow }: { queue: SaveQueueState; onRetryNow: () => void }) {
  if (!queue.pending || (queue.cause !== "unavailable" && queue.cause !== "offline")) return null;
  return (
    <section className="notice notice--warning" role="alert" data-testid="outage-banner">
      <p>
        <strong>{WHAT[queue.cause]}</strong> — your text is kept in this browser and will be saved when it&apos;s back.
      </p>
      <button type="button" className="button" onClick={onRetryNow}>
        Try again now
      </button>
    </section>
  );
}
