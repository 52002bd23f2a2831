import { createHash } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import type { PGlite } from "@electric-sql/pglite";

/**
 * The embedded database lives inside one process, which holds its files and
 * a lock on them. To back it up while that process serves, `db:backup` asks
 * it over a Unix socket beside the data directory for a snapshot: PGlite's
 * dumpDataDir, which runs between queries, so the tarball is a consistent
 * image of the data directory (committed transactions in, open ones rolled
 * back when it is next opened, as after a power cut). Copying the files from
 * outside could catch a page half-written.
 *
 * Protocol: the client writes "snapshot\n"; the server answers one JSON line,
 * {"ok":true,"bytes":N} followed by N bytes of gzip'd tar, or
 * {"ok":false,"message":"…"}.
 */

/** Linux allows 107 bytes for a socket path; longer data directories get a hashed name in the temp folder. */
const MAX_SOCKET_PATH = 100;

export function snapshotSocketPath(dataDir: string): string {
  const beside = `${dataDir}.sock`;
  if (beside.length <= MAX_SOCKET_PATH) return beside;
  const hash = createHash("sha256").update(dataDir).digest("hex").slice(0, 16);
  return `${os.tmpdir()}/newsdesk-${hash}.sock`;
}

export interface SnapshotHeader {
  ok: boolean;
  bytes?: number;
  message?: string;
}

/**
 * Answers snapshot requests for `pglite` until the returned close() is called
 * (or the process exits). Call only while holding the data directory's lock:
 * a socket file found at start is then a crashed holder's, and is replaced.
 */
export function serveSnapshots(pglite: PGlite, dataDir: string): () => Promise<void> {
  const socketPath = snapshotSocketPath(dataDir);
  fs.rmSync(socketPath, { force: true });
  const server = net.createServer((socket) => {
    socket.once("data", () => {
      void answer(pglite, socket);
    });
    socket.on("error", () => socket.destroy());
  });
  server.on("error", (error) => {
    // Backups then fall back to "stop the server first"; serving goes on.
    console.warn(`[newsdesk] snapshot socket ${socketPath} unavailable: ${error.message}`);
  });
  server.listen(socketPath, () => {
    // The snapshot holds every account's password hash: owner only.
    fs.chmodSync(socketPath, 0o600);
  });
  // A snapshot socket never keeps a CLI (seed, migrate) from exiting.
  server.unref();
  const removeFile = () => fs.rmSync(socketPath, { force: true });
  process.once("exit", removeFile);
  return () =>
    new Promise<void>((resolve) => {
      process.off("exit", removeFile);
      server.close(() => resolve());
      if (!server.listening) resolve();
    });
}

async function answer(pglite: PGlite, socket: net.Socket): Promise<void> {
  try {
    // No CHECKPOINT first: PGlite has one session, so anything we ran would
    // join whatever transaction the app has open. Opening the copy replays
    // the little WAL since the last checkpoint instead.
    const tarball = Buffer.from(await (await pglite.dumpDataDir("gzip")).arrayBuffer());
    socket.write(`${JSON.stringify({ ok: true, bytes: tarball.length } satisfies SnapshotHeader)}\n`);
    socket.end(tarball);
  } catch (error) {
    socket.end(`${JSON.stringify({ ok: false, message: (error as Error).message } satisfies SnapshotHeader)}\n`);
  }
}

/** What a snapshot request found. */
export type SnapshotResult = { kind: "written"; bytes: number } | { kind: "no-server" };

/**
 * Asks the process holding `dataDir` for a snapshot and streams it into
 * `file`. Resolves "no-server" when nothing listens (no socket, or a crashed
 * holder's leftover).
 */
export function requestSnapshot(dataDir: string, file: string): Promise<SnapshotResult> {
  const socketPath = snapshotSocketPath(dataDir);
  return new Promise((resolve, reject) => {
    if (!fs.existsSync(socketPath)) return resolve({ kind: "no-server" });
    const socket = net.createConnection(socketPath);
    let header: SnapshotHeader | undefined;
    let pending = Buffer.alloc(0);
    let out: fs.WriteStream | undefined;
    let received = 0;
    socket.setTimeout(10 * 60_000, () => socket.destroy(new Error("the server stopped answering the snapshot request")));
    socket.on("connect", () => socket.write("snapshot\n"));
    socket.on("error", (error: NodeJS.ErrnoException) => {
      out?.destroy();
      if (!header && (error.code === "ECONNREFUSED" || error.code === "ENOENT")) resolve({ kind: "no-server" });
      else reject(error);
    });
    socket.on("data", (chunk: Buffer) => {
      if (header) {
        received += chunk.length;
        if (!out?.write(chunk)) socket.pause();
        return;
      }
      pending = Buffer.concat([pending, chunk]);
      const newline = pending.indexOf(0x0a);
      if (newline < 0) return;
      header = JSON.parse(pending.subarray(0, newline).toString("utf8")) as SnapshotHeader;
      if (!header.ok) return reject(new Error(`the server could not take a snapshot: ${header.message ?? "unknown error"}`));
      out = fs.createWriteStream(file);
      out.on("drain", () => socket.resume());
      out.on("error", (error) => socket.destroy(error));
      const rest = pending.subarray(newline + 1);
      received += rest.length;
      out.write(rest);
    });
    socket.on("end", () => {
      if (!header) return reject(new Error("the server closed the snapshot socket without answering"));
      if (!header.ok) return;
      out?.end(() => {
        if (received !== header?.bytes) reject(new Error(`the snapshot was cut short (${received} of ${header?.bytes} bytes)`));
        else resolve({ kind: "written", bytes: received });
      });
    });
  });
}

/** Whether a process answers snapshot requests for `dataDir`, i.e. a server has it open. */
export function isSnapshotServerUp(dataDir: string): Promise<boolean> {
  const socketPath = snapshotSocketPath(dataDir);
  if (!fs.existsSync(socketPath)) return Promise.resolve(false);
  return new Promise((resolve) => {
    const socket = net.createConnection(socketPath);
    socket.on("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}
