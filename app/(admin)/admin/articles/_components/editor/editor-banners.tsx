import { STATUS_LABELS } from "@/lib/content/workflow";
import { formatWhen } from "@/lib/format-clock";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";
import type { EditorInitial } from "./editor-initial";
import { LeaseBanner } from "./lease-banner";
import { type RecoveryOffer, RecoveryBanner } from "./recovery-banner";
import type { ClientLease } from "./use-edit-lease";

export type EditorNotice = { kind: "success" | "error" | "info"; text: string };

interface Props {
  timeZone: string;
  status: ArticleStatus;
  initial: EditorInitial;
  isEditMode: boolean;
  isBusy: boolean;
  recovery: { offer: RecoveryOffer; onRestore: () => void; onDiscard: () => void } | null;
  lease: ClientLease;
  onTakeOver: () => void;
  onCopyMine: () => void;
  isCopied: boolean;
  /** The version someone saved while this editor was only reading. */
  behindVersion: number | null;
  staleVersion: number | null;
  notice: EditorNotice | null;
}

/** Everything the editor has to tell the user above the form, most urgent first. */
export function EditorBanners(props: Props) {
  const { timeZone, status, initial, recovery, notice } = props;
  return (
    <>
      {recovery && <RecoveryBanner offer={recovery.offer} timeZone={timeZone} isBusy={props.isBusy} onRestore={recovery.onRestore} onDiscard={recovery.onDiscard} />}
      {props.isEditMode && initial.permissions.canEdit && (
        <LeaseBanner lease={props.lease} timeZone={timeZone} onTakeOver={props.onTakeOver} onCopyMine={props.onCopyMine} copied={props.isCopied} />
      )}
      {props.behindVersion !== null && (
        <section className="notice notice--info" aria-labelledby="behind-title">
          <h2 id="behind-title">A newer version ({props.behindVersion}) was saved while you were reading</h2>
          <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
            Load the latest version
          </button>
        </section>
      )}
      {!initial.permissions.canEdit && (
        <p className="notice notice--info">
          This story is {STATUS_LABELS[status].toLowerCase()}: you can read it but not change it{status === "IN_REVIEW" ? " while an editor reviews it" : ""}.
        </p>
      )}
      {initial.returnNote && (
        <section className="notice notice--warning" aria-labelledby="return-note-title">
          <h2 id="return-note-title">
            Sent back to draft{initial.returnNote.by ? ` by ${initial.returnNote.by}` : ""} at {formatWhen(new Date(initial.returnNote.at), timeZone)}
          </h2>
          <p className="notice__quote">{initial.returnNote.note}</p>
        </section>
      )}
      {props.staleVersion !== null && (
        <p className="notice notice--warning">
          Someone saved this story since you opened it (it is now at version {props.staleVersion}). Your changes are kept; when you save, you can compare both and merge.
        </p>
      )}
      {notice && (
        <p className={`notice notice--${notice.kind}`} role={notice.kind === "error" ? "alert" : "status"} data-testid="editor-notice">
          {notice.text}
        </p>
      )}
    </>
  );
}
