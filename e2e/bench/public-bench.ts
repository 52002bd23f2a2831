/**
 * `npm run bench:public`: how fast the public site answers, cached and not.
 *
 * 1. Creates its own PostgreSQL database (newsdesk_bench_<random> on
 *    BENCH_DATABASE_SERVER, default TEST_DATABASE_URL's server), migrates,
 *    seeds the demo content and bulk-inserts BENCH_ARTICLES (10,000) stories.
 * 2. Builds the app (`next build`; BENCH_SKIP_BUILD=1 reuses .next).
 * 3. Starts the production server (`npm start`'s lib/server/start-server.mjs,
 *    on PostgreSQL one worker process per core unless NEWSDESK_WORKERS says
 *    otherwise) on BENCH_PORT (3210) and runs autocannon against a static file (the
 *    ceiling: a CSS chunk the same server serves), the home page, an
 *    article, /feed.xml and a search, at 20 and 100 connections,
 *    BENCH_DURATION (10) seconds each.
 * 4. Restarts it with the page cache off (NEWSDESK_PAGE_CACHE_MB=0), warms
 *    it up and measures the dynamic pages again: the render path every cache
 *    miss takes.
 * 5. Prints req/s, p50/p99 latency, each as a ratio to the static ceiling of
 *    the same run, and the server's memory; drops the database.
 */
import { spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { referenceStory } from "../../prisma/seed/reference-story";
import { build, createBenchDatabase, fillDatabase, getOnce, memoryOf, startServer, stopServer } from "./bench-server";

const root = path.resolve(import.meta.dirname, "../..");
const port = Number(process.env.BENCH_PORT ?? 3210);
const durationSeconds = Number(process.env.BENCH_DURATION ?? 10);
const articleCount = Number(process.env.BENCH_ARTICLES ?? 10_000);
const connectionCounts = [20, 100];
const origin = `http://127.0.0.1:${port}`;

interface Target {
  name: string;
  path: string;
  isDynamic: boolean;
}

interface Measurement {
  target: string;
  mode: "cached" | "no page cache";
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  failures: number;
}

function autocannon(url: string, connections: number, seconds: number): { requestsPerSecond: number; p50: number; p99: number; failures: number } {
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/autocannon/autocannon.js"), "-c", String(connections), "-d", String(seconds), "--json", url], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`autocannon failed: ${result.stderr}`);
  const data = JSON.parse(result.stdout) as {
    requests: { average: number };
    latency: { p50: number; p99: number };
    non2xx: number;
    errors: number;
    timeouts: number;
  };
  return { requestsPerSecond: data.requests.average, p50: data.latency.p50, p99: data.latency.p99, failures: data.non2xx + data.errors + data.timeouts };
}

/**
 * Checks every target answers, then loads each for `seconds` at 20
 * connections: a fresh server process needs a few thousand renders before
 * its JIT settles (the first 10 s of rendering run about 30% slower), and a
 * server that has been up for a while is what readers meet.
 */
async function warm(targets: Target[], seconds: number): Promise<void> {
  for (const target of targets) {
    const response = await getOnce(`${origin}${target.path}`);
    if (response.status !== 200) throw new Error(`${target.path} answered ${response.status}`);
    autocannon(`${origin}${target.path}`, 20, seconds);
  }
}

async function findStaticAsset(): Promise<string> {
  const html = (await getOnce(`${origin}/`)).body;
  const href = /<link rel="stylesheet" href="(\/_next\/static\/[^"]+\.css)"/.exec(html)?.[1];
  if (!href) throw new Error("no stylesheet found on the home page");
  return href;
}

function measure(targets: Target[], mode: Measurement["mode"]): Measurement[] {
  const results: Measurement[] = [];
  for (const target of targets) {
    for (const connections of connectionCounts) {
      process.stdout.write(`  ${mode.padEnd(13)} ${target.name.padEnd(14)} ${String(connections).padStart(3)} connections … `);
      const result = autocannon(`${origin}${target.path}`, connections, durationSeconds);
      console.log(`${Math.round(result.requestsPerSecond)} req/s`);
      results.push({ target: target.name, mode, connections, ...result });
    }
  }
  return results;
}

