import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { getEnv, getPgliteDir } from "../env";
import { PrismaClient } from "../generated/prisma/client";
import { acquireDataDirLock } from "./pglite-lock";
import { serveSnapshots } from "./snapshot-socket";

/** Where a process keeps its data: embedded on disk, embedded in memory, or a server. */
export type DbTarget =
  | { kind: "pglite"; dataDir: string }
  | { kind: "memory" }
  | { kind: "postgres"; url: string };

/** DATABASE_URL wins; otherwise the embedded database under NEWSDESK_DATA_DIR. */
export function resolveDbTarget(): DbTarget {
  const env = getEnv();
  if (env.DATABASE_URL) return { kind: "postgres", url: env.DATABASE_URL };
  return { kind: "pglite", dataDir: getPgliteDir(env) };
}

export function describeDbTarget(target: DbTarget): string {
  if (target.kind === "postgres") return `PostgreSQL at ${redactUrl(target.url)}`;
  if (target.kind === "memory") return "in-memory PGlite";
  return `embedded PGlite at ${target.dataDir}`;
}

function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}

/** A driver adapter factory plus the handle that frees what it opened. */
export interface OpenedAdapter {
  factory: SqlMigrationAwareDriverAdapterFactory;
  pglite?: PGlite;
  close(): Promise<void>;
}

/**
 * Opens the database behind `target`. For the embedded database the data
 * directory is locked first, so a second process fails before touching files.
 */
export function openAdapter(target: DbTarget): OpenedAdapter {
  if (target.kind === "postgres") {
    const factory = new PrismaPg({
      connectionString: target.url,
      max: Number(process.env.NEWSDESK_PG_POOL ?? 10),
      // While PostgreSQL is down or unreachable, calls must fail fast (the
      // page cache then answers stale copies, the rest a 503) instead of
      // queueing behind connection attempts; the pool drops broken
      // connections and reconnects by itself on the next call.
      connectionTimeoutMillis: Number(process.env.NEWSDESK_DB_CONNECT_TIMEOUT_MS ?? 5000),
      // A statement stuck behind a failing server ends instead of holding a request forever.
      statement_timeout: Number(process.env.NEWSDESK_DB_STATEMENT_TIMEOUT_MS ?? 30_000),
      idleTimeoutMillis: 30_000,
    });
    return { factory, close: async () => {} };
  }
  if (target.kind === "memory") {
    const pglite = new PGlite();
    return { factory: new PrismaPGlite(pglite), pglite, close: () => pglite.close() };
  }
  const release = acquireDataDirLock(target.dataDir);
  try {
    fs.mkdirSync(target.dataDir, { recursive: true });
    // The constructor starts opening in the background; queries wait for it.
    const pglite = new PGlite(target.dataDir);
    // `npm run db:backup` asks whoever holds the files for a snapshot (lib/db/snapshot-socket.ts).
    const stopSnapshots = serveSnapshots(pglite, target.dataDir);
    return {
      factory: new PrismaPGlite(pglite),
      pglite,
      close: async () => {
        await stopSnapshots();
        await pglite.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** A Prisma client over an opened adapter; `close` disconnects both. */
export function createPrismaClient(opened: OpenedAdapter): PrismaClient {
  return new PrismaClient({ adapter: opened.factory });
}
