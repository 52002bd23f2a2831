/** `npm run db:seed`: idempotent demo content for the configured database. */
import { createPrismaClient, describeDbTarget, openAdapter, resolveDbTarget } from "../../lib/db/connect";
import { seedDatabase } from "./seed-database";
import { demoUsers } from "./users";

async function main(): Promise<void> {
  const target = resolveDbTarget();
  const opened = openAdapter(target);
  const db = createPrismaClient(opened);
  try {
    const result = await seedDatabase(db);
    console.log(
      `Seeded ${describeDbTarget(target)}: ${result.categories} sections, ${result.users} demo accounts, ` +
        `${result.articlesCreated} stories created, ${result.articlesKept} already there.`,
    );
    console.log("\nDemo sign-in (demo databases only) at /login:");
    for (const user of demoUsers) console.log(`  ${user.role.padEnd(6)}  ${user.email.padEnd(22)}  ${user.password}`);
  } finally {
    await db.$disconnect();
    await opened.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
