/**
 * A fresh, migrated database for one benchmark run: a throwaway PostgreSQL
 * database (dropped at the end) or an in-memory PGlite.
 */
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { withDatabase } from "../../lib/testing/test-db-kind";
import { applyMigrations } from "../../prisma/tools/migrations";
import type { RawQuery } from "./admin-bench-seed";

export interface BenchDatabase {
  kind: "postgres" | "pglite";
  description: string;
  client: PrismaClient;
  query: RawQuery;
  /** A second client on the same database that reports every SQL statement it runs. */
  createLoggingClient(): LoggingClient;
  drop(): Promise<void>;
  /** Disconnects without dropping. */
  release(): Promise<void>;
}

export type LoggingClient = PrismaClient<"query">;

const queryEvents = { log: [{ emit: "event" as const, level: "query" as const }] };

/** BENCH_DATABASE_URL, TEST_DATABASE_URL or the local trust-auth server. */
export function benchServerUrl(): string {
  return process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
}

export async function openPostgresBenchDatabase(): Promise<BenchDatabase> {
  const serverUrl = benchServerUrl();
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `The benchmark needs PostgreSQL at ${serverUrl.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@")} ` +
        `(set BENCH_DATABASE_URL, or run with --pglite): ${(error as Error).message}`,
    );
  }
  const name = `newsdesk_bench_${Date.now().toString(36)}_${process.pid}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = withDatabase(serverUrl, name);
  // Every pool is ours to end: the adapter's own pools outlive $disconnect,
  // and DROP DATABASE … WITH (FORCE) would then kill their idle connections
  // and crash the process with an unhandled pool error.
  const pools: pg.Pool[] = [];
  const openPool = (max: number) => {
    const pool = new pg.Pool({ connectionString: url, max });
    pool.on("error", () => {});
    pools.push(pool);
    return pool;
  };
  const endPools = () => Promise.all(pools.map((pool) => pool.end().catch(() => {})));
  const seedPool = openPool(2);
  const adapter = new PrismaPg(openPool(4));
  try {
    await applyMigrations(new PrismaPg(openPool(1)));
  } catch (error) {
    await endPools();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
    throw error;
  }
  const client = new PrismaClient({ adapter });
  return {
    kind: "postgres",
    description: `PostgreSQL ${(await admin.query<{ server_version: string }>("SHOW server_version")).rows[0]?.server_version ?? ""} (database ${name}, dropped at the end)`,
    client,
    query: async <T,>(text: string, params: unknown[] = []) => (await seedPool.query(text, params)).rows as T[],
    createLoggingClient: (): LoggingClient => new PrismaClient({ adapter: new PrismaPg(openPool(2)), ...queryEvents }),
    drop: async () => {
      await client.$disconnect();
      await endPools();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
    release: async () => {
      await client.$disconnect();
      await endPools();
      await admin.end();
    },
  };
}

export async function openPgliteBenchDatabase(): Promise<BenchDatabase> {
  const pglite = new PGlite();
  await applyMigrations(new PrismaPGlite(pglite));
  const client = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    kind: "pglite",
    description: "PGlite in memory (single connection, WebAssembly)",
    client,
    query: async <T,>(text: string, params: unknown[] = []) => (await pglite.query<T>(text, params)).rows,
    createLoggingClient: (): LoggingClient => new PrismaClient({ adapter: new PrismaPGlite(pglite), ...queryEvents }),
    drop: async () => {
      await client.$disconnect();
      await pglite.close();
    },
    release: async () => {
      await client.$disconnect();
      await pglite.close();
    },
  };
}
