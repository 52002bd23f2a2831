/**
 * `npm test`: every check, in the order that fails fastest.
 *   browser → typecheck → lint → unit/integration on PGlite → the same on
 *   PostgreSQL → next build → Playwright journeys.
 * PostgreSQL is TEST_DATABASE_URL / DATABASE_URL / postgres://postgres@127.0.0.1:5432/test;
 * when unreachable that step is skipped with a warning, unless
 * NEWSDESK_REQUIRE_POSTGRES=1 (CI) makes it a failure.
 */
import { spawnSync } from "node:child_process";
import pg from "pg";
import { getPostgresAdminUrl } from "../../lib/testing/test-db-kind";

interface Step {
  name: string;
  command: string[];
  env?: Record<string, string>;
}

async function isPostgresReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<number> {
  const env = { NEXT_TELEMETRY_DISABLED: "1" };
  const steps: Step[] = [
    { name: "browser", command: ["tsx", "e2e/support/ensure-browser.ts"] },
    { name: "typecheck", command: ["tsc", "--noEmit", "-p", "."] },
    { name: "lint", command: ["eslint", "."] },
    { name: "unit+integration (PGlite)", command: ["vitest", "run"], env: { NEWSDESK_TEST_DB: "pglite" } },
  ];
  const pgUrl = getPostgresAdminUrl();
  if (await isPostgresReachable(pgUrl)) {
    steps.push({ name: "unit+integration (PostgreSQL)", command: ["vitest", "run"], env: { NEWSDESK_TEST_DB: "postgres", TEST_DATABASE_URL: pgUrl } });
  } else if (process.env.NEWSDESK_REQUIRE_POSTGRES === "1") {
    console.error(`PostgreSQL is required (NEWSDESK_REQUIRE_POSTGRES=1) but unreachable at ${pgUrl}`);
    return 1;
  } else {
    console.warn(`\n!! Skipping the PostgreSQL run: nothing answers at ${pgUrl} (set TEST_DATABASE_URL).\n`);
  }
  steps.push({ name: "next build", command: ["next", "build"] });
  steps.push({ name: "e2e (Playwright)", command: ["playwright", "test"] });

  const timings: string[] = [];
  const started = Date.now();
  for (const step of steps) {
    console.log(`\n=== ${step.name} ===`);
    const t0 = Date.now();
    const [command, ...args] = step.command;
    const result = spawnSync("npx", ["--no-install", command as string, ...args], {
      stdio: "inherit",
      env: { ...process.env, ...env, ...step.env },
    });
    timings.push(`${step.name.padEnd(32)} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    if (result.status !== 0) {
      console.error(`\n✗ ${step.name} failed.\n${timings.join("\n")}`);
      return result.status ?? 1;
    }
  }
  console.log(`\n✓ All tests passed in ${((Date.now() - started) / 1000).toFixed(1)} s\n${timings.join("\n")}`);
  return 0;
}

main().then((code) => process.exit(code));
