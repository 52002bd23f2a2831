"use client";

import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { TYPO_REPORT_LIMITS } from "@/lib/content/typo-report-rules";
import { findTypedTarget, type ReportTarget } from "./read-selection";
import { type ReportStory, sendReport } from "./send-report";

interface Props {
  story: ReportStory;
  /** The selected mistake; null: the reader types it instead. */
  target: ReportTarget | null;
  /** The story's <article>, where a typed phrase is looked up. */
  article: Element;
  onSent: (message: string) => void;
  onClose: () => void;
}

type FieldErrors = Record<string, string[] | undefined>;

/**
 * The report form in a native modal <dialog>: the browser moves focus to
 * its first field and keeps it inside, Escape closes it, and focus returns
 * where it was. Shows the selection
 * in its sentence (or asks for the wrong phrase), takes an optional
 * correction and comment, and sends them. Ctrl/⌘+Enter sends too.
 */
export function TypoReportDialog({ story, target, article, onSent, onClose }: Props) {
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [phrase, setPhrase] = useState("");
  const [suggestion, setSuggestion] = useState("");
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [isSending, setIsSending] = useState(false);
  const isTooLong = Boolean(target && target.selectedText.length > TYPO_REPORT_LIMITS.selectedText);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (isSending) return;
    setError(null);
    setFieldErrors({});
    let spot = target;
    if (!spot) {
      if (!phrase.trim()) return showFieldError("phrase", "Type the wrong word or phrase as it appears in the story.");
      spot = findTypedTarget(article, phrase);
      if (!spot) return showFieldError("phrase", `“${phrase.trim()}” is not in this story. Type it exactly as it appears, or select it in the text.`);
    }
    if (spot.selectedText.length > TYPO_REPORT_LIMITS.selectedText) {
      setError(`Select just the mistake: at most ${TYPO_REPORT_LIMITS.selectedText} characters.`);
      return;
    }
    setIsSending(true);
    const website = (dialogRef.current?.querySelector<HTMLInputElement>("input[name='website']")?.value ?? "").trim();
    const result = await sendReport(story, spot, { suggestion, comment, website });
    setIsSending(false);
    if (result.ok) {
      onSent(result.message);
      dialogRef.current?.close();
      return;
    }
    setError(result.message);
    setFieldErrors(result.errors);
  }

  function showFieldError(field: string, message: string) {
    setFieldErrors({ [field]: [message] });
    dialogRef.current?.querySelector<HTMLInputElement>(`[name='${field}']`)?.focus();
  }

  function onKeyDown(event: KeyboardEvent) {
    if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
      event.preventDefault();
      void submit();
    }
  }

  const fieldId = (name: string) => `${id}-${name}`;
  const described = (name: string) => (fieldErrors[name]?.length ? { "aria-invalid": true, "aria-describedby": `${fieldId(name)}-error` } : {});
  const errorFor = (name: string) =>
    fieldErrors[name]?.length ? (
      <p className="typo-dialog__field-error" id={`${fieldId(name)}-error`}>
        {fieldErrors[name]?.join(" ")}
      </p>
    ) : null;

  return (
    <dialog ref={dialogRef} className="typo-dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-intro`} onClose={onClose} onKeyDown={onKeyDown}>
      <form className="typo-dialog__form" onSubmit={(event) => void submit(event)} noValidate>
        <h2 id={`${id}-title`} className="typo-dialog__title">
          Report a typo
        </h2>
        <p id={`${id}-intro`} className="typo-dialog__intro">
          Tell the editors about a mistake in this story. You don’t need an account.
        </p>
        {target ? (
          <figure className="typo-dialog__passage">
            <figcaption>The mistake you selected</figcaption>
            <blockquote lang={story.language} data-testid="typo-passage">
              {target.sentence.before}
              <mark>{target.sentence.selected}</mark>
              {target.sentence.after}
            </blockquote>
          </figure>
        ) : (
          <div className="typo-dialog__field">
            <label htmlFor={fieldId("phrase")}>Wrong word or phrase</label>
            <input
              id={fieldId("phrase")}
              name="phrase"
              type="text"
              autoComplete="off"
              required
              maxLength={TYPO_REPORT_LIMITS.selectedText}
              value={phrase}
              onChange={(e) => setPhrase(e.target.value)}
              {...described("phrase")}
            />
            <p className="typo-dialog__hint">Copy or type it as it appears. Tip: next time, select it in the text first.</p>
            {errorFor("phrase")}
            {errorFor("selectedText")}
          </div>
        )}
        <div className="typo-dialog__field">
          <label htmlFor={fieldId("suggestion")}>
            Correction <span className="typo-dialog__optional">(optional)</span>
          </label>
          <input
            id={fieldId("suggestion")}
            name="suggestion"
            type="text"
            autoComplete="off"
            maxLength={TYPO_REPORT_LIMITS.suggestion}
            value={suggestion}
            onChange={(e) => setSuggestion(e.target.value)}
            {...described("suggestion")}
          />
          {errorFor("suggestion")}
        </div>
        <div className="typo-dialog__field">
          <label htmlFor={fieldId("comment")}>
            Comment for the editors <span className="typo-dialog__optional">(optional)</span>
          </label>
          <textarea
            id={fieldId("comment")}
            name="comment"
            rows={3}
            maxLength={TYPO_REPORT_LIMITS.comment}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            {...described("comment")}
          />
          {errorFor("comment")}
        </div>
        {/* For bots only: people never see or reach it; the server ignores reports that fill it. */}
        <div className="typo-dialog__trap" aria-hidden="true">
          <label>
            Website <input name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
          </label>
        </div>
        {(error || isTooLong) && (
          <p className="typo-dialog__error" role="alert">
            {error ?? `Your selection is ${target?.selectedText.length.toLocaleString("en-US")} characters long. Select just the mistake: at most ${TYPO_REPORT_LIMITS.selectedText} characters.`}
          </p>
        )}
        <div className="typo-dialog__actions">
          <button type="submit" className="typo-button typo-button--primary" disabled={isSending || isTooLong}>
            {isSending ? "Sending…" : "Send report"}
          </button>
          <button type="button" className="typo-button" onClick={() => dialogRef.current?.close()}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
