import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { acquireDataDirLock, DataDirLockedError } from "../db/pglite-lock";
import { isSnapshotServerUp, requestSnapshot } from "../db/snapshot-socket";
import { BackupError, EXIT } from "./backup-error";
import { openPartialFile, readEmbeddedTarball } from "./backup-file";
import { type DatabaseSummary, summariseDatabase } from "./database-summary";

/** How an embedded backup was taken. */
export interface EmbeddedBackupResult {
  bytes: number;
  /** "server": the running server made the snapshot; "direct": nothing ran, this process opened the files. */
  via: "server" | "direct";
}

function hasDatabase(dataDir: string): boolean {
  return fs.existsSync(`${dataDir}/PG_VERSION`);
}

function lockOrExplain(dataDir: string, doing: string): () => void {
  try {
    return acquireDataDirLock(dataDir);
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    const { pid, command } = error.holder;
    throw new BackupError(
      `The embedded database at ${dataDir} is open in process ${pid} (${command}), which does not answer ` +
        `snapshot requests. Stop it (kill ${pid}) and ${doing} again.`,
      EXIT.busy,
    );
  }
}

/**
 * Writes a gzip'd tarball of the embedded database at `dataDir` to `file`.
 * While a server has the database open it makes the snapshot (see
 * lib/db/snapshot-socket.ts); otherwise this process opens the files itself,
 * holding the lock so that no server starts half-way through.
 */
export async function backupEmbedded(dataDir: string, file: string): Promise<EmbeddedBackupResult> {
  const output = openPartialFile(file);
  try {
    const fromServer = await requestSnapshot(dataDir, output.partial).catch((error: Error) => {
      throw new BackupError(`The running server could not hand over a snapshot: ${error.message}`, EXIT.failure);
    });
    if (fromServer.kind === "written") {
      output.commit();
      return { bytes: fromServer.bytes, via: "server" };
    }
    if (!hasDatabase(dataDir)) {
      throw new BackupError(
        `There is no embedded database at ${dataDir}, so nothing to back up. ` +
          "Set NEWSDESK_DATA_DIR to its folder, or DATABASE_URL to back up PostgreSQL.",
        EXIT.unavailable,
      );
    }
    const release = lockOrExplain(dataDir, "run the backup");
    try {
      const pglite = await PGlite.create(dataDir);
      try {
        const tarball = Buffer.from(await (await pglite.dumpDataDir("gzip")).arrayBuffer());
        fs.writeFileSync(output.partial, tarball);
        output.commit();
        return { bytes: tarball.length, via: "direct" };
      } finally {
        await pglite.close();
      }
    } finally {
      release();
    }
  } catch (error) {
    output.discard();
    throw error;
  }
}

/**
 * Replaces the embedded database at `dataDir` with the one in `file`.
 * Refuses while a server has it open. The backup is unpacked and opened
 * beside the live folder first (a bad file fails there, harming nothing);
 * only then is the old folder moved aside, the new one renamed into place,
 * and the old one deleted.
 */
export async function restoreEmbedded(dataDir: string, file: string): Promise<DatabaseSummary> {
  const stopFirst =
    `A server has the embedded database at ${dataDir} open. Stop it first: a restore replaces the whole ` +
    "database, and the server keeps its own copy in memory.";
  if (await isSnapshotServerUp(dataDir)) throw new BackupError(stopFirst, EXIT.busy);
  const release = lockOrExplain(dataDir, "run the restore");
  const staging = `${dataDir}.restoring-${process.pid}`;
  const replaced = `${dataDir}.replaced-${process.pid}`;
  try {
    fs.rmSync(staging, { recursive: true, force: true });
    const summary = await unpackAndCheck(file, staging);
    if (fs.existsSync(dataDir)) fs.renameSync(dataDir, replaced);
    try {
      fs.renameSync(staging, dataDir);
    } catch (error) {
      if (fs.existsSync(replaced)) fs.renameSync(replaced, dataDir);
      throw error;
    }
    fs.rmSync(replaced, { recursive: true, force: true });
    return summary;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    release();
  }
}

async function unpackAndCheck(file: string, staging: string): Promise<DatabaseSummary> {
  const tarball = readEmbeddedTarball(file);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(staging, { loadDataDir: new Blob([tarball]) });
  } catch (error) {
    throw new BackupError(
      `${file} could not be opened as an embedded database (${(error as Error).message}). ` +
        "It may be damaged, or come from an incompatible version of PGlite.",
      EXIT.wrongKind,
    );
  }
  try {
    return await summariseDatabase(async (sql) => (await pglite.query<Record<string, unknown>>(sql)).rows);
  } catch {
    throw new BackupError(`${file} holds a database, but not a Newsdesk one (no Newsdesk tables in it).`, EXIT.wrongKind);
  } finally {
    await pglite.close();
  }
}
