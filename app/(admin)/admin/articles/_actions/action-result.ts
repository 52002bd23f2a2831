import "server-only";
import { SlugTakenError } from "@/lib/data/articles/article-content";
import type { ArticleServerState } from "@/lib/data/articles/article-record";
import { isDatabaseUnavailableError } from "@/lib/db/unavailable";
import { ConflictError, DATABASE_UNAVAILABLE_MESSAGE, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from "@/lib/errors";
import type { ActionFailure, ActionResult } from "./action-types";

/**
 * Runs a DAL call for a server action and translates what it throws into a
 * result the editor can show. Never throws: an unexpected error becomes a
 * message (and a server log line), not a 500, and the client keeps its text.
 */
export async function runAction<T>(work: () => Promise<T>, message?: (data: T) => string): Promise<ActionResult<T>> {
  try {
    const data = await work();
    return { ok: true, data, message: message?.(data) };
  } catch (error) {
    return toFailure(error);
  }
}

export function toFailure(error: unknown): ActionFailure {
  // Checked first: an outage can surface from any layer, the session lookup included.
  // The editor keeps the text and its save queue retries (docs/editor-outage.md).
  if (isDatabaseUnavailableError(error)) return { ok: false, reason: "unavailable", message: DATABASE_UNAVAILABLE_MESSAGE };
  if (error instanceof SlugTakenError) {
    return { ok: false, reason: "invalid", message: "That slug is taken.", errors: error.fieldErrors as Record<string, string[]>, slugSuggestion: error.suggestion };
  }
  if (error instanceof ValidationError) {
    return { ok: false, reason: "invalid", message: error.message, errors: error.fieldErrors as Record<string, string[]> };
  }
  if (error instanceof ConflictError) {
    return { ok: false, reason: "conflict", message: error.message, conflict: error.current as ArticleServerState | undefined };
  }
  if (error instanceof ForbiddenError) return { ok: false, reason: "forbidden", message: error.message };
  if (error instanceof NotFoundError) return { ok: false, reason: "not-found", message: error.message };
  if (error instanceof UnauthenticatedError) {
    return { ok: false, reason: "unauthenticated", message: "Your session has ended. Sign in again in another tab; your text is kept here." };
  }
  console.error("[newsdesk] editor action failed", error);
  return { ok: false, reason: "error", message: "Something went wrong on the server. Your text is kept on this device; try again in a moment." };
}

/** A zod failure in the shape the forms show. */
export function invalidInput(errors: Record<string, string[]>): ActionFailure {
  return { ok: false, reason: "invalid", message: "Some fields need attention.", errors };
}
