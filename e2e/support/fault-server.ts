import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import http from "node:http";
import path from "node:path";
import pg from "pg";
import { findFreePort, findPostgresBinaries, ThrowawayPostgres } from "../../lib/testing/throwaway-postgres";

/**
 * Fault-injection harness: a PostgreSQL cluster of the test's own
 * (lib/testing/throwaway-postgres.ts) and a built Newsdesk server
 * (`npm start`'s lib/server/start-server.mjs) on its own port, plus a small
 * load generator that records every answer.
 */
const root = path.resolve(import.meta.dirname, "../..");

export function postgresBinariesOrSkipReason() {
  return findPostgresBinaries();
}

export async function createPostgres(): Promise<ThrowawayPostgres> {
  const found = findPostgresBinaries();
  if (!found.ok) throw new Error(found.reason);
  return ThrowawayPostgres.create(found.binaries);
}

/**
 * `pg_ctl stop` / `start` without blocking the test's event loop (the
 * cluster's own methods wait synchronously), so the load generator keeps
 * running while PostgreSQL goes down and comes back.
 */
export function pgCtl(cluster: ThrowawayPostgres, action: "stop" | "start"): Promise<void> {
  const found = findPostgresBinaries();
  if (!found.ok) throw new Error(found.reason);
  const [command, ...prefix] = [...found.binaries.asOwner, path.join(found.binaries.bindir, "pg_ctl")];
  const args =
    action === "stop"
      ? ["-D", cluster.dataDir, "-m", "fast", "-w", "-t", "60", "stop"]
      : ["-D", cluster.dataDir, "-l", path.join(cluster.folder, "server.log"), "-w", "-t", "60", "start"];
  return new Promise((resolve, reject) => {
    const child = spawn(command as string, [...prefix, ...args], { cwd: cluster.folder, stdio: "ignore" });
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`pg_ctl ${action} exited ${code}`))));
  });
}

export async function createDatabase(cluster: ThrowawayPostgres, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: cluster.url() });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  return cluster.url(name);
}

/** What an operator runs: `npm run db:migrate`, then `npm run db:seed`. */
export function migrateAndSeed(databaseUrl: string): void {
  for (const args of [["prisma/tools/db-cli.ts", "migrate"], ["prisma/seed/index.ts"]]) {
    const result = spawnSync(path.join(root, "node_modules/.bin/tsx"), args, {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      encoding: "utf8",
      timeout: 120_000,
    });
    if (result.status !== 0) throw new Error(`${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  }
}

export interface RunningServer {
  baseURL: string;
  process: ChildProcess;
  output(): string;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

export async function startServer(databaseUrl: string, env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await findFreePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join(root, "lib/server/start-server.mjs"), "-p", String(port)], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEWSDESK_WORKERS: "1",
      NEWSDESK_SITE_URL: baseURL,
      NEXT_TELEMETRY_DISABLED: "1",
      NEWSDESK_LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return {
    baseURL,
    process: child,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}

/** Polls `probe` until it returns a value (not undefined) or the deadline passes. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, deadlineMs: number): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Timed out after ${deadlineMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ""}`);
}

export interface Answer {
  path: string;
  status: number;
  startedAt: number;
  cache?: string;
  body: string;
  at: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

export function fetchAnswer(baseURL: string, pathname: string): Promise<Answer> {
  const startedAt = Date.now();
  return new Promise((resolve) => {
    const request = http.get(`${baseURL}${pathname}`, { agent, timeout: 15_000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          path: pathname,
          status: response.statusCode ?? 0,
          cache: response.headers["x-newsdesk-cache"] as string | undefined,
          body: Buffer.concat(chunks).toString(),
          startedAt,
          at: Date.now(),
        }),
      );
    });
    request.on("timeout", () => request.destroy(new Error("timeout")));
    request.on("error", (error) => resolve({ path: pathname, status: 0, body: String(error), startedAt, at: Date.now() }));
  });
}

/** Readers asking for `pick(i)`, `concurrency` at a time, until stopped; every answer is kept. */
export function startLoad(baseURL: string, pick: (i: number) => string, concurrency: number) {
  const answers: Answer[] = [];
  let isRunning = true;
  const loops = Array.from({ length: concurrency }, async (_unused, index) => {
    for (let i = index; isRunning; i += concurrency) answers.push(await fetchAnswer(baseURL, pick(i)));
  });
  return {
    answers,
    async stop(): Promise<Answer[]> {
      isRunning = false;
      await Promise.all(loops);
      return answers;
    },
  };
}

/** Asks for `pathname` until this server has it cached (a HIT). */
export async function warm(baseURL: string, pathname: string): Promise<void> {
  await waitFor(`${pathname} to be cached`, async () => ((await fetchAnswer(baseURL, pathname)).cache === "HIT" ? true : undefined), 30_000);
}
