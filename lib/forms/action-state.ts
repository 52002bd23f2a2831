import type { z } from "zod";
import { isDatabaseUnavailableError } from "../db/unavailable";
import { ConflictError, DATABASE_UNAVAILABLE_MESSAGE, ForbiddenError, NotFoundError, RateLimitedError, ValidationError, type FieldErrors } from "../errors";

/**
 * What a form's server action hands back to useActionState: field errors
 * shown beside their fields, one message for the form, and anything to show
 * exactly once (a generated password).
 */
export interface ActionState {
  status?: "success" | "error";
  message?: string;
  errors?: FieldErrors;
  /** A generated password, shown once and never stored in clear. */
  secret?: string;
  /** Recovery codes just generated, shown once and stored only as hashes. */
  codes?: string[];
  /** What was typed, to refill the form after an error (never passwords). */
  values?: Record<string, string>;
}

export const initialActionState: ActionState = {};

export function invalidInput(error: z.ZodError): ActionState {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    (errors[field] ??= []).push(issue.message);
  }
  return { status: "error", message: "Check the highlighted fields.", errors };
}

/**
 * Turns a data-access refusal into a form message. A database outage is a
 * message too (the form keeps what was typed; try again in a moment).
 * Anything else is a bug and is rethrown (an error page beats a message that
 * hides it). Sign-in problems are not handled here: the caller redirects to /login.
 */
export function refusal(error: unknown): ActionState {
  if (isDatabaseUnavailableError(error)) return { status: "error", message: DATABASE_UNAVAILABLE_MESSAGE };
  if (error instanceof ValidationError) {
    const hasFields = Object.keys(error.fieldErrors).length > 0;
    return { status: "error", message: hasFields ? "Check the highlighted fields." : error.message, errors: error.fieldErrors };
  }
  if (error instanceof ConflictError || error instanceof RateLimitedError) return { status: "error", message: error.message };
  if (error instanceof ForbiddenError) return { status: "error", message: "You don't have permission to do that." };
  if (error instanceof NotFoundError) return { status: "error", message: "That no longer exists. Reload the page." };
  throw error;
}

/** The named fields of a submitted form, to hand back with an error. */
export function keepValues(form: Record<string, string>, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, form[name] ?? ""]));
}

/** Form fields as plain strings (files and repeated names are not used by these forms). */
export function readForm(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  return values;
}
