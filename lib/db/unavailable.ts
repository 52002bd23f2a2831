/**
 * Whether an error means "the database cannot be used right now" — not
 * reachable, restarting, shutting down, out of connections, or not yet
 * created and migrated — as opposed to a bug or bad input. Such errors get
 * a 503 and a retry, never a 500 (docs/operations.md, "Outages").
 *
 * Prisma wraps driver errors (its P1xxx codes, and a driverAdapterError in
 * `meta`); pg and Node raise their own (SQLSTATE classes 08 and 57P, socket
 * codes). The whole cause chain is inspected, since each layer wraps the
 * one below.
 */
const PRISMA_CODES = new Set([
  "P1001", // can't reach database server
  "P1002", // server reached but timed out
  "P1003", // database does not exist
  "P1008", // operations timed out
  "P1010", // access denied (e.g. during a restore)
  "P1011", // TLS error opening a connection
  "P1017", // server closed the connection
  "P2021", // table does not exist: not migrated yet
  "P2022", // column does not exist: migration pending
  "P2024", // timed out fetching a connection from the pool
]);

const ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "DatabaseDoesNotExist",
  "DatabaseAccessDenied",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TlsConnectionError",
  "TableDoesNotExist",
  "ColumnNotFound",
]);

// 08xxx connection exceptions, 57P01–57P05 shutdown/crash/cannot connect now,
// 53300 too many connections, 3D000 no such database, 42P01 no such table.
const SQLSTATE = /^(08[0-9A-Z]{3}|57P0[1-5]|53300|3D000|42P01)$/;

const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);

const NODE_MESSAGES = /Connection terminated|connection timeout|Client has encountered a connection error|Can't reach database server/i;

function readRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : undefined;
}

function isUnavailableCause(cause: Record<string, unknown>): boolean {
  const kind = cause.kind;
  if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
  for (const key of ["originalCode", "code"] as const) {
    const code = cause[key];
    if (typeof code === "string" && (SQLSTATE.test(code) || SOCKET_CODES.has(code) || PRISMA_CODES.has(code))) return true;
  }
  return false;
}

export function isDatabaseUnavailableError(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current !== undefined && current !== null && !seen.has(current)) {
    seen.add(current);
    const record = readRecord(current);
    if (!record) return false;
    if (isUnavailableCause(record)) return true;
    const adapterCause = readRecord(readRecord(readRecord(record.meta)?.driverAdapterError)?.cause);
    if (adapterCause && isUnavailableCause(adapterCause)) return true;
    if (typeof record.message === "string" && NODE_MESSAGES.test(record.message)) return true;
    // AggregateError (e.g. a connect that tried both IPv4 and IPv6).
    if (Array.isArray(record.errors) && record.errors.some((inner) => isDatabaseUnavailableError(inner))) return true;
    current = record.cause;
  }
  return false;
}
