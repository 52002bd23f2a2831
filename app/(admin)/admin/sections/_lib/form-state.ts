import { isDatabaseUnavailableError } from "@/lib/db/unavailable";
import { ConflictError, DATABASE_UNAVAILABLE_MESSAGE, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError, type FieldErrors } from "@/lib/errors";

/** What a section form action hands back to its form: errors beside fields, a message on top, the values typed. */
export interface SectionFormState {
  errors?: FieldErrors;
  message?: string;
  /** "error" shows the message as an alert; "status" as a polite announcement. */
  tone?: "error" | "status";
  values?: Record<string, string>;
}

/** The text fields of a form submission; files and Next's own $ACTION fields are dropped. */
export function readTextFields(formData: FormData, names: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of names) {
    const value = formData.get(name);
    if (typeof value === "string") values[name] = value;
  }
  return values;
}

/** Turns what the data layer throws into a message for the form; anything unexpected stays a server error. */
export function describeFailure(error: unknown, values?: Record<string, string>): SectionFormState {
  if (error instanceof ValidationError) return { errors: error.fieldErrors, message: error.message, tone: "error", values };
  if (error instanceof ConflictError) return { message: error.message, tone: "error", values };
  if (error instanceof NotFoundError) return { message: "This section no longer exists. It may have just been deleted.", tone: "error", values };
  if (error instanceof ForbiddenError) return { message: "Only admins can manage sections.", tone: "error" };
  if (error instanceof UnauthenticatedError) return { message: "Your session has ended. Sign in again to continue.", tone: "error" };
  if (isDatabaseUnavailableError(error)) return { message: DATABASE_UNAVAILABLE_MESSAGE, tone: "error", values };
  throw error;
}
