"use client";

import Link from "next/link";
import { useState } from "react";
import { STATUS_LABELS, TRANSITION_SOURCES } from "@/lib/content/workflow";
import type { EditorPermissions } from "@/lib/data/articles/editor-article";
import { formatDateTime, toLocalInputValue } from "@/lib/format-clock";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";
import type { ArticleTransition } from "@/lib/validations/article";
import { Field } from "./field";

export type TransitionRequestInput =
  | { transition: "submit" | "publish" | "unpublish" }
  | { transition: "schedule"; publishAt: string }
  | { transition: "return-to-draft"; note: string };

interface Props {
  articleId: string;
  status: ArticleStatus;
  publishedAt: Date | null;
  publicPath: string | null;
  permissions: EditorPermissions;
  timeZone: string;
  isBusy: boolean;
  isDirty: boolean;
  errors: Record<string, string[]>;
  onTransition: (request: TransitionRequestInput) => Promise<boolean>;
}

/** Status, and one button per transition the user may make from it. */
export function WorkflowPanel(props: Props) {
  const { status, permissions, timeZone, errors } = props;
  const [isReturning, setIsReturning] = useState(false);
  const [note, setNote] = useState("");
  const [isConfirmingUnpublish, setIsConfirmingUnpublish] = useState(false);
  const [publishAt, setPublishAt] = useState(() => defaultScheduleValue(props.publishedAt, timeZone));
  const can = (transition: ArticleTransition, permitted: boolean) => permitted && TRANSITION_SOURCES[transition].includes(status);

  return (
    <section className="workflow" aria-labelledby="workflow-title">
      <h2 id="workflow-title">Workflow</h2>
      <p className="workflow__status">
        <span className={`badge badge--${status.toLowerCase()}`} data-testid="article-status">
          {STATUS_LABELS[status]}
        </span>{" "}
        {describeTime(status, props.publishedAt, timeZone)}
      </p>
      {props.publicPath && (
        <p>
          <a href={props.publicPath} target="_blank" rel="noreferrer">
            View on the site
          </a>
        </p>
      )}
      {props.isDirty && <p className="field__hint">Unsaved changes are saved first.</p>}
      <div className="workflow__actions">
        {can("submit", permissions.canSubmit) && (
          <button type="button" className="button button--primary" disabled={props.isBusy} onClick={() => void props.onTransition({ transition: "submit" })}>
            Submit for review
          </button>
        )}
        {can("publish", permissions.canPublish) && (
          <button type="button" className="button button--primary" disabled={props.isBusy} onClick={() => void props.onTransition({ transition: "publish" })}>
            Publish now
          </button>
        )}
        {can("schedule", permissions.canSchedule) && (
          <form
            className="workflow__schedule"
            onSubmit={(event) => {
              event.preventDefault();
              void props.onTransition({ transition: "schedule", publishAt });
            }}
            noValidate
          >
            <Field id="schedule-at" label={`Schedule for (${timeZone})`} errors={errors.publishAt}>
              {(aria) => <input {...aria} type="datetime-local" step={1} required value={publishAt} onChange={(e) => setPublishAt(e.target.value)} />}
            </Field>
            <button type="submit" className="button" disabled={props.isBusy}>
              {status === "SCHEDULED" ? "Reschedule" : "Schedule"}
            </button>
          </form>
        )}
        {can("unpublish", permissions.canUnpublish) &&
          (isConfirmingUnpublish ? (
            <div className="workflow__confirm" role="group" aria-label="Confirm unpublishing">
              <p>Readers will no longer see this story; its URL will answer “not found”.</p>
              <button
                type="button"
                className="button button--danger"
                disabled={props.isBusy}
                onClick={async () => {
                  if (await props.onTransition({ transition: "unpublish" })) setIsConfirmingUnpublish(false);
                }}
              >
                Yes, unpublish
              </button>
              <button type="button" className="button button--ghost" onClick={() => setIsConfirmingUnpublish(false)}>
                Cancel
              </button>
            </div>
          ) : (
            <button type="button" className="button button--danger" disabled={props.isBusy} onClick={() => setIsConfirmingUnpublish(true)}>
              Unpublish
            </button>
          ))}
        {can("return-to-draft", permissions.canReturnToDraft) &&
          (isReturning ? (
            <form
              className="workflow__return"
              noValidate
              onSubmit={async (event) => {
                event.preventDefault();
                if (await props.onTransition({ transition: "return-to-draft", note })) {
                  setIsReturning(false);
                  setNote("");
                }
              }}
            >
              <Field id="return-note" label="Note for the author" errors={errors.note} hint="Required: say what needs to change.">
                {(aria) => <textarea {...aria} rows={3} required value={note} onChange={(e) => setNote(e.target.value)} />}
              </Field>
              <div className="button-row">
                <button type="submit" className="button" disabled={props.isBusy}>
                  Send back to draft
                </button>
                <button type="button" className="button button--ghost" onClick={() => setIsReturning(false)}>
                  Cancel
                </button>
              </div>
            </form>
          ) : (
            <button type="button" className="button" disabled={props.isBusy} onClick={() => setIsReturning(true)}>
              Send back to draft…
            </button>
          ))}
      </div>
      <p>
        <Link href={`/admin/articles/${props.articleId}/revisions`}>History and versions</Link>
      </p>
    </section>
  );
}

function describeTime(status: ArticleStatus, publishedAt: Date | null, zone: string): string {
  if (!publishedAt) return "";
  if (status === "SCHEDULED") return `for ${formatDateTime(publishedAt, zone)} (${zone})`;
  if (status === "PUBLISHED") return `since ${formatDateTime(publishedAt, zone)}`;
  return "";
}

/** A planned time still ahead, else the next full hour. */
function defaultScheduleValue(publishedAt: Date | null, zone: string): string {
  const now = Date.now();
  if (publishedAt && publishedAt.getTime() > now) return toLocalInputValue(publishedAt, zone);
  return toLocalInputValue(new Date(Math.ceil((now + 60_000) / 3_600_000) * 3_600_000), zone);
}
