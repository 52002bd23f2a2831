import { formatClock } from "@/lib/format-clock";
import type { SaveState } from "./use-autosave";

/** The save state, always visible and announced politely to screen readers. */
export function SaveStatus({ state, timeZone }: { state: SaveState; timeZone: string }) {
  return (
    <p className={`save-status save-status--${state.kind}`} role="status" aria-live="polite" data-testid="save-status">
      {describe(state, timeZone)}
    </p>
  );
}

function describe(state: SaveState, timeZone: string): string {
  switch (state.kind) {
    case "clean":
      return "No unsaved changes";
    case "unsaved":
      return "Unsaved changes";
    case "saving":
      return "Saving…";
    case "saved":
      return `Saved ${formatClock(state.at, timeZone)}`;
    case "offline":
      return "Offline — changes kept locally";
    case "unavailable":
      return "Database unavailable — changes kept locally";
    case "local-only":
      return `Kept on this device — ${state.reason}`;
    case "failed":
      return `Not saved — ${state.reason} Changes kept locally.`;
  }
}