function printTable(results: Measurement[], memory: Record<string, ReturnType<typeof memoryOf>>): void {
  const ceiling = new Map(results.filter((r) => r.target === "static file").map((r) => [r.connections, r.requestsPerSecond]));
  const rows = results.map((r) => [
    r.target,
    r.mode,
    String(r.connections),
    Math.round(r.requestsPerSecond).toLocaleString("en-US"),
    r.p50.toFixed(0),
    r.p99.toFixed(0),
    `${Math.round((r.requestsPerSecond / (ceiling.get(r.connections) ?? Number.NaN)) * 100)}%`,
    r.failures ? String(r.failures) : "",
  ]);
  const header = ["target", "mode", "conns", "req/s", "p50 ms", "p99 ms", "vs static", "errors"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => (i >= 2 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join(" | ")} |`;
  console.log(`\n${line(header)}\n|${widths.map((w, i) => (i >= 2 ? `${"-".repeat(w + 1)}:` : `${"-".repeat(w + 2)}`)).join("|")}|`);
  for (const row of rows) console.log(line(row));
  console.log("");
  for (const [mode, m] of Object.entries(memory)) {
    const processes = m.processes > 1 ? ` (${m.processes} processes: supervisor and ${m.processes - 1} workers, summed)` : "";
    console.log(`server memory (${mode}): ${m.rssMb.toFixed(0)} MB RSS after the run, ${m.peakMb.toFixed(0)} MB peak${processes}`);
  }

  const check = (label: string, ok: boolean) => console.log(`${ok ? "✓" : "✗"} ${label}`);
  const at20 = (target: string, mode: Measurement["mode"]) => results.find((r) => r.target === target && r.mode === mode && r.connections === 20);
  const staticAt20 = ceiling.get(20) ?? Number.NaN;
  console.log("");
  for (const target of ["article page", "home page"]) {
    const cached = at20(target, "cached");
    const bypass = at20(target, "no page cache");
    if (cached) check(`${target}, cached, 20 connections: ≥ 50% of the static ceiling and p99 < 50 ms`, cached.requestsPerSecond >= 0.5 * staticAt20 && cached.p99 < 50);
    if (bypass) check(`${target}, page cache off, 20 connections: ≥ 300 req/s`, bypass.requestsPerSecond >= 300);
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  console.log(`Public site benchmark: ${articleCount.toLocaleString("en-US")} stories, ${durationSeconds} s per run, port ${port}, NEWSDESK_WORKERS=${process.env.NEWSDESK_WORKERS ?? "auto"}`);
  console.log("• database");
  const database = await createBenchDatabase();
  let server: ChildProcess | undefined;
  try {
    await fillDatabase(database.url, articleCount);
    console.log("• build");
    build();
    const targets: Target[] = [
      { name: "static file", path: "", isDynamic: false },
      { name: "home page", path: "/", isDynamic: true },
      { name: "article page", path: `/news/${referenceStory.section}/${referenceStory.slug}`, isDynamic: true },
      { name: "/feed.xml", path: "/feed.xml", isDynamic: true },
      { name: "search", path: "/search?q=energy+minister", isDynamic: true },
    ];
    const memory: Record<string, ReturnType<typeof memoryOf>> = {};

    console.log("• page cache on");
    server = await startServer(port, database.url, {});
    const staticTarget = targets[0];
    if (staticTarget) staticTarget.path = await findStaticAsset();
    await warm(targets, 3);
    const results = measure(targets, "cached");
    memory["page cache on"] = memoryOf(server.pid);
    await stopServer(server);

    console.log("• page cache off (every request renders)");
    server = await startServer(port, database.url, { NEWSDESK_PAGE_CACHE_MB: "0" });
    const dynamic = targets.filter((t) => t.isDynamic);
    await warm(dynamic, Math.max(durationSeconds, 5));
    results.push(...measure(dynamic, "no page cache"));
    memory["page cache off"] = memoryOf(server.pid);
    await stopServer(server);
    server = undefined;

    printTable(results, memory);
    console.log(`\n${os()} — finished in ${Math.round((Date.now() - started) / 1000)} s`);
  } finally {
    if (server) await stopServer(server);
    await database.drop();
  }
}

function os(): string {
  const cpus = spawnSync("nproc", { encoding: "utf8" }).stdout.trim();
  const load = fs.existsSync("/proc/loadavg") ? fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ") : "?";
  return `node ${process.version}, ${cpus} CPUs, load average ${load}`;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
