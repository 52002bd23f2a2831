import fs from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { BackupError, EXIT } from "./backup-error";

/**
 * What a backup file holds, told from its first bytes rather than its name
 * (operators rename files; cron jobs date them):
 *   embedded  – a tarball of the embedded database's data directory (PGlite's dumpDataDir, gzip'd or not)
 *   postgres  – a pg_dump archive in custom format ("PGDMP")
 */
export type BackupKind = "embedded" | "postgres";

const TAR_MAGIC_OFFSET = 257;

function isTar(header: Buffer): boolean {
  return header.subarray(TAR_MAGIC_OFFSET, TAR_MAGIC_OFFSET + 5).toString("latin1") === "ustar";
}

/** The first bytes of the tarball inside a gzip file (enough for the first header). */
function gunzipHead(file: string): Buffer {
  const compressed = Buffer.alloc(64 * 1024);
  const fd = fs.openSync(file, "r");
  try {
    const length = fs.readSync(fd, compressed, 0, compressed.length, 0);
    // A truncated stream is fine here: we only need the first 512 bytes out.
    return gunzipSync(compressed.subarray(0, length), { finishFlush: 2 /* Z_SYNC_FLUSH */ });
  } catch {
    return Buffer.alloc(0);
  } finally {
    fs.closeSync(fd);
  }
}

function readHead(file: string, bytes: number): Buffer {
  const head = Buffer.alloc(bytes);
  const fd = fs.openSync(file, "r");
  try {
    return head.subarray(0, fs.readSync(fd, head, 0, bytes, 0));
  } finally {
    fs.closeSync(fd);
  }
}

/** Checks that `file` can be read; a missing or unreadable file is the operator's to fix. */
export function assertReadableFile(file: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
    fs.accessSync(file, fs.constants.R_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BackupError(
      code === "ENOENT" ? `No such backup file: ${file}` : `Cannot read ${file} (${code ?? "error"}).`,
      EXIT.noInput,
    );
  }
  if (!stat.isFile()) throw new BackupError(`${file} is not a file.`, EXIT.noInput);
}

/** Tells the kind of a backup file, or explains what it is instead. */
export function detectBackupKind(file: string): BackupKind {
  assertReadableFile(file);
  const head = readHead(file, 512);
  if (head.subarray(0, 5).toString("latin1") === "PGDMP") return "postgres";
  if (head[0] === 0x1f && head[1] === 0x8b) {
    if (isTar(gunzipHead(file))) return "embedded";
    throw new BackupError(`${file} is a gzip file, but not of a Newsdesk embedded-database backup.`, EXIT.wrongKind);
  }
  if (isTar(head)) return "embedded";
  const text = head.toString("utf8");
  if (/PostgreSQL database dump/.test(text)) {
    throw new BackupError(
      `${file} is a plain-SQL pg_dump. Restore it with psql; db:restore reads the custom format (pg_dump -Fc) that db:backup writes.`,
      EXIT.wrongKind,
    );
  }
  throw new BackupError(
    `${file} is not a Newsdesk backup (neither an embedded-database tarball nor a pg_dump custom-format archive).`,
    EXIT.wrongKind,
  );
}

/**
 * Reads an embedded-database backup into memory as a plain tarball, checking
 * that the gzip stream and the tar archive are whole and that it holds a
 * PostgreSQL data directory (PG_VERSION). A damaged file fails here, with a
 * message, before anything is unpacked.
 */
export function readEmbeddedTarball(file: string): Buffer<ArrayBuffer> {
  const raw = fs.readFileSync(file);
  let tar: Buffer<ArrayBuffer>;
  try {
    tar = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw;
  } catch (error) {
    throw new BackupError(`${file} is damaged: its gzip stream is cut short or corrupt (${(error as Error).message}).`, EXIT.wrongKind);
  }
  const names = listTarEntries(tar);
  if (!names) throw new BackupError(`${file} is damaged: the tar archive inside is cut short.`, EXIT.wrongKind);
  if (!names.some((name) => /^\/?([^/]+\/)?PG_VERSION$/.test(name))) {
    throw new BackupError(`${file} is a tarball, but not of a database folder (no PG_VERSION in it).`, EXIT.wrongKind);
  }
  return tar;
}

/** Entry names of a tar archive, or undefined when it ends before its end-of-archive block. */
function listTarEntries(tar: Buffer): string[] | undefined {
  const names: string[] = [];
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) return names;
    const name = header.subarray(0, 100).toString("utf8").replace(/\0.*$/s, "");
    const prefix = header.subarray(345, 500).toString("utf8").replace(/\0.*$/s, "");
    names.push(prefix ? `${prefix}/${name}` : name);
    const size = parseInt(header.subarray(124, 136).toString("latin1").replace(/\0.*$/s, "").trim() || "0", 8);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (offset > tar.length) return undefined;
  }
  return undefined;
}

/** Explains why a backup of one kind cannot go into the other kind of database. */
export function wrongTargetMessage(file: string, kind: BackupKind): string {
  return kind === "embedded"
    ? `${file} is a backup of the embedded database, but DATABASE_URL points at PostgreSQL. ` +
        "Unset DATABASE_URL to restore it into the embedded database (NEWSDESK_DATA_DIR)."
    : `${file} is a PostgreSQL backup (pg_dump), but DATABASE_URL is not set, so the target is the embedded database. ` +
        "Set DATABASE_URL=postgres://… to restore it into PostgreSQL.";
}

/**
 * Where a backup is written until it is complete, beside `file` so that the
 * final rename is atomic: a failed or interrupted backup never leaves a
 * truncated file under the name a cron job rotates. Fails early, with a
 * clear message, when the target cannot be written.
 */
export function openPartialFile(file: string): { partial: string; commit(): void; discard(): void } {
  const target = path.resolve(file);
  try {
    if (fs.statSync(target).isDirectory()) {
      throw new BackupError(`${file} is a directory; give a file name, e.g. ${path.join(file, "newsdesk.backup")}.`, EXIT.usage);
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
  }
  const partial = path.join(path.dirname(target), `.${path.basename(target)}.partial-${process.pid}`);
  try {
    fs.writeFileSync(partial, "", { flag: "wx", mode: 0o600 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT" ? `the folder ${path.dirname(target)} does not exist` : code === "EACCES" || code === "EPERM" ? "permission denied" : code;
    throw new BackupError(`Cannot write the backup to ${file}: ${reason}.`, EXIT.cannotCreate);
  }
  return {
    partial,
    commit: () => fs.renameSync(partial, target),
    discard: () => fs.rmSync(partial, { force: true }),
  };
}
