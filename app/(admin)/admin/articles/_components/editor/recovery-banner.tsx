import { formatWhen } from "@/lib/format-clock";

/** Unsaved typing found on opening: the server's autosave or this browser's copy. */
export interface RecoveryOffer {
  source: "server" | "device";
  savedAt: Date;
  baseVersion: number;
  fields: import("@/lib/validations/article").ArticleFormFields;
}

/**
 * Offered before anything else happens; the editor stays read-only until
 * the user picks, so new typing can never overwrite the old unsaved text.
 */
export function RecoveryBanner(props: { offer: RecoveryOffer; timeZone: string; isBusy: boolean; onRestore: () => void; onDiscard: () => void }) {
  const { offer, timeZone } = props;
  const when = formatWhen(offer.savedAt, timeZone);
  return (
    <section className="notice notice--warning" aria-labelledby="recovery-title">
      <h2 id="recovery-title">Unsaved changes found</h2>
      <p>
        You have unsaved changes from {when} {offer.source === "server" ? "(kept on the server)" : "(kept in this browser)"} that are not in the saved story.
      </p>
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={props.onRestore} disabled={props.isBusy}>
          Restore unsaved changes from {when}
        </button>
        <button type="button" className="button" onClick={props.onDiscard} disabled={props.isBusy}>
          Discard them
        </button>
      </div>
    </section>
  );
}
