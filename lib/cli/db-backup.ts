/**
 * `npm run db:backup -- <file>` and `npm run db:restore -- <file> [--force]`
 *
 * Backs up or restores the configured database: the embedded one under
 * NEWSDESK_DATA_DIR (a gzip'd tarball, taken from the running server when
 * there is one), or PostgreSQL at DATABASE_URL (pg_dump custom format).
 * Exit codes follow sysexits (lib/backup/backup-error.ts); docs/backups.md
 * has the schedule, the retention and the details.
 */
import { parseArgs } from "node:util";
import { BackupError, EXIT, type ExitCode } from "../backup/backup-error";
import { detectBackupKind, wrongTargetMessage } from "../backup/backup-file";
import { formatSummary, migrationAdvice, type DatabaseSummary } from "../backup/database-summary";
import { backupEmbedded, restoreEmbedded } from "../backup/embedded-backup";
import { backupPostgres, restorePostgres } from "../backup/postgres-backup";
import { describeDbTarget, resolveDbTarget } from "../db/connect";

const USAGE = `Usage: npm run db:backup -- <file>
       npm run db:restore -- <file> [--force]

  db:backup   writes the configured database to <file>: the embedded database
              (NEWSDESK_DATA_DIR) as a .tar.gz, even while the server runs;
              PostgreSQL (DATABASE_URL) with pg_dump -Fc
  db:restore  replaces the configured database with the one in <file>
              (stop the server first)
  --force     PostgreSQL only: restore even while other sessions are connected

See docs/backups.md.`;

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} kB`;
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

function parse(argv: string[]): { command: "backup" | "restore"; file: string; force: boolean } {
  const [command, ...rest] = argv;
  if (command !== "backup" && command !== "restore") throw new BackupError(USAGE, EXIT.usage);
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { force: { type: "boolean", default: false }, help: { type: "boolean", short: "h", default: false } },
    });
  } catch (error) {
    throw new BackupError(`${(error as Error).message}\n\n${USAGE}`, EXIT.usage);
  }
  if (parsed.values.help) throw new BackupError(USAGE, EXIT.ok);
  const [file, ...extra] = parsed.positionals;
  if (!file) throw new BackupError(`Give the backup file.\n\n${USAGE}`, EXIT.usage);
  if (extra.length) throw new BackupError(`One file at a time (got ${parsed.positionals.join(", ")}).\n\n${USAGE}`, EXIT.usage);
  if (parsed.values.force && command === "backup") throw new BackupError(`--force is for db:restore.\n\n${USAGE}`, EXIT.usage);
  return { command, file, force: parsed.values.force };
}

function targetOrExplain() {
  try {
    return resolveDbTarget();
  } catch (error) {
    throw new BackupError((error as Error).message, EXIT.usage);
  }
}

async function backup(file: string): Promise<void> {
  const target = targetOrExplain();
  const started = performance.now();
  if (target.kind === "postgres") {
    const { bytes } = await backupPostgres(target.url, file);
    console.log(`Backed up ${describeDbTarget(target)} to ${file} (${formatBytes(bytes)}, ${seconds(started)}, pg_dump custom format).`);
  } else if (target.kind === "pglite") {
    const { bytes, via } = await backupEmbedded(target.dataDir, file);
    const how = via === "server" ? "snapshot taken by the running server" : "no server was running";
    console.log(`Backed up ${describeDbTarget(target)} to ${file} (${formatBytes(bytes)}, ${seconds(started)}; ${how}).`);
  }
}

async function restore(file: string, force: boolean): Promise<void> {
  const target = targetOrExplain();
  const kind = detectBackupKind(file);
  if ((kind === "postgres") !== (target.kind === "postgres")) throw new BackupError(wrongTargetMessage(file, kind), EXIT.wrongKind);
  if (force && target.kind !== "postgres") throw new BackupError("--force is for PostgreSQL; stop the server to restore the embedded database.", EXIT.usage);
  const started = performance.now();
  let summary: DatabaseSummary | undefined;
  if (target.kind === "postgres") summary = await restorePostgres(target.url, file, { force });
  else if (target.kind === "pglite") summary = await restoreEmbedded(target.dataDir, file);
  if (!summary) return;
  console.log(`Restored ${file} into ${describeDbTarget(target)} in ${seconds(started)}: ${formatSummary(summary)}.`);
  const advice = migrationAdvice(summary.appliedMigrations);
  if (advice) console.log(advice);
}

async function main(): Promise<ExitCode> {
  const { command, file, force } = parse(process.argv.slice(2));
  if (command === "backup") await backup(file);
  else await restore(file, force);
  return EXIT.ok;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof BackupError) {
      (error.exitCode === EXIT.ok ? console.log : console.error)(error.message);
      process.exit(error.exitCode);
    }
    console.error("Unexpected failure (a bug — please report it with this output):");
    console.error(error);
    process.exit(EXIT.failure);
  },
);
