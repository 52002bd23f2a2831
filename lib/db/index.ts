import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { createPrismaClient, describeDbTarget, openAdapter, resolveDbTarget } from "./connect";
import type { NotificationSource } from "./notifications";

// One client per process. Dev hot reload re-evaluates modules, so the client
// lives on globalThis; a second client would reopen (and re-lock) PGlite.
const globalForDb = globalThis as unknown as {
  newsdeskDb?: PrismaClient;
  newsdeskDbNotifications?: NotificationSource;
  newsdeskDbClose?: () => Promise<void>;
};

function getClient(): PrismaClient {
  if (!globalForDb.newsdeskDb) {
    const target = resolveDbTarget();
    const opened = openAdapter(target);
    const client = createPrismaClient(opened);
    globalForDb.newsdeskDb = client;
    globalForDb.newsdeskDbClose = async () => {
      await client.$disconnect();
      await opened.close();
    };
    globalForDb.newsdeskDbNotifications =
      target.kind === "postgres" ? { kind: "postgres", url: target.url } : opened.pglite && { kind: "pglite", pglite: opened.pglite };
    if (process.env.NODE_ENV !== "test") console.info(`[newsdesk] database: ${describeDbTarget(target)}`);
  }
  return globalForDb.newsdeskDb;
}

/**
 * The process-wide Prisma client, opened on first use so that importing a
 * module (as `next build` does) never opens the database.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getClient();
    const value = Reflect.get(client, property, client) as unknown;
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});

/** Where LISTEN/NOTIFY messages of the process database come from (opens the database). */
export function getDbNotificationSource(): NotificationSource | undefined {
  getClient();
  return globalForDb.newsdeskDbNotifications;
}

/**
 * Graceful shutdown: disconnects the pool and closes the embedded database,
 * releasing its lock. Later calls to `db` would open it again.
 */
export async function closeProcessDatabase(): Promise<void> {
  const close = globalForDb.newsdeskDbClose;
  globalForDb.newsdeskDb = undefined;
  globalForDb.newsdeskDbNotifications = undefined;
  globalForDb.newsdeskDbClose = undefined;
  await close?.();
}

/** For tests: install a client (e.g. on a throwaway database) as the process client. */
export function setDbForTesting(client: PrismaClient | undefined, notifications?: NotificationSource): void {
  globalForDb.newsdeskDb = client;
  globalForDb.newsdeskDbNotifications = notifications;
}
