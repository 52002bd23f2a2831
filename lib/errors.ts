/**
 * What a person is told when the database cannot be reached (see
 * lib/db/unavailable.ts): every server action answers with it instead of a 500.
 */
export const DATABASE_UNAVAILABLE_MESSAGE = "The database is unavailable — try again in a moment.";

/**
 * Typed errors thrown by the data-access layer and translated at the edge:
 * NotFoundError → notFound()/404, ForbiddenError → 403 (or 404 where a
 * forbidden read must look like a missing one), ConflictError → 409 with the
 * current state, ValidationError → 400/422 with field errors.
 */
export class NotFoundError extends Error {
  constructor(message = "Not found") {
    super(message);
    this.name = "NotFoundError";
  }
}

export class ForbiddenError extends Error {
  constructor(message = "You are not allowed to do that") {
    super(message);
    this.name = "ForbiddenError";
  }
}

export class UnauthenticatedError extends Error {
  constructor(message = "Please sign in") {
    super(message);
    this.name = "UnauthenticatedError";
  }
}

export class ConflictError<T = unknown> extends Error {
  constructor(
    message: string,
    /** What the caller needs to resolve the conflict (e.g. the current record). */
    readonly current?: T,
  ) {
    super(message);
    this.name = "ConflictError";
  }
}

/** Field errors keyed like a zod flatten(): `{ title: ["Title is required"] }`. */
export type FieldErrors = Record<string, string[] | undefined>;

export class ValidationError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message);
    this.name = "ValidationError";
  }
}

export class RateLimitedError extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = "RateLimitedError";
  }
}
