import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { createPrismaClient } from "../../lib/db/connect";
import { applyMigrations } from "../../prisma/tools/migrations";
import { seedDatabase } from "../../prisma/seed/seed-database";
import { insertBenchArticles } from "./bench-data";

/** Benchmark plumbing: a throwaway database, the build, the server under test. */
const root = path.resolve(import.meta.dirname, "../..");

function databaseServerUrl(): string {
  return process.env.BENCH_DATABASE_SERVER || process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export async function createBenchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const server = databaseServerUrl();
  const name = `newsdesk_bench_${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = withDatabase(server, name);
  return {
    url,
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

export async function fillDatabase(url: string, articleCount: number): Promise<void> {
  const factory = new PrismaPg({ connectionString: url });
  await applyMigrations(factory);
  const db = createPrismaClient({ factory, close: async () => {} });
  await seedDatabase(db);
  await db.$disconnect();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await insertBenchArticles(client, articleCount);
  const { rows } = await client.query<{ count: string }>(`SELECT count(*) FROM "Article" WHERE status = 'PUBLISHED'`);
  await client.end();
  console.log(`  ${rows[0]?.count} published stories`);
}

export function build(): void {
  if (process.env.BENCH_SKIP_BUILD === "1" && fs.existsSync(path.join(root, ".next/BUILD_ID"))) {
    console.log("  BENCH_SKIP_BUILD=1: using the existing .next build");
    return;
  }
  const result = spawnSync("npx", ["--no-install", "next", "build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error("next build failed");
}

/**
 * One GET on a connection of its own, closed after. The benchmark blocks its
 * event loop in spawnSync(autocannon) for longer than the server's
 * keep-alive timeout, so a pooled connection (fetch's) would be found closed
 * by the server only when reused.
 */
export function getOnce(url: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false, headers: { connection: "close" } }, (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
        response.on("error", reject);
      })
      .on("error", reject);
  });
}

export async function startServer(port: number, databaseUrl: string, extraEnv: Record<string, string>): Promise<ChildProcess> {
  const origin = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [path.join(root, "lib/server/start-server.mjs"), "-p", String(port)], {
    cwd: root,
    env: { ...process.env, ...extraEnv, DATABASE_URL: databaseUrl, NEWSDESK_SITE_URL: `http://localhost:${port}`, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited:\n${output}`);
    try {
      const response = await getOnce(`${origin}/`);
      // Ready once the cache front vouches for freshness (or is off by configuration).
      const cache = response.headers["x-newsdesk-cache"];
      if (response.status === 200 && (cache === "HIT" || cache === "MISS" || extraEnv.NEWSDESK_PAGE_CACHE_MB === "0")) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not become ready:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  if (server.exitCode === null) server.kill("SIGKILL");
}

/** Memory of the server: its process and, under NEWSDESK_WORKERS > 1, every worker process. */
export function memoryOf(pid: number | undefined): { rssMb: number; peakMb: number; processes: number } {
  const pids = pid ? [pid, ...childrenOf(pid)] : [];
  let rssMb = 0;
  let peakMb = 0;
  for (const id of pids) {
    const status = fs.readFileSync(`/proc/${id}/status`, "utf8");
    const read = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024;
    rssMb += read("VmRSS");
    peakMb += read("VmHWM");
  }
  return { rssMb, peakMb, processes: pids.length };
}

function childrenOf(pid: number): number[] {
  try {
    return fs
      .readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}
