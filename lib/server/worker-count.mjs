/**
 * How many server processes `npm start` runs (NEWSDESK_WORKERS).
 *
 * Node renders pages on one core; a second process uses the second. The
 * embedded database (PGlite) lives inside one process, so without
 * DATABASE_URL there is exactly one. On PostgreSQL, "auto" (the default)
 * runs one per core, capped at MAX_AUTO_WORKERS: every worker keeps its own
 * page cache and memo and its own notification connection, so more
 * processes cost memory and database connections, not correctness (every
 * worker hears every change through the database's NOTIFY).
 *
 * @param {Record<string, string | undefined>} env
 * @param {number} cores  os.availableParallelism()
 * @returns {{ count: number } | { error: string }}
 */
export function resolveWorkerCount(env, cores) {
  const raw = (env.NEWSDESK_WORKERS ?? "").trim().toLowerCase();
  const isEmbedded = !env.DATABASE_URL;
  if (raw === "" || raw === "auto") {
    return { count: isEmbedded ? 1 : Math.max(1, Math.min(cores, MAX_AUTO_WORKERS)) };
  }
  const count = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(count) || count < 1 || count > MAX_WORKERS) {
    return { error: `NEWSDESK_WORKERS must be "auto" or a whole number from 1 to ${MAX_WORKERS} (got "${env.NEWSDESK_WORKERS}")` };
  }
  if (count > 1 && isEmbedded) {
    return {
      error:
        `NEWSDESK_WORKERS=${count} needs PostgreSQL: the embedded database (PGlite) can only be opened by one process. ` +
        "Set DATABASE_URL=postgres://… or use NEWSDESK_WORKERS=1.",
    };
  }
  return { count };
}

export const MAX_AUTO_WORKERS = 8;
export const MAX_WORKERS = 64;
