import type { ArticleFormFields } from "@/lib/validations/article";

/**
 * The editor's copy of unsaved typing in localStorage: written on every
 * change, so a crash, a dead network or a server outage loses nothing the
 * browser could keep. Keyed by user and story ("new" before the draft exists).
 */
export interface LocalDraft {
  articleId: string | null;
  baseVersion: number;
  fields: ArticleFormFields;
  /** ISO time of the last change. */
  savedAt: string;
}

export type LocalWriteResult = "ok" | "too-large" | "unavailable";

export function localDraftKey(userId: string, articleId: string | null): string {
  return `newsdesk:draft:${userId}:${articleId ?? "new"}`;
}

export function readLocalDraft(key: string): LocalDraft | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const draft = JSON.parse(raw) as LocalDraft;
    return draft && typeof draft === "object" && draft.fields && typeof draft.savedAt === "string" ? draft : null;
  } catch {
    return null;
  }
}

export function writeLocalDraft(key: string, draft: LocalDraft): LocalWriteResult {
  try {
    window.localStorage.setItem(key, JSON.stringify(draft));
    return "ok";
  } catch (error) {
    return error instanceof DOMException && (error.name === "QuotaExceededError" || error.code === 22) ? "too-large" : "unavailable";
  }
}

export function clearLocalDraft(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // Storage disabled: nothing was kept either.
  }
}
