import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { e2eDataDir, e2ePort } from "./e2e/support/e2e-env";

const baseURL = `http://localhost:${e2ePort}`;

// Playwright's own browser download is unreachable offline; Debian's chromium works.
const chromiumPath = process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

/**
 * User journeys against `next build && next start` on a fresh embedded
 * database of their own (never the developer's .data/pglite).
 */
export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : [["list"]],
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
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"], testIgnore: /.*\.setup\.ts/ },
  ],
  webServer: {
    command: `tsx e2e/support/prepare-database.ts && next start -p ${e2ePort}`,
    url: `${baseURL}/`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      NEWSDESK_DATA_DIR: e2eDataDir,
      NEWSDESK_SITE_URL: baseURL,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
    },
  },
});
