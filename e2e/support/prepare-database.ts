/**
 * Gives the e2e server a fresh, migrated, seeded database, then exits so
 * `next start` can take the embedded directory's lock.
 */
import fs from "node:fs";
import { createPrismaClient, describeDbTarget, openAdapter, resolveDbTarget } from "../../lib/db/connect";
import { applyMigrations } from "../../prisma/tools/migrations";
import { resetDatabase } from "../../prisma/tools/reset";
import { seedDatabase } from "../../prisma/seed/seed-database";
import { seedListFixtures } from "./list-fixtures";

async function main(): Promise<void> {
  const target = resolveDbTarget();
  if (target.kind === "pglite") fs.rmSync(target.dataDir, { recursive: true, force: true });
  if (target.kind === "postgres") await resetDatabase(target);
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
