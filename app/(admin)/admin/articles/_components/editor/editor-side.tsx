"use client";

import type { Editor } from "@tiptap/react";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";
import type { EditorInitial } from "./editor-initial";
import { type EditorReport, TypoReportPanel } from "./typo-report-panel";
import type { useEditorText } from "./use-editor-text";
import { type TransitionRequestInput, WorkflowPanel } from "./workflow-panel";

/** A reader's typo report the story was opened with (?report=<id>), and whether this user may decide it. */
export interface OpenedTypoReport {
  report: EditorReport;
  canDecide: boolean;
}

interface Props {
  articleId: string;
  initial: EditorInitial;
  status: ArticleStatus;
  timeZone: string;
  typoReport: OpenedTypoReport | null | undefined;
  text: ReturnType<typeof useEditorText>;
  bodyEditor: Editor | null;
  canType: boolean;
  isBusy: boolean;
  hasLease: boolean;
  errors: Record<string, string[]>;
  save: () => Promise<boolean>;
  onTransition: (request: TransitionRequestInput) => Promise<boolean>;
}

/** The column beside an existing story: the typo report being fixed, the workflow, and who wrote which version. */
export function EditorSide(props: Props) {
  const { initial, timeZone, typoReport, text } = props;
  const { latest } = text;
  return (
    <aside className="editor__side">
      {typoReport && (
        <TypoReportPanel
          report={typoReport.report}
          canDecide={typoReport.canDecide}
          timeZone={timeZone}
          bridge={{
            editor: props.bodyEditor,
            canType: props.canType,
            isBusy: props.isBusy,
            readFields: () => latest.current.fields,
            updateFields: (patch) => text.update(patch),
            saveChanges: () => (latest.current.isDirty ? props.save() : Promise.resolve(true)),
            readVersion: () => latest.current.baseVersion,
          }}
        />
      )}
      <WorkflowPanel
        articleId={props.articleId}
        status={props.status}
        publishedAt={initial.publishedAt ? new Date(initial.publishedAt) : null}
        publicPath={initial.publicPath}
        permissions={initial.permissions}
        timeZone={timeZone}
        // Only the lease holder moves the story along: someone else may be mid-sentence.
        isBusy={props.isBusy || !props.hasLease}
        isDirty={text.isDirty}
        errors={props.errors}
        onTransition={props.onTransition}
      />
      <p className="muted editor__meta">
        By {initial.authorName} · <span data-testid="article-version">version {text.baseVersion}</span>
      </p>
    </aside>
  );
}
