import type { SaveArticleResult } from "@/lib/data/articles/save-article";
import { articleDraftSchema, articleSaveSchema, type ArticleFormFields } from "@/lib/validations/article";
import type { ActionFailure } from "../../_actions/action-types";
import { autosaveArticleAction, createArticleAction } from "../../_actions/article-actions";
import type { AutosaveOutcome } from "./use-autosave";
import type { EditorFeedback } from "./use-editor-feedback";
import type { useEditorText } from "./use-editor-text";

interface AutosaveRunnerOptions {
  articleId: string | null;
  text: ReturnType<typeof useEditorText>;
  /** True once this editor has handed the story over to its own page (which autosaves from then on). */
  isHandedOver: () => boolean;
  feedback: EditorFeedback;
  handOver: (created: SaveArticleResult, sentFields: ArticleFormFields) => void;
}

/**
 * One server autosave attempt, for `useAutosave` to time. A new story stays
 * in the browser until it can be created as a draft (headline and section);
 * the first attempt that can creates it and hands over to its page.
 * Autosaves make no versions, so a newer version on the server is only
 * announced here; the explicit save compares the two.
 */
export async function runArticleAutosave(options: AutosaveRunnerOptions): Promise<AutosaveOutcome> {
  const { articleId, text, isHandedOver, feedback, handOver } = options;
  const snapshot = text.latest.current;
  if (isHandedOver()) return { kind: "stopped" };
  const draft = articleDraftSchema.safeParse(snapshot.fields);
  if (!draft.success) return { kind: "failed", reason: `${draft.error.issues[0]?.message ?? "check the highlighted fields"}.`, retry: false };
  if (!articleId) {
    if (!articleSaveSchema.safeParse(snapshot.fields).success) return { kind: "local-only", reason: "add a headline and choose a section to save a draft" };
    const result = await createArticleAction({ fields: snapshot.fields });
    if (!result.ok) return handleAutosaveFailure(result, options);
    handOver(result.data, snapshot.fields);
    return { kind: "stopped" };
  }
  const result = await autosaveArticleAction({ id: articleId, baseVersion: snapshot.baseVersion, fields: snapshot.fields });
  if (!result.ok) return handleAutosaveFailure(result, options);
  if (result.data.isStale) feedback.setStaleVersion(result.data.currentVersion);
  return { kind: "saved", at: new Date(result.data.savedAt) };
}

/**
 * A taken slug the user never chose is swapped for the server's free one; a
 * database outage waits in the save queue; other refusals show and only
 * server errors retry.
 */
function handleAutosaveFailure(result: ActionFailure, { text, feedback }: AutosaveRunnerOptions): AutosaveOutcome {
  if (result.reason === "invalid" && result.slugSuggestion && text.latest.current.isSlugAuto) {
    text.update({ slug: result.slugSuggestion }, { isSlugAuto: false });
    return { kind: "superseded" };
  }
  if (result.reason === "unavailable") return { kind: "unavailable" };
  if (result.reason === "invalid") feedback.showInvalidFields(result);
  return { kind: "failed", reason: result.message, retry: result.reason === "error" };
}
