/**
 * `npm run bench:admin` — server-side latency of the newsroom's hot paths at
 * 1,000 and at 100,000 articles, on a fresh PostgreSQL database created for
 * the run and dropped at the end.
 *
 *   npm run bench:admin                   PostgreSQL (BENCH_DATABASE_URL or postgres://postgres@127.0.0.1:5432)
 *   npm run bench:admin -- --pglite       the same on in-memory PGlite
 *   npm run bench:admin -- --explain      also print the query plans at the largest size
 *   npm run bench:admin -- --sizes=1000,20000 --iterations=100
 *   npm run bench:admin -- --keep         leave the PostgreSQL database in place for psql
 *
 * It calls the real data-access functions in-process as a signed-in editor
 * (or author): e2e/bench/support swaps the cookie-reading session module for
 * a fixed user, nothing else.
 */
import { setDbForTesting } from "../../lib/db";
import { seedBenchAccounts, seedBenchArticles } from "./admin-bench-seed";
import { computeDeepCursor, listOperations, loadWriteOperations, type BenchContext, type BenchOperation } from "./admin-bench-operations";
import { explainOperations } from "./admin-bench-explain";
import { openPgliteBenchDatabase, openPostgresBenchDatabase, type BenchDatabase } from "./bench-database";
import { formatMs, measure, type LatencySummary } from "./bench-stats";

interface Options {
  isPglite: boolean;
  shouldExplain: boolean;
  /** Keep the database afterwards (for EXPLAIN sessions in psql). */
  shouldKeep: boolean;
  sizes: number[];
  iterations: number;
  warmup: number;
}

function readOptions(argv: string[]): Options {
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
  const sizes = (value("sizes") ?? "1000,100000").split(",").map(Number).filter((n) => n > 0).sort((a, b) => a - b);
  const iterations = Number(value("iterations") ?? 200);
  return { isPglite: argv.includes("--pglite"), shouldExplain: argv.includes("--explain"), shouldKeep: argv.includes("--keep"), sizes, iterations, warmup: Math.max(5, Math.round(iterations / 10)) };
}

type Results = Map<string, Map<number, LatencySummary | string>>;

async function runSize(ctx: BenchContext, operations: BenchOperation[], options: Options, results: Results) {
  for (const operation of operations) {
    const row = results.get(operation.name) ?? new Map<number, LatencySummary | string>();
    results.set(operation.name, row);
    const run = operation.run;
    if (!run) {
      row.set(ctx.size, operation.pendingReason ?? "n/a");
      continue;
    }
    try {
      const prepare = operation.prepare;
      const summary = await measure(
        (i, input) => run(ctx, i, input),
        options.iterations,
        options.warmup,
        prepare ? (i) => prepare(ctx, i) : undefined,
      );
      row.set(ctx.size, summary);
      console.log(`  ${operation.name.padEnd(58)} p50 ${formatMs(summary.p50).padStart(7)} ms   p95 ${formatMs(summary.p95).padStart(7)} ms`);
    } catch (error) {
      row.set(ctx.size, `error: ${(error as Error).message.split("\n")[0]}`);
      console.log(`  ${operation.name}: ${(error as Error).message}`);
    }
  }
}

function printTable(results: Results, operations: BenchOperation[], sizes: number[], database: BenchDatabase) {
  const size = (n: number) => n.toLocaleString("en-US");
  const header = ["Operation", ...sizes.flatMap((n) => [`p50 @ ${size(n)}`, `p95 @ ${size(n)}`, `mean @ ${size(n)}`]), "Target p95"];
  const lines = [`| ${header.join(" | ")} |`, `| ${header.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`];
  for (const operation of operations) {
    const row = results.get(operation.name);
    const cells = sizes.flatMap((n) => {
      const cell = row?.get(n);
      if (!cell || typeof cell === "string") return [cell ?? "–", "", ""];
      return [`${formatMs(cell.p50)} ms`, `${formatMs(cell.p95)} ms`, `${formatMs(cell.mean)} ms`];
    });
    lines.push(`| ${[operation.name, ...cells, `< ${operation.targetMs} ms`].join(" | ")} |`);
  }
  console.log(`\nAdmin benchmark on ${database.description}; ${new Date().toISOString()}\n`);
  console.log(lines.join("\n"));
}

async function main(): Promise<number> {
  const options = readOptions(process.argv.slice(2));
  const started = Date.now();
  const database = options.isPglite ? await openPgliteBenchDatabase() : await openPostgresBenchDatabase();
  console.log(`Benchmark database: ${database.description}`);
  const stop = async () => {
    await database.drop().catch(() => {});
    process.exit(130);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    setDbForTesting(database.client);
    const fixtures = await seedBenchAccounts(database.query);
    const operations = [...listOperations, ...(await loadWriteOperations())];
    const results: Results = new Map();
    let seeded = 0;
    for (const size of options.sizes) {
      const t0 = Date.now();
      await seedBenchArticles(database.query, fixtures, seeded + 1, size);
      seeded = size;
      await database.query(`VACUUM ANALYZE "Article"`);
      console.log(`\n${size.toLocaleString("en-US")} articles seeded and analysed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      const [prolific] = await database.query<{ authorId: string }>(
        `SELECT "authorId" FROM "Article" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
      );
      const ctx: BenchContext = {
        size,
        query: database.query,
        fixtures,
        editor: { id: fixtures.editorId, email: "bench0@newsdesk.test", name: "Bench Writer 0", role: "EDITOR" },
        author: { id: prolific?.authorId as string, email: "", name: "", role: "AUTHOR" },
        deepCursor: await computeDeepCursor(database.query, Math.min(49_950, size - 50)),
      };
      await runSize(ctx, operations, options, results);
      if (options.shouldExplain && size === options.sizes[options.sizes.length - 1]) await explainOperations(ctx, database);
    }
    printTable(results, operations, options.sizes, database);
    console.log(`\nTotal ${((Date.now() - started) / 1000).toFixed(0)} s (${options.iterations} timed calls per operation after ${options.warmup} warm-up calls)`);
    return 0;
  } finally {
    setDbForTesting(undefined);
    if (options.shouldKeep && database.kind === "postgres") {
      await database.release();
      console.log(`\nKept ${database.description.replace(", dropped at the end", "")}: drop it when done.`);
    } else {
      await database.drop();
    }
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
