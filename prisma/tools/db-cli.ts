/**
 * Offline database commands (no network, no native engine):
 *   migrate          apply pending migrations to the configured database
 *   create <name>    write a migration from schema.prisma changes
 *   check            exit 1 when schema.prisma and the migrations disagree
 *   reset --force    drop everything, then migrate
 * The wasm engine arms a timer and the pg pool lingers, so every path ends
 * with an explicit process.exit.
 */
import fs from "node:fs";
import path from "node:path";
import { describeDbTarget, openAdapter, resolveDbTarget } from "../../lib/db/connect";
import { applyMigrations, diffMigrationsToSchema } from "./migrations";
import { writeMigration } from "./migrations-dir";
import { resetDatabase } from "./reset";

async function migrate(): Promise<void> {
  const target = resolveDbTarget();
  const opened = openAdapter(target);
  try {
    const applied = await applyMigrations(opened.factory);
    console.log(
      applied.length
        ? `Applied ${applied.length} migration(s) to ${describeDbTarget(target)}:\n  ${applied.join("\n  ")}`
        : `${describeDbTarget(target)} is up to date.`,
    );
  } finally {
    await opened.close();
  }
}

async function create(name: string | undefined): Promise<void> {
  if (!name) throw new Error("Usage: npm run db:migration:create -- <name>");
  const sql = await diffMigrationsToSchema();
  if (!sql) {
    console.log("schema.prisma matches the migrations: nothing to create.");
    return;
  }
  const dir = writeMigration(name, sql);
  console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql\n\n${sql}`);
}

async function check(): Promise<void> {
  const sql = await diffMigrationsToSchema();
  if (sql) {
    console.error(`schema.prisma and prisma/migrations disagree. Run npm run db:migration:create -- <name>.\n\n${sql}`);
    process.exitCode = 1;
  } else {
    console.log("schema.prisma and prisma/migrations agree.");
  }
}

async function reset(force: boolean): Promise<void> {
  const target = resolveDbTarget();
  if (!force) throw new Error(`This deletes every row in ${describeDbTarget(target)}. Re-run with --force.`);
  if (target.kind === "pglite") {
    const opened = openAdapter(target); // takes the lock: refuses while a server runs
    await opened.close();
    fs.rmSync(target.dataDir, { recursive: true, force: true });
  } else if (target.kind === "postgres") {
    await resetDatabase(target);
  }
  console.log(`Emptied ${describeDbTarget(target)}.`);
  await migrate();
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  switch (command) {
    case "migrate":
      return migrate();
    case "create":
      return create(args.find((a) => !a.startsWith("-")));
    case "check":
      return check();
    case "reset":
      return reset(args.includes("--force"));
    default:
      throw new Error("Usage: db-cli migrate | create <name> | check | reset --force");
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
