import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { e2eDataDir, e2ePort, freshnessTarget, plainNextDataDir, plainNextPort } from "./e2e/support/e2e-env";

const baseURL = `http://localhost:${e2ePort}`;
const freshness = freshnessTarget();

// Playwright's own browser download is unreachable offline; Debian's chromium works.
const chromiumPath = process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

// The test process plays one trusted proxy in front of the servers: a
// journey's X-Forwarded-For entry stands for its own reader, so parallel
// journeys are distinct clients for the per-address limits. Anything further
// left is what a client forged, and is ignored (e2e/two-factor.spec.ts).
// Production's default is 0: no proxy, X-Forwarded-For ignored entirely.
const serverEnv = { NEWSDESK_SITE_URL: baseURL, NEXT_TELEMETRY_DISABLED: "1", NEWSDESK_TRUSTED_PROXY_HOPS: "1" };

/**
 * User journeys against the built app (`next build`, then the production
 * server, lib/server/start-server.mjs, with its page cache) on a fresh
 * embedded database of their own (never the developer's .data/pglite).
 * Freshness journeys get a second server on PostgreSQL (two worker
 * processes), and the reader
 * journeys of public-site.spec.ts also run against plain `next start`
 * (e2e/support/e2e-env.ts).
 */
export default defineConfig({
  testDir: "e2e",
  testIgnore: ["bench/**"],
  outputDir: "test-results",
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : [["list"]],
  globalTeardown: "./e2e/support/global-teardown.ts",
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"] },
      dependencies: ["setup"],
      testIgnore: [/.*\.setup\.ts/, /two-factor-policy\.spec\.ts/],
    },
    // Requiring two-factor changes every admin's and editor's next sign-in:
    // it runs alone, after every other journey, and turns the setting off again.
    {
      name: "two-factor-policy",
      use: { ...devices["Desktop Chrome"] },
      dependencies: ["chromium"],
      testMatch: /two-factor-policy\.spec\.ts/,
    },
    {
      name: "next-start",
      use: { ...devices["Desktop Chrome"], baseURL: `http://localhost:${plainNextPort}` },
      testMatch: /public-site\.spec\.ts/,
    },
  ],
  webServer: [
    {
      command: `tsx e2e/support/prepare-database.ts && node lib/server/start-server.mjs -p ${e2ePort}`,
      url: `${baseURL}/`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: { ...serverEnv, NEWSDESK_DATA_DIR: e2eDataDir, DATABASE_URL: process.env.E2E_DATABASE_URL ?? "" },
    },
    {
      command: `tsx e2e/support/prepare-database.ts && next start -p ${plainNextPort}`,
      url: `http://localhost:${plainNextPort}/`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "pipe" as const,
      stderr: "pipe" as const,
      env: { ...serverEnv, NEWSDESK_SITE_URL: `http://localhost:${plainNextPort}`, NEWSDESK_DATA_DIR: plainNextDataDir, DATABASE_URL: "" },
    },
    ...(freshness?.isOwnServer
      ? [
          {
            command: `tsx e2e/support/prepare-database.ts && node lib/server/start-server.mjs -p ${freshness.port}`,
            url: `${freshness.baseURL}/`,
            timeout: 180_000,
            reuseExistingServer: false,
            stdout: "pipe" as const,
            stderr: "pipe" as const,
            // Two worker processes, as `npm start` runs on PostgreSQL on a 2-core
            // machine: every change must reach the page cache of each.
            env: { ...serverEnv, NEWSDESK_SITE_URL: freshness.baseURL, DATABASE_URL: freshness.databaseUrl, NEWSDESK_WORKERS: "2" },
          },
        ]
      : []),
  ],
});
