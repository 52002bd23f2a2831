import fs from "node:fs";
import { migrationsDir } from "../../prisma/tools/migrations-dir";

/** What a restored database holds, for the closing line and the migration hint. */
export interface DatabaseSummary {
  users: number;
  articles: number;
  revisions: number;
  appliedMigrations: string[];
}

/** Runs one query and returns its rows; both PGlite and node-postgres fit. */
export type QueryRows = (sql: string) => Promise<Record<string, unknown>[]>;

/**
 * Reads the summary of a Newsdesk database. Throws when the tables are not
 * there, which for a restore means the backup held some other database.
 */
export async function summariseDatabase(query: QueryRows): Promise<DatabaseSummary> {
  const [counts] = await query(
    `SELECT (SELECT count(*) FROM "User")::int AS users, (SELECT count(*) FROM "Article")::int AS articles,
            (SELECT count(*) FROM "ArticleRevision")::int AS revisions`,
  );
  const migrations = await query(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return {
    users: Number(counts?.users),
    articles: Number(counts?.articles),
    revisions: Number(counts?.revisions),
    appliedMigrations: migrations.map((row) => String(row.migration_name)),
  };
}

export function formatSummary(summary: DatabaseSummary): string {
  return `${summary.users} accounts, ${summary.articles} stories, ${summary.revisions} revisions`;
}

/**
 * What to do when the restored database and this code disagree on the
 * schema: an older backup needs `db:migrate`; a newer one needs newer code.
 */
export function migrationAdvice(applied: readonly string[]): string | undefined {
  const known = fs.existsSync(migrationsDir)
    ? fs.readdirSync(migrationsDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name)
    : [];
  const appliedSet = new Set(applied);
  const pending = known.filter((name) => !appliedSet.has(name));
  const unknown = applied.filter((name) => !known.includes(name));
  if (unknown.length) {
    return `The backup was made by a newer Newsdesk (migrations this code does not know: ${unknown.join(", ")}). Deploy that version before starting the server.`;
  }
  if (pending.length) return `The backup predates ${pending.length} migration(s) of this code: run \`npm run db:migrate\` before starting the server.`;
  return undefined;
}
