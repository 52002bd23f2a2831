import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { setDbForTesting } from "../db";
import type { NotificationSource } from "../db/notifications";
import { PrismaClient } from "../generated/prisma/client";
import { getPostgresAdminUrl, getTestDbKind, withDatabase } from "./test-db-kind";

let counter = 0;

/** A fresh, migrated database and a client on it; `drop` removes it. */
export interface TestDatabase {
  client: PrismaClient;
  kind: "pglite" | "postgres";
  /** Where LISTEN/NOTIFY works on this database. */
  notifications: NotificationSource;
  /** PostgreSQL only: the database's URL, for tools that connect on their own (pg_dump). */
  url?: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (getTestDbKind() === "pglite") {
    const dump = fs.readFileSync(inject("pgliteTemplatePath"));
    const pglite = await PGlite.create({ loadDataDir: new Blob([dump]) });
    const client = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    return {
      client,
      kind: "pglite",
      notifications: { kind: "pglite", pglite },
      drop: async () => {
        await client.$disconnect();
        await pglite.close();
      },
    };
  }
  const adminUrl = getPostgresAdminUrl();
  const name = `newsdesk_test_${inject("runId")}_${process.pid}_${++counter}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${inject("postgresTemplate")}"`);
  const url = withDatabase(adminUrl, name);
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 4 }) });
  return {
    client,
    kind: "postgres",
    notifications: { kind: "postgres", url },
    url,
    drop: async () => {
      await client.$disconnect();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

/**
 * Gives the current test file its own database, installed as the process
 * client the data-access layer uses. Returns a getter for the raw client;
 * `getter.database()` gives the whole TestDatabase (e.g. its notifications).
 */
export function provideTestDatabase(): (() => PrismaClient) & { database(): TestDatabase } {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    setDbForTesting(database.client, database.notifications);
  });
  afterAll(async () => {
    setDbForTesting(undefined);
    await database?.drop();
  });
  const current = (): TestDatabase => {
    if (!database) throw new Error("provideTestDatabase(): the database is not ready yet");
    return database;
  };
  return Object.assign(() => current().client, { database: current });
}
