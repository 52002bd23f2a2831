"use client";

import type { Editor } from "@tiptap/react";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { ReportedPassage } from "@/components/admin/reported-passage";
import { formatDateTime } from "@/lib/format-clock";
import type { TypoReportView } from "@/lib/data/typo-reports/report-queue";
import type { TypoReportStatus } from "@/lib/generated/prisma/enums";
import type { TypoReportDecision } from "@/lib/validations/typo-report";
import { decideTypoReportFromEditorAction } from "../../_actions/typo-report-actions";
import { locateReport, type ReportLocation } from "./locate-report";
import { getReportHighlight, setReportHighlight } from "./report-highlight";

/**
 * A reader's report as the editor page hands it to the panel: the queue's
 * view of it, as plain data (the instant as an ISO string).
 */
export type EditorReport = Pick<
  TypoReportView,
  | "id"
  | "status"
  | "selectedText"
  | "contextBefore"
  | "contextAfter"
  | "paragraphIndex"
  | "charOffset"
  | "suggestion"
  | "comment"
  | "language"
  | "reportCount"
  | "reportedVersion"
  | "fixVersion"
  | "decidedBy"
> & { createdAt: string };

/** What the panel needs from the editor around it. */
export interface ReportEditorBridge {
  editor: Editor | null;
  canType: boolean;
  isBusy: boolean;
  readFields: () => { title: string; lead: string };
  updateFields: (patch: { title?: string; lead?: string }) => void;
  /** Saves unsaved changes (if any); false when the save failed (the editor shows why). */
  saveChanges: () => Promise<boolean>;
  /** The story version the editor holds now. */
  readVersion: () => number;
}

const FIELD_ID = { title: "article-title", lead: "article-lead" } as const;
const STATUS_TEXT: Record<TypoReportStatus, string> = { NEW: "Open", ACCEPTED: "Accepted", REJECTED: "Rejected", DUPLICATE: "Duplicate" };

function describe(location: ReportLocation | null): string {
  if (!location) return "The reported text is no longer in the story: it may have been fixed already.";
  const where = location.part === "body" ? `paragraph ${location.paragraph} of the body` : location.part === "title" ? "the headline" : "the lead";
  return location.match.isExact ? `Highlighted in ${where}.` : `The text has changed since the report; the closest match is highlighted, in ${where}.`;
}

/**
 * The reader's report beside the story (/admin/articles/<id>?report=<id>):
 * finds the passage in the current text and highlights it, offers the
 * reader's correction, and lets an editor save and accept in one step,
 * which links the report to the version that fixed it.
 */
