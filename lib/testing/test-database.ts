import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { setDbForTesting } from "../db";
import { PrismaClient } from "../generated/prisma/client";
import { getPostgresAdminUrl, getTestDbKind, withDatabase } from "./test-db-kind";

let counter = 0;

/** A fresh, migrated database and a client on it; `drop` removes it. */
export interface TestDatabase {
  client: PrismaClient;
  kind: "pglite" | "postgres";
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
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: withDatabase(adminUrl, name), max: 4 }) });
  return {
    client,
    kind: "postgres",
    drop: async () => {
      await client.$disconnect();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

/**
 * Gives the current test file its own database, installed as the process
 * client the data-access layer uses. Returns a getter for the raw client.
 */
export function provideTestDatabase(): () => PrismaClient {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    setDbForTesting(database.client);
  });
  afterAll(async () => {
    setDbForTesting(undefined);
    await database?.drop();
  });
  return () => {
    if (!database) throw new Error("provideTestDatabase(): the database is not ready yet");
    return database.client;
  };
}
