import "server-only";
import { getDatabaseHealth } from "../db/process-health";
import { isDatabaseUnavailableError } from "../db/unavailable";
import { logger } from "../log";

// Request ids whose request failed because the database was unavailable,
// until the response guard has answered them (shared across bundles).
const FLAGGED_KEY = Symbol.for("newsdesk.server.outageRequests");
const holder = globalThis as unknown as Record<typeof FLAGGED_KEY, Set<string> | undefined>;

export function outageRequests(): Set<string> {
  return (holder[FLAGGED_KEY] ??= new Set());
}

interface ErrorRequest {
  path: string;
  method: string;
  headers: Record<string, string | string[] | undefined>;
}

interface ErrorContext {
  routerKind?: string;
  routePath?: string;
  routeType?: string;
}

/**
 * Next.js's onRequestError hook (instrumentation.ts). A database outage is a
 * fault, not a bug: it marks the database down (the page cache then answers
 * stale copies) and flags the request so the guard answers it with a 503;
 * it is logged once as a fault by the health monitor, not per request.
 * Anything else is one JSON error line with the request id.
 */
export function reportRequestError(error: unknown, request: ErrorRequest, context: ErrorContext): void {
  const header = request.headers["x-request-id"];
  const reqId = typeof header === "string" ? header : undefined;
  if (isDatabaseUnavailableError(error)) {
    if (reqId) outageRequests().add(reqId);
    getDatabaseHealth().reportUnavailable(error);
    return;
  }
  logger.error(
    { event: "request-error", reqId, method: request.method, path: request.path, route: context.routePath, routeType: context.routeType, err: error },
    "request failed",
  );
}