export function TypoReportPanel({ report, canDecide, timeZone, bridge }: { report: EditorReport; canDecide: boolean; timeZone: string; bridge: ReportEditorBridge }) {
  const { editor } = bridge;
  const [location, setLocation] = useState<ReportLocation | null | undefined>(undefined);
  const [status, setStatus] = useState(report.status);
  const [notice, setNotice] = useState<{ kind: "success" | "error"; text: string } | null>(null);
  const [isWorking, setIsWorking] = useState(false);
  const [openedAtVersion] = useState(() => bridge.readVersion());
  const bridgeRef = useRef(bridge);
  useEffect(() => {
    bridgeRef.current = bridge;
  });

  const show = useCallback(
    (focus: boolean) => {
      const current = bridgeRef.current;
      const found = locateReport(report, current.readFields(), current.editor);
      setLocation(found);
      if (current.editor && found?.part !== "body") setReportHighlight(current.editor, null);
      if (!found) return;
      if (found.part === "body" && current.editor) {
        const { editor: tiptap } = current;
        setReportHighlight(tiptap, found.range);
        tiptap.commands.setTextSelection(found.range);
        if (focus) tiptap.commands.focus();
        const { node } = tiptap.view.domAtPos(found.range.from);
        (node instanceof Element ? node : node.parentElement)?.scrollIntoView({ block: "center" });
        return;
      }
      const field = document.getElementById(FIELD_ID[found.part as "title" | "lead"]) as HTMLInputElement | HTMLTextAreaElement | null;
      if (!field) return;
      field.scrollIntoView({ block: "center" });
      field.focus();
      field.setSelectionRange(found.match.start, found.match.end);
    },
    [report],
  );

  // Once the body editor exists, find and highlight the passage.
  useEffect(() => {
    if (editor && location === undefined && status === "NEW") show(false);
  }, [editor, location, status, show]);

  function applySuggestion() {
    const suggestion = report.suggestion ?? "";
    if (!suggestion || !location) return;
    if (location.part === "body" && editor) {
      const range = getReportHighlight(editor) ?? location.range;
      editor.view.dispatch(editor.state.tr.insertText(suggestion, range.from, range.to));
      const replaced = { from: range.from, to: range.from + suggestion.length };
      setReportHighlight(editor, replaced);
      setLocation({ ...location, range: replaced });
    } else if (location.part !== "body") {
      const value = bridge.readFields()[location.part];
      const { start, end } = location.match;
      bridge.updateFields({ [location.part]: `${value.slice(0, start)}${suggestion}${value.slice(end)}` });
      setLocation({ ...location, match: { ...location.match, end: start + suggestion.length } });
    }
    setNotice({ kind: "success", text: "Correction applied. Save and accept to link the fix to this report." });
  }

  async function decide(decision: TypoReportDecision): Promise<void> {
    const result = await decideTypoReportFromEditorAction(decision).catch(() => null);
    if (!result) return setNotice({ kind: "error", text: "The server cannot be reached. Nothing was decided; try again." });
    if (!result.ok) return setNotice({ kind: "error", text: result.message });
    setStatus(result.data.status);
    if (editor) setReportHighlight(editor, null);
    setNotice({ kind: "success", text: result.message ?? "Done." });
  }

  async function run(work: () => Promise<void>) {
    setIsWorking(true);
    setNotice(null);
    try {
      await work();
    } finally {
      setIsWorking(false);
    }
  }

  const saveAndAccept = () =>
    run(async () => {
      if (!(await bridge.saveChanges())) return setNotice({ kind: "error", text: "Not accepted: the story could not be saved (see the message above)." });
      const version = bridge.readVersion();
      if (version <= openedAtVersion) {
        return setNotice({ kind: "error", text: "Nothing has been saved since you opened this report. Fix the text first, or accept it as already fixed." });
      }
      await decide({ decision: "accept-fix", id: report.id, fixVersion: version });
    });

  const isOpen = status === "NEW";
  const isDisabled = isWorking || bridge.isBusy;
  return (
    <section className="report-panel" aria-labelledby="report-panel-title" data-testid="report-panel">
      <h2 id="report-panel-title">Reader’s typo report</h2>
      <p className="muted">
        <span className="badge">{STATUS_TEXT[status]}</span> Reported {formatDateTime(new Date(report.createdAt), timeZone)}
        {report.reportedVersion !== null && <> on version {report.reportedVersion}</>}
        {report.reportCount > 1 && <> · by {report.reportCount} readers</>}
      </p>
      <ReportedPassage report={report} />
      {report.comment && <p className="report-panel__comment">“{report.comment}”</p>}
      {isOpen && location !== undefined && (
        <p className="report-panel__location" data-testid="report-location">
          {describe(location)}
        </p>
      )}
      {notice && (
        <p className={notice.kind === "success" ? "form__success" : "form__error"} role={notice.kind === "success" ? "status" : "alert"}>
          {notice.text}
        </p>
      )}
      {isOpen && (
        <div className="report-panel__actions">
          <button type="button" className="button" onClick={() => show(true)} disabled={!editor}>
            Show in the text
          </button>
          {report.suggestion && canDecide && (
            <button type="button" className="button" onClick={applySuggestion} disabled={!location || !bridge.canType || isDisabled}>
              Apply the correction
            </button>
          )}
          {canDecide ? (
            <>
              <button type="button" className="button button--primary" onClick={() => void saveAndAccept()} disabled={!bridge.canType || isDisabled}>
                Save and accept
              </button>
              <button type="button" className="button" onClick={() => void run(() => decide({ decision: "accept-as-is", id: report.id }))} disabled={isDisabled}>
                Accept — already fixed
              </button>
              <button type="button" className="button button--ghost" onClick={() => void run(() => decide({ decision: "reject", id: report.id }))} disabled={isDisabled}>
                Reject
              </button>
            </>
          ) : (
            <p className="field__hint">Editors decide reports; you can fix the text while the story is your draft.</p>
          )}
        </div>
      )}
      <p>
        <Link href="/admin/reports">Back to typo reports</Link>
      </p>
    </section>
  );
}
