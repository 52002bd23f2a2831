import type { ArticleServerState } from "@/lib/data/articles/article-record";

/**
 * Why an editor action did not go through; the editor reacts to each differently.
 * "unavailable": the database cannot be reached right now — retry later, nothing is wrong with the input.
 */
export type ActionFailureReason = "invalid" | "conflict" | "forbidden" | "not-found" | "unauthenticated" | "unavailable" | "error";

export interface ActionFailure {
  ok: false;
  reason: ActionFailureReason;
  message: string;
  /** Field errors keyed by field name. */
  errors?: Record<string, string[]>;
  /** For "conflict": the story as it now stands on the server. */
  conflict?: ArticleServerState;
  /** For a taken slug: a free one to offer. */
  slugSuggestion?: string;
}

/** What every editor server action returns (never throws). */
export type ActionResult<T> = { ok: true; data: T; message?: string } | ActionFailure;
