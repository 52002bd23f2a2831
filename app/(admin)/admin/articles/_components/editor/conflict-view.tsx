"use client";

import { useState } from "react";
import { DiffBody, DiffText } from "@/components/admin/diff-view";
import { diffBody, diffText } from "@/lib/content/article-diff";
import { bodyToTextBlocks } from "@/lib/content/body-text";
import { changedFieldNames, FIELD_LABELS } from "@/lib/content/form-fields";
import type { ArticleServerState } from "@/lib/data/articles/article-record";
import { formatWhen } from "@/lib/format-clock";
import type { ArticleFormFields } from "@/lib/validations/article";

interface Props {
  theirs: ArticleServerState;
  mine: ArticleFormFields;
  timeZone: string;
  sectionName: (id: string) => string;
  isBusy: boolean;
  isMerging: boolean;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  onMerge: () => void;
  onShowComparison: () => void;
  onUseTheirs: (field: keyof ArticleFormFields) => void;
}

function display(field: keyof ArticleFormFields, fields: ArticleFormFields, sectionName: (id: string) => string): string {
  if (field === "tags") return fields.tags.join(", ");
  if (field === "sectionId") return sectionName(fields.sectionId);
  if (field === "body") return bodyToTextBlocks(fields.body).join("\n\n");
  return fields[field];
}

/**
 * Someone saved while this user was typing. Both texts side by side with
 * the differences marked; the user keeps theirs, takes the other, or merges
 * by editing. Nothing is discarded without an explicit choice: the user's
 * text stays in the editor (and the local copy) until a save succeeds.
 */
export function ConflictView(props: Props) {
  const { theirs, mine, timeZone, sectionName } = props;
  const [isConfirmingTheirs, setIsConfirmingTheirs] = useState(false);
  const changed = changedFieldNames(theirs.fields, mine);
  const who = theirs.updatedBy ?? "Someone";
  const when = formatWhen(new Date(theirs.updatedAt), timeZone);

  if (props.isMerging) {
    return (
      <section className="notice notice--warning" aria-labelledby="conflict-title" data-testid="conflict-view">
        <h2 id="conflict-title">Merging with version {theirs.version}</h2>
        <p>Edit your text to include what you want to keep from {who}&apos;s version, then save.</p>
        <button type="button" className="button" onClick={props.onShowComparison}>
          Show the comparison again
        </button>
      </section>
    );
  }

  return (
    <section className="conflict" aria-labelledby="conflict-title" data-testid="conflict-view">
      <h2 id="conflict-title">
        {who} saved a newer version ({theirs.version}) at {when}
      </h2>
      <p>
        Your save was stopped so that neither text is overwritten. Your text is still in the editor and kept on this device.
        {changed.length === 0 ? " The two versions have the same text." : ` ${changed.length === 1 ? "One field differs" : `${changed.length} fields differ`}:`}
      </p>
      {changed.map((field) => {
        const theirText = display(field, theirs.fields, sectionName);
        const myText = display(field, mine, sectionName);
        return (
          <div key={field} className="conflict__field">
            <h3>{FIELD_LABELS[field]}</h3>
            <div className="conflict__columns">
              <div className="conflict__column" data-testid={`theirs-${field}`}>
                <h4>Theirs (version {theirs.version})</h4>
                <p className="conflict__text">{theirText || "(empty)"}</p>
                <button type="button" className="button button--ghost" onClick={() => props.onUseTheirs(field)}>
                  Use theirs for {FIELD_LABELS[field].toLowerCase()}
                </button>
              </div>
              <div className="conflict__column" data-testid={`mine-${field}`}>
                <h4>Yours</h4>
                <p className="conflict__text">{myText || "(empty)"}</p>
              </div>
            </div>
            <details className="conflict__diff">
              <summary>What you changed compared with theirs</summary>
              {field === "body" ? <DiffBody blocks={diffBody(theirs.fields.body, mine.body)} /> : <p className="diff__text"><DiffText parts={diffText(theirText, myText)} /></p>}
            </details>
          </div>
        );
      })}
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={props.onKeepMine} disabled={props.isBusy}>
          Keep mine (save over version {theirs.version})
        </button>
        <button type="button" className="button" onClick={props.onMerge} disabled={props.isBusy}>
          Merge by editing
        </button>
        {isConfirmingTheirs ? (
          <>
            <button type="button" className="button button--danger" onClick={props.onTakeTheirs} disabled={props.isBusy}>
              Yes, drop my changes
            </button>
            <button type="button" className="button button--ghost" onClick={() => setIsConfirmingTheirs(false)}>
              Cancel
            </button>
          </>
        ) : (
          <button type="button" className="button" onClick={() => setIsConfirmingTheirs(true)} disabled={props.isBusy}>
            Take theirs
          </button>
        )}
      </div>
    </section>
  );
}
