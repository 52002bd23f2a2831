"use client";

import { useRouter } from "next/navigation";
import type { RefObject } from "react";
import { fieldsFingerprint } from "@/lib/content/form-fields";
import type { SaveArticleResult } from "@/lib/data/articles/save-article";
import { articleSaveSchema, type ArticleFormFields, toFieldErrors } from "@/lib/validations/article";
import type { ActionFailure } from "../../_actions/action-types";
import { createArticleAction, saveArticleAction } from "../../_actions/article-actions";
import { setEditorHandoff, updateEditorHandoff } from "./editor-handoff";
import { clearLocalDraft, localDraftKey } from "./local-draft";
import type { SaveQueue } from "./save-queue";
import type { useAutosave } from "./use-autosave";
import type { useConflict } from "./use-conflict";
import type { EditorFeedback } from "./use-editor-feedback";
import type { useEditorText } from "./use-editor-text";
import { captureFocus } from "./use-handoff-effects";
import type { useLocalCopy } from "./use-local-copy";

/**
 * The explicit save (button, Ctrl+S, before a transition), which creates the
 * story when it has no id yet, and the hand-over from /new to the story's own
 * page once it exists. A save is based on the version the text started from;
 * whatever the user typed while it ran stays unsaved, never overwritten.
 * A save that meets an outage waits in the save queue, which runs it again
 * (with the text as it is by then) when the database is back.
 */
export function useArticleSave(options: {
  articleId: string | null;
  userId: string;
  localKey: string;
  text: ReturnType<typeof useEditorText>;
  handedOverTo: RefObject<string | null>;
  feedback: EditorFeedback;
  resolution: ReturnType<typeof useConflict>;
  autosave: ReturnType<typeof useAutosave>;
  localCopy: ReturnType<typeof useLocalCopy>;
  queue: SaveQueue;
}) {
  const { articleId, userId, localKey, text, handedOverTo, feedback, resolution, autosave, localCopy, queue } = options;
  const { latest } = text;
  const router = useRouter();

  /** The story now exists: move to its page, carrying the live text (and anything typed since the request). */
  function handOver(created: SaveArticleResult, sentFields: ArticleFormFields): void {
    const snapshot = latest.current;
    const current = { ...snapshot.fields, slug: created.slug };
    const isStillDirty = fieldsFingerprint(current) !== fieldsFingerprint({ ...sentFields, slug: created.slug });
    handedOverTo.current = created.id;
    text.adopt({ fields: current, baseVersion: created.version, isDirty: isStillDirty });
    setEditorHandoff({ articleId: created.id, ...latest.current, savedAt: new Date(created.savedAt).getTime(), focus: captureFocus(), createdAt: Date.now() });
    clearLocalDraft(localDraftKey(userId, null));
    localCopy.flush();
    router.replace(`/admin/articles/${created.id}`);
  }

  function showFailure(result: ActionFailure): void {
    if (result.reason === "invalid") feedback.showInvalidFields(result);
    if (result.reason === "conflict" && result.conflict) resolution.open(result.conflict);
    feedback.setNotice({ kind: "error", text: result.reason === "conflict" ? `Not saved: ${result.message}` : result.message });
  }

  async function save(saveOptions: { baseVersion?: number; isRetry?: boolean } = {}): Promise<boolean> {
    await autosave.settle();
    const snapshot = latest.current;
    const sentFields = snapshot.fields;
    const parsed = articleSaveSchema.safeParse(sentFields);
    if (!parsed.success) {
      queue.report("save", "refused");
      feedback.setErrors(toFieldErrors(parsed.error));
      feedback.setNotice({ kind: "error", text: "Not saved: some fields need attention." });
      return false;
    }
    feedback.setIsBusy(true);
    feedback.setNotice(null);
    // A draft autosave created a moment ago (this editor is handing over to its page) is saved, not created again.
    const id = articleId ?? handedOverTo.current;
    const base = saveOptions.baseVersion ?? snapshot.baseVersion;
    const result = await (id ? saveArticleAction({ id, baseVersion: base, fields: sentFields }) : createArticleAction({ fields: sentFields })).catch(() => null);
    feedback.setIsBusy(false);
    if (!result || (!result.ok && result.reason === "unavailable")) {
      // The outage banner says what happens now; the queue saves again when the server answers.
      const cause = result ? "unavailable" : "offline";
      autosave.setState({ kind: cause });
      localCopy.flush();
      queue.report("save", cause);
      return false;
    }
    if (!result.ok) {
      // A taken slug the user never chose: take the server's free one and try once more.
      if (result.reason === "invalid" && result.slugSuggestion && snapshot.isSlugAuto && !saveOptions.isRetry) {
        text.update({ slug: result.slugSuggestion }, { isSlugAuto: false });
        return save({ ...saveOptions, isRetry: true });
      }
      // Shown, not retried: a conflict goes to the conflict view, a server error waits for the user.
      queue.report("save", "refused");
      showFailure(result);
      return false;
    }
    const saved = result.data;
    queue.report("save", "saved");
    feedback.setErrors({});
    feedback.setSlugSuggestion(undefined);
    resolution.close();
    feedback.setStaleVersion(null);
    const isStillDirty = fieldsFingerprint(latest.current.fields) !== fieldsFingerprint(sentFields);
    if (!id) {
      handOver(saved, sentFields);
      return true;
    }
    // Saved an autosave-created draft while still on /new: the story's page picks these up from the hand-over.
    if (!articleId) {
      text.adopt({ baseVersion: saved.version, isDirty: isStillDirty });
      updateEditorHandoff(id, { baseVersion: saved.version, isDirty: isStillDirty });
      return true;
    }
    text.adopt({ fields: { ...latest.current.fields, slug: saved.slug }, baseVersion: saved.version, isDirty: isStillDirty });
    if (isStillDirty) {
      autosave.notifyChange();
    } else {
      clearLocalDraft(localKey);
      autosave.markAllSaved(new Date(saved.savedAt));
    }
    feedback.setNotice({ kind: "success", text: result.message ?? "Saved." });
    return true;
  }

  return { save, handOver, showFailure };
}
