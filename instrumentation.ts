/**
 * Runs once when a Next.js server process starts. Opening the database here
 * (rather than on the first request) makes a second server on the same
 * embedded data directory fail at once, with the lock holder's name, and
 * warms PGlite so the first reader is not kept waiting. Then the public page
 * cache starts listening for changes (lib/public-cache).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  // Plain `next start`: refuse malformed requests before Next.js (npm start's own server already does).
  if (process.env.NEWSDESK_PAGE_CACHE_FRONT !== "1") (await import("./lib/server/request-guard.mjs")).guardEveryServer();
  const { openDatabaseAtStartup } = await import("./lib/db/startup");
  await openDatabaseAtStartup();
  const { installPublicCache } = await import("./lib/public-cache/install");
  await installPublicCache();
}
