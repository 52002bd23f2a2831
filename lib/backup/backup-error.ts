/**
 * Exit codes of `db:backup` and `db:restore`, from BSD's sysexits.h so that
 * cron wrappers and monitoring can tell "fix your command" from "try again
 * once the server is stopped" from "something broke".
 */
export const EXIT = {
  ok: 0,
  /** An unexpected failure (a bug, or a database error we did not foresee). */
  failure: 1,
  /** Bad arguments. */
  usage: 64,
  /** The file is not a Newsdesk backup of the right kind. */
  wrongKind: 65,
  /** The backup file to restore is missing or unreadable. */
  noInput: 66,
  /** The database or the tools it needs (pg_dump, pg_restore) are not there. */
  unavailable: 69,
  /** The backup file cannot be written. */
  cannotCreate: 73,
  /** The database is in use (a server runs on it): stop it and try again. */
  busy: 75,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * A failure the operator can fix: printed as its message alone, never with a
 * stack trace, and the process exits with `exitCode`.
 */
export class BackupError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = "BackupError";
  }
}
