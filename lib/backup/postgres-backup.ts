import { execFile, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { BackupError, EXIT } from "./backup-error";
import { openPartialFile } from "./backup-file";
import { type DatabaseSummary, summariseDatabase } from "./database-summary";

/**
 * PostgreSQL backups go through PostgreSQL's own tools: pg_dump in custom
 * format (compressed, restorable table by table, readable by any newer
 * pg_restore) and pg_restore in one transaction, so a failed restore leaves
 * the database as it was.
 */

type Tool = "pg_dump" | "pg_restore";

/** Finds a PostgreSQL client tool: NEWSDESK_PG_BINDIR, then `pg_config --bindir`, then PATH. */
export function findPgTool(tool: Tool, env: NodeJS.ProcessEnv = process.env): string {
  const dirs: string[] = [];
  if (env.NEWSDESK_PG_BINDIR) dirs.push(env.NEWSDESK_PG_BINDIR);
  try {
    dirs.push(execFileSync("pg_config", ["--bindir"], { encoding: "utf8", env, stdio: ["ignore", "pipe", "ignore"] }).trim());
  } catch {
    // no pg_config: PATH below
  }
  dirs.push(...(env.PATH ?? "").split(path.delimiter).filter(Boolean));
  for (const dir of dirs) {
    const candidate = path.join(dir, tool);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // next
    }
  }
  throw new BackupError(
    `${tool} was not found (looked in NEWSDESK_PG_BINDIR, pg_config --bindir and PATH). Install the PostgreSQL ` +
      "client tools of your server's major version or newer (Debian/Ubuntu: apt install postgresql-client), " +
      "or set NEWSDESK_PG_BINDIR to the folder holding them.",
    EXIT.unavailable,
  );
}

/**
 * libpq takes the URL as the database name; the password goes in the
 * environment instead, so it never shows in `ps`.
 */
function connectionArgs(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (parsed.password) {
    env.PGPASSWORD = decodeURIComponent(parsed.password);
    parsed.password = "";
  }
  // Prisma-only options that libpq would reject as unknown URI parameters.
  for (const key of ["schema", "connection_limit", "pool_timeout", "pgbouncer", "socket_timeout", "statement_cache_size"]) {
    parsed.searchParams.delete(key);
  }
  return { dbname: parsed.toString(), env };
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "inherit", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stderr }));
  });
}

/** Turns a tool's failure into a message an operator can act on. */
function explainToolFailure(tool: Tool, url: string, stderr: string): BackupError {
  const detail = stderr.trim().split("\n").slice(0, 6).join("\n  ");
  if (/server version mismatch|unsupported version/i.test(stderr)) {
    return new BackupError(
      `${tool} is older than the PostgreSQL server:\n  ${detail}\nInstall the client tools of the server's version and set NEWSDESK_PG_BINDIR.`,
      EXIT.unavailable,
    );
  }
  if (/could not connect|connection refused|does not exist|password authentication failed|no pg_hba/i.test(stderr)) {
    return new BackupError(`${tool} could not reach ${redact(url)}:\n  ${detail}`, EXIT.unavailable);
  }
  return new BackupError(`${tool} failed:\n  ${detail}`, EXIT.failure);
}

/** `pg_dump -Fc` of the database at `url` into `file` (written beside, then renamed). */
export async function backupPostgres(url: string, file: string): Promise<{ bytes: number }> {
  const pgDump = findPgTool("pg_dump");
  const output = openPartialFile(file);
  try {
    const { dbname, env } = connectionArgs(url);
    const result = await run(pgDump, ["--format=custom", `--file=${output.partial}`, `--dbname=${dbname}`], env);
    if (result.code !== 0) throw explainToolFailure("pg_dump", url, result.stderr);
    const bytes = fs.statSync(output.partial).size;
    output.commit();
    return { bytes };
  } catch (error) {
    output.discard();
    throw error;
  }
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(`Cannot reach ${redact(url)}: ${(error as Error).message}`, EXIT.unavailable);
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Reads the archive's table of contents (`pg_restore --list`, no database
 * needed): an unreadable archive, or the dump of some other database, is
 * refused before anything is dropped.
 */
async function assertNewsdeskArchive(pgRestore: string, file: string): Promise<void> {
  const listing = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
    execFile(pgRestore, ["--list", file], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== "number") return reject(error);
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
  if (listing.code !== 0) {
    throw new BackupError(`pg_restore cannot read ${file}:\n  ${listing.stderr.trim()}`, EXIT.wrongKind);
  }
  if (!/ TABLE \S+ _prisma_migrations /.test(listing.stdout) || !/ TABLE \S+ Article /.test(listing.stdout)) {
    throw new BackupError(`${file} is a pg_dump archive, but not of a Newsdesk database (no Newsdesk tables in it).`, EXIT.wrongKind);
  }
}

/** Other sessions on the target database: a running Newsdesk server, usually. */
async function otherSessions(url: string): Promise<number> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
    );
    return rows[0]?.n ?? 0;
  });
}

/**
 * Restores `file` (pg_dump custom format) into the database at `url` with
 * pg_restore --single-transaction --clean --if-exists: every object in the
 * backup is dropped and recreated, and any error rolls the whole restore
 * back. Refuses while other sessions use the database unless `force`.
 */
export async function restorePostgres(url: string, file: string, options: { force: boolean }): Promise<DatabaseSummary> {
  const pgRestore = findPgTool("pg_restore");
  const sessions = await otherSessions(url);
  if (sessions > 0 && !options.force) {
    throw new BackupError(
      `${sessions} other session(s) are connected to ${redact(url)} — a Newsdesk server, probably. Stop it first: ` +
        "the restore would wait for their locks, and a running server keeps serving pages cached from before. " +
        "(--force restores anyway.)",
      EXIT.busy,
    );
  }
  await assertNewsdeskArchive(pgRestore, file);
  const { dbname, env } = connectionArgs(url);
  const result = await run(
    pgRestore,
    ["--single-transaction", "--clean", "--if-exists", "--no-owner", "--no-privileges", `--dbname=${dbname}`, file],
    env,
  );
  if (result.code !== 0) {
    if (/input file does not appear to be a valid archive|unsupported version .* in file header/i.test(result.stderr)) {
      throw new BackupError(`pg_restore cannot read ${file}:\n  ${result.stderr.trim()}`, EXIT.wrongKind);
    }
    throw explainToolFailure("pg_restore", url, result.stderr);
  }
  return withClient(url, (client) => summariseDatabase(async (sql) => (await client.query<Record<string, unknown>>(sql)).rows));
}
