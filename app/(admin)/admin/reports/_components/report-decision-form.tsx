"use client";

import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { FormMessage } from "@/components/admin/form-parts";
import { initialActionState } from "@/lib/forms/action-state";
import { decideTypoReportAction } from "../actions";

interface Props {
  reportId: string;
  isOpen: boolean;
  /** Other reports on the same story, for "Duplicate of". */
  candidates: { id: string; label: string }[];
  returnTo: string;
}

/**
 * The decision buttons on one report. Accepting here records no fix: the
 * button says so ("already fixed"); a fix made in the editor is linked from
 * the editor's report panel instead. Ids travel in hidden fields (never a
 * bound action: see the users admin).
 */
export function ReportDecisionForm({ reportId, isOpen, candidates, returnTo }: Props) {
  const [state, formAction] = useActionState(decideTypoReportAction, initialActionState);
  const selectId = `duplicate-of-${reportId}`;
  return (
    <form action={formAction} className="report-decision" aria-label="Decide this report">
      <FormMessage state={state} />
      <input type="hidden" name="id" value={reportId} />
      <input type="hidden" name="returnTo" value={returnTo} />
      {isOpen ? (
        <div className="report-decision__buttons">
          <DecisionButton decision="accept-as-is" label="Accept — already fixed" pending="Accepting…" />
          <DecisionButton decision="reject" label="Reject" pending="Rejecting…" />
          {candidates.length > 0 && (
            <span className="report-decision__duplicate">
              <label htmlFor={selectId}>Duplicate of</label>
              <select id={selectId} name="duplicateOfId" defaultValue={candidates[0]?.id}>
                {candidates.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.label}
                  </option>
                ))}
              </select>
              <DecisionButton decision="duplicate" label="Mark duplicate" pending="Marking…" />
            </span>
          )}
        </div>
      ) : (
        <div className="report-decision__buttons">
          <DecisionButton decision="reopen" label="Reopen" pending="Reopening…" />
        </div>
      )}
      {state.errors &&
        Object.values(state.errors)
          .flat()
          .map((message) => (
            <p key={message} className="field__error">
              {message}
            </p>
          ))}
    </form>
  );
}

/** One decision; the form posts the pressed button's value, so only that one says it is working. */
function DecisionButton({ decision, label, pending }: { decision: string; label: string; pending: string }) {
  const status = useFormStatus();
  const isMine = status.pending && status.data?.get("decision") === decision;
  return (
    <button type="submit" className="button button--small" name="decision" value={decision} disabled={status.pending} aria-disabled={status.pending}>
      {isMine ? pending : label}
    </button>
  );
}
