import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../prisma/tools/migrations";
import { PrismaPg } from "@prisma/adapter-pg";
import { getPostgresAdminUrl, getTestDbKind, withDatabase } from "./test-db-kind";

declare module "vitest" {
  export interface ProvidedContext {
    /** PGlite: a migrated data directory dump every test file starts from. */
    pgliteTemplatePath: string;
    /** PostgreSQL: the migrated template database and the run's name prefix. */
    postgresTemplate: string;
    runId: string;
  }
}

/**
 * Migrates one template database per run (through the real migration path),
 * so each test file can clone a fresh, fully migrated database cheaply.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  project.provide("runId", runId);
  if (getTestDbKind() === "pglite") {
    const pglite = new PGlite();
    await applyMigrations(new PrismaPGlite(pglite));
    const dump = await pglite.dumpDataDir("none");
    await pglite.close();
    const file = path.join(os.tmpdir(), `newsdesk-test-template-${runId}.tar`);
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    project.provide("pgliteTemplatePath", file);
    project.provide("postgresTemplate", "");
    return async () => fs.rmSync(file, { force: true });
  }

  const adminUrl = getPostgresAdminUrl();
  const template = `newsdesk_test_${runId}_tpl`;
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL tests need a server at ${adminUrl} (set TEST_DATABASE_URL): ${(error as Error).message}`,
    );
  }
  await admin.query(`CREATE DATABASE "${template}"`);
  // Our own pool, closed straight after: CREATE DATABASE … TEMPLATE refuses
  // while anyone is still connected to the template.
  const pool = new pg.Pool({ connectionString: withDatabase(adminUrl, template), max: 2 });
  await applyMigrations(new PrismaPg(pool));
  await pool.end();
  project.provide("pgliteTemplatePath", "");
  project.provide("postgresTemplate", template);
  return async () => {
    // Drop every database this run made, including ones a crashed file left.
    const { rows } = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE $1",
      [`newsdesk_test_${runId}_%`],
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.end();
  };
}
