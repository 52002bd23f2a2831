/**
 * Runs once when a Next.js server process starts (lib/server/start-server.mjs
 * makes sure that is before it listens). Opens the embedded database at once
 * (a second server on the same data directory fails with the lock holder's
 * name), starts watching the database's health — without ever failing for
 * an unreachable one: the server waits for it and serves 503s meanwhile —
 * and starts the public page cache (lib/server/runtime.ts).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  // Plain `next start`: refuse malformed requests before Next.js (npm start's own server already does).
  if (process.env.NEWSDESK_PAGE_CACHE_FRONT !== "1") (await import("./lib/server/request-guard.mjs")).guardEveryServer();
  const { startServerRuntime } = await import("./lib/server/runtime");
  await startServerRuntime();
}

/** Every request error: a database outage is a fault to ride out (503), anything else one JSON log line. */
export async function onRequestError(
  error: unknown,
  request: { path: string; method: string; headers: Record<string, string | string[] | undefined> },
  context: { routerKind?: string; routePath?: string; routeType?: string },
): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { reportRequestError } = await import("./lib/server/request-errors");
  reportRequestError(error, request, context);
}
