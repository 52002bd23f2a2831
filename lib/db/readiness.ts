import fs from "node:fs";
import path from "node:path";
import { isDatabaseUnavailableError } from "./unavailable";

/** What /readyz reports: the database answers and has every migration this build ships. */
export type Readiness = { ok: true } | { ok: false; reason: string };

/** The one query method readiness needs (a Prisma client has it). */
export interface RawQueryClient {
  $queryRawUnsafe<T = unknown>(query: string): Promise<T>;
}

/**
 * Migration folders this build expects. Read from the working directory's
 * prisma/migrations (where `npm start` runs); when that folder is not there
 * (a trimmed deployment) only "some migrations applied" can be checked.
 */
export function expectedMigrations(dir = path.resolve(process.cwd(), "prisma", "migrations")): string[] | undefined {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  } catch {
    return undefined;
  }
}

/**
 * Whether the database can serve the app. Never throws: an unreachable
 * server, a database that does not exist yet or one without its schema all
 * come back as `{ ok: false, reason }`.
 */
export async function checkReadiness(client: RawQueryClient, expected = expectedMigrations()): Promise<Readiness> {
  try {
    const [table] = await client.$queryRawUnsafe<{ name: string | null }[]>(
      "SELECT to_regclass('public._prisma_migrations')::text AS name",
    );
    if (!table?.name) return { ok: false, reason: "database reachable but not migrated (run npm run db:migrate)" };
    const rows = await client.$queryRawUnsafe<{ migration_name: string }[]>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    const applied = new Set(rows.map((row) => row.migration_name));
    const pending = (expected ?? []).filter((name) => !applied.has(name));
    if (applied.size === 0) return { ok: false, reason: "database reachable but not migrated (run npm run db:migrate)" };
    if (pending.length) return { ok: false, reason: `migrations pending: ${pending.join(", ")} (run npm run db:migrate)` };
    return { ok: true };
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n").filter(Boolean).pop() : String(error);
    return { ok: false, reason: `${isDatabaseUnavailableError(error) ? "database unreachable" : "database check failed"}: ${message}` };
  }
}
