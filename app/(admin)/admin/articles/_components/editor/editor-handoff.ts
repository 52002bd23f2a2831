import type { ArticleFormFields } from "@/lib/validations/article";

/**
 * Carries the live editor state across the one remount the editor goes
 * through: /admin/articles/new becomes /admin/articles/<id> once the first
 * autosave has created the draft. Module state, so it survives the route
 * change but not a reload (a reload goes through recovery instead).
 */
export interface EditorHandoff {
  articleId: string;
  baseVersion: number;
  fields: ArticleFormFields;
  tagsText: string;
  isSlugAuto: boolean;
  isDirty: boolean;
  /** When the text last reached the server (ms), for the save-state line. */
  savedAt: number | null;
  /** Where the cursor was: an input's id and selection, or a range in the body. */
  focus: { kind: "input"; id: string; start: number | null; end: number | null } | { kind: "body"; from: number; to: number } | null;
  createdAt: number;
}

let pending: EditorHandoff | null = null;

export function setEditorHandoff(handoff: EditorHandoff): void {
  pending = handoff;
}

/** Updates the pending handoff with the latest state (called as the old editor unmounts). */
export function updateEditorHandoff(articleId: string, update: Partial<EditorHandoff>): void {
  if (pending?.articleId === articleId) pending = { ...pending, ...update };
}

/** The handoff for this story, if one is fresh (it is never older than the navigation). */
export function peekEditorHandoff(articleId: string | null): EditorHandoff | null {
  if (!articleId || pending?.articleId !== articleId || Date.now() - pending.createdAt > 60_000) return null;
  return pending;
}

export function clearEditorHandoff(articleId: string): void {
  if (pending?.articleId === articleId) pending = null;
}
