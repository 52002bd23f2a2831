import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * A PostgreSQL cluster of a test's own, for fault injection: initdb into a
 * temporary folder, served on its own port, stopped and started at will.
 * The shared server on 5432 is never touched. Needs the PostgreSQL server
 * binaries (`pg_config --bindir`); `findPostgresBinaries()` says why not
 * when they are missing, so a test can skip with that reason.
 *
 * initdb refuses to run as root, so as root every server command runs as
 * the `postgres` user (runuser) on a folder that user owns.
 */
export interface PostgresBinaries {
  bindir: string;
  /** Prefix that runs a command as the cluster's owner (empty when not root). */
  asOwner: string[];
  owner?: { uid: number; gid: number };
}

export type BinariesLookup = { ok: true; binaries: PostgresBinaries } | { ok: false; reason: string };

function which(command: string): string | undefined {
  const result = spawnSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim() || undefined : undefined;
}

export function findPostgresBinaries(): BinariesLookup {
  const pgConfig = which("pg_config");
  let bindir = process.env.NEWSDESK_PG_BINDIR;
  if (!bindir && pgConfig) bindir = execFileSync(pgConfig, ["--bindir"], { encoding: "utf8" }).trim();
  if (!bindir) return { ok: false, reason: "no PostgreSQL server binaries (pg_config not found; set NEWSDESK_PG_BINDIR)" };
  for (const tool of ["initdb", "pg_ctl", "postgres"]) {
    if (!fs.existsSync(path.join(bindir, tool))) return { ok: false, reason: `${tool} is not in ${bindir}` };
  }
  if (process.getuid?.() !== 0) return { ok: true, binaries: { bindir, asOwner: [] } };
  const runuser = which("runuser");
  const id = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
  if (!runuser || id.status !== 0) return { ok: false, reason: "running as root without a postgres user and runuser to own a cluster" };
  return {
    ok: true,
    binaries: { bindir, asOwner: [runuser, "-u", "postgres", "--"], owner: { uid: Number(id.stdout), gid: Number(gid.stdout) } },
  };
}

/** A free TCP port on 127.0.0.1 (the kernel's pick). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export class ThrowawayPostgres {
  private isRunning = false;

  private constructor(
    private readonly binaries: PostgresBinaries,
    readonly folder: string,
    readonly port: number,
  ) {}

  /** initdb a new cluster in a temporary folder and start it. */
  static async create(binaries: PostgresBinaries, options: { port?: number } = {}): Promise<ThrowawayPostgres> {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "newsdesk-pg-"));
    if (binaries.owner) fs.chownSync(folder, binaries.owner.uid, binaries.owner.gid);
    const port = options.port ?? (await findFreePort());
    const cluster = new ThrowawayPostgres(binaries, folder, port);
    cluster.run("initdb", ["-D", cluster.dataDir, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"]);
    fs.appendFileSync(
      path.join(cluster.dataDir, "postgresql.conf"),
      // Throwaway: durability off for speed; no unix socket outside the folder.
      `\nport = ${port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${folder}'\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\nmax_connections = 100\n`,
    );
    cluster.start();
    return cluster;
  }

  get dataDir(): string {
    return path.join(this.folder, "data");
  }

  /** A connection URL for `database` on this cluster. */
  url(database = "postgres"): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  get isStarted(): boolean {
    return this.isRunning;
  }

  /** Starts the server and waits until it accepts connections. */
  start(): void {
    this.run("pg_ctl", ["-D", this.dataDir, "-l", path.join(this.folder, "server.log"), "-w", "-t", "60", "start"]);
    this.isRunning = true;
  }

  /** Stops the server: "fast" ends every session at once, "immediate" is a crash. */
  stop(mode: "fast" | "immediate" = "fast"): void {
    this.run("pg_ctl", ["-D", this.dataDir, "-m", mode, "-w", "-t", "60", "stop"]);
    this.isRunning = false;
  }

  restart(mode: "fast" | "immediate" = "fast"): void {
    this.stop(mode);
    this.start();
  }

  /** Stops the server (if running) and deletes the folder. */
  destroy(): void {
    if (this.isRunning) {
      try {
        this.stop("immediate");
      } catch {
        // Already gone: nothing to stop.
      }
    }
    fs.rmSync(this.folder, { recursive: true, force: true });
  }

  private run(tool: string, args: string[]): void {
    const [command, ...prefix] = [...this.binaries.asOwner, path.join(this.binaries.bindir, tool)];
    const result = spawnSync(command as string, [...prefix, ...args], { encoding: "utf8", cwd: this.folder });
    if (result.status !== 0) {
      throw new Error(`${tool} ${args.join(" ")} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
    }
  }
}
