"use client";

import { useRouter } from "next/navigation";
import { toLocalInputValue } from "@/lib/format-clock";
import type { ActionFailure } from "../../_actions/action-types";
import { transitionArticleAction } from "../../_actions/article-actions";
import type { EditorFeedback } from "./use-editor-feedback";
import type { useEditorText } from "./use-editor-text";
import type { TransitionRequestInput } from "./workflow-panel";

/**
 * Runs a workflow step (submit, publish, schedule…) for the workflow panel.
 * Unsaved text is saved first, so a story never goes out without the words
 * on screen; the step then carries the version that save produced.
 */
export function useTransitionRunner(options: {
  articleId: string | null;
  timeZone: string;
  text: ReturnType<typeof useEditorText>;
  feedback: EditorFeedback;
  save: () => Promise<boolean>;
  showFailure: (result: ActionFailure) => void;
}) {
  const { articleId, timeZone, text, feedback, save, showFailure } = options;
  const { latest } = text;
  const router = useRouter();

  return async function runTransition(request: TransitionRequestInput): Promise<boolean> {
    if (!articleId) return false;
    if (latest.current.isDirty && !(await save())) return false;
    feedback.setIsBusy(true);
    feedback.setNotice(null);
    const result = await transitionArticleAction({ ...request, id: articleId, baseVersion: latest.current.baseVersion }).catch(() => null);
    feedback.setIsBusy(false);
    if (!result) {
      feedback.setNotice({ kind: "error", text: "The server cannot be reached. Nothing was changed; try again when you are back online." });
      return false;
    }
    if (!result.ok) {
      showFailure(result);
      return false;
    }
    // The server sets the publication time (publish now, schedule): the form follows it.
    const publishedAt = result.data.publishedAt ? toLocalInputValue(new Date(result.data.publishedAt), timeZone) : "";
    text.adopt({ fields: { ...latest.current.fields, publishedAt }, baseVersion: result.data.version });
    feedback.setErrors({});
    feedback.setNotice({ kind: "success", text: result.message ?? "Done." });
    router.refresh();
    return true;
  };
}
