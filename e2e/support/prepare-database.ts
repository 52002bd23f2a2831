/**
 * Gives the e2e server a fresh, migrated, seeded database, then exits so
 * `next start` can take the embedded directory's lock.
 */
import fs from "node:fs";
import pg from "pg";
import { createPrismaClient, describeDbTarget, openAdapter, resolveDbTarget } from "../../lib/db/connect";
import { applyMigrations } from "../../prisma/tools/migrations";
import { resetDatabase } from "../../prisma/tools/reset";
import { seedDatabase } from "../../prisma/seed/seed-database";
import { seedListFixtures } from "./list-fixtures";

/** Creates the PostgreSQL database named in `url` if the server does not have it yet. */
async function ensurePostgresDatabase(url: string): Promise<void> {
  const admin = new URL(url);
  const name = decodeURIComponent(admin.pathname.slice(1));
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const target = resolveDbTarget();
  if (target.kind === "pglite") fs.rmSync(target.dataDir, { recursive: true, force: true });
  if (target.kind === "postgres") {
    await ensurePostgresDatabase(target.url);
    await resetDatabase(target);
  }
  const opened = openAdapter(target);
  const db = createPrismaClient(opened);
  try {
    await applyMigrations(opened.factory);
    await seedDatabase(db);
    await seedListFixtures(db);
    console.log(`e2e database ready: ${describeDbTarget(target)}`);
  } finally {
    await db.$disconnect();
    await opened.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
