import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** Who holds an embedded database directory. */
export interface LockHolder {
  pid: number;
  hostname: string;
  command: string;
  startedAt: string;
}

/**
 * Thrown when another live process already has the embedded database open.
 * PGlite is single-process: a second writer would corrupt the files silently,
 * so we refuse before opening anything.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      [
        `The embedded database at ${dataDir} is already open in another process:`,
        `  pid ${holder.pid} on ${holder.hostname}, started ${holder.startedAt}`,
        `  command: ${holder.command}`,
        "PGlite allows one process per data directory. Either stop that process",
        `(kill ${holder.pid}), or run this one against PostgreSQL with`,
        "DATABASE_URL=postgres://…, or give it its own directory with NEWSDESK_DATA_DIR=….",
      ].join("\n"),
    );
    this.name = "DataDirLockedError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(lockPath: string): LockHolder | undefined {
  try {
    return JSON.parse(fs.readFileSync(lockPath, "utf8")) as LockHolder;
  } catch {
    return undefined;
  }
}

function isStale(holder: LockHolder | undefined): boolean {
  if (!holder) return true;
  return holder.hostname === os.hostname() && !isAlive(holder.pid);
}

/**
 * Takes the lock file beside `dataDir` for this process, or throws
 * DataDirLockedError naming the holder. Re-entrant within one process.
 * Returns a release function; the lock is also dropped on process exit.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const lockPath = `${dataDir}.lock`;
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const me: LockHolder = {
    pid: process.pid,
    hostname: os.hostname(),
    command: process.argv.map((a) => path.basename(a)).join(" ").slice(0, 200),
    startedAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(me), { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readHolder(lockPath);
      if (holder?.pid === process.pid && holder.hostname === me.hostname) return () => {};
      if (!isStale(holder)) throw new DataDirLockedError(dataDir, holder as LockHolder);
      // A crashed holder left its file behind: move it aside atomically so two
      // starters racing for the same stale lock cannot both win.
      try {
        fs.renameSync(lockPath, `${lockPath}.stale-${process.pid}`);
        fs.rmSync(`${lockPath}.stale-${process.pid}`, { force: true });
      } catch {
        // someone else moved it first; loop and try again
      }
    }
  }
  if (readHolder(lockPath)?.pid !== process.pid) {
    throw new DataDirLockedError(dataDir, readHolder(lockPath) ?? me);
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    if (readHolder(lockPath)?.pid === process.pid) fs.rmSync(lockPath, { force: true });
  };
  process.once("exit", release);
  return release;
}
