import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import AxeBuilder from "@axe-core/playwright";
import { type Page } from "@playwright/test";
import pg from "pg";
import { findPostgresBinaries, ThrowawayPostgres } from "../lib/testing/throwaway-postgres";
import { expect, test } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { EditorPage, uniqueTitle } from "./pages/editor-page";
import { demoAccount } from "./support/demo-users";
import { e2ePort } from "./support/e2e-env";

/*
 * Issue 10, observed fault 5: an explicit Save during a database outage must
 * be kept and retried until the database is back. This spec runs its own
 * PostgreSQL (ThrowawayPostgres: initdb into a temporary folder, its own
 * port) and its own production server on E2E_PORT + 5, so it can stop and
 * start the database without touching anyone else's. Skipped, with the
 * reason printed, where the PostgreSQL server binaries are missing.
 */

const port = e2ePort + 5;
const baseURL = `http://localhost:${port}`;
const binaries = findPostgresBinaries();

test.describe.configure({ mode: "serial" });
test.skip(!binaries.ok, binaries.ok ? "" : `no throwaway PostgreSQL: ${binaries.reason}`);
if (!binaries.ok) console.log(`[editor-outage] skipped: ${binaries.reason}`);

let cluster: ThrowawayPostgres | undefined;
let server: ChildProcess | undefined;
let serverLog = "";

test.beforeAll(async () => {
  test.setTimeout(240_000);
  if (!binaries.ok) return;
  cluster = await ThrowawayPostgres.create(binaries.binaries);
  const databaseUrl = cluster.url("newsdesk");
  const env = { ...process.env, DATABASE_URL: databaseUrl, NEWSDESK_SITE_URL: baseURL, NEXT_TELEMETRY_DISABLED: "1" };
  const prepared = spawnSync("npx", ["tsx", "e2e/support/prepare-database.ts"], { env, encoding: "utf8" });
  if (prepared.status !== 0) throw new Error(`preparing the database failed:\n${prepared.stdout}\n${prepared.stderr}`);
  server = spawn(process.execPath, ["lib/server/start-server.mjs", "-p", String(port)], { env: { ...env, NEWSDESK_WORKERS: "1" } });
  server.stdout?.on("data", (chunk: Buffer) => (serverLog += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (serverLog += chunk.toString()));
  // Ready when it answers; fetch() waits on the server, not on a timer of ours.
  await expect
    .poll(async () => (await fetch(`${baseURL}/login`).catch(() => null))?.status ?? 0, { timeout: 120_000, message: "the outage server did not start" })
    .toBe(200);
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
  cluster?.destroy();
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach("server log", { body: serverLog, contentType: "text/plain" });
  // Each journey starts with the database up.
  if (cluster && !cluster.isStarted) cluster.start();
});

async function signIn(page: Page): Promise<EditorPage> {
  const login = new LoginPage(page);
  await page.goto(`${baseURL}/login?callbackUrl=/admin`);
  const editor = demoAccount("editor");
  await login.signIn(editor.email, editor.password);
  await expect(page).toHaveURL(`${baseURL}/admin`);
  return new EditorPage(page);
}

async function openNewStory(editor: EditorPage, title: string): Promise<string> {
  await editor.page.goto(`${baseURL}/admin/articles/new`);
  await expect(editor.title).toBeEnabled();
  const id = await editor.writeStory({ title, body: "The first paragraph." });
  await expect(editor.page.getByTestId("article-version")).toHaveText(/\b1\b/);
  return id;
}

async function localCopy(page: Page): Promise<string> {
  return page.evaluate(() => Object.entries(localStorage).find(([key]) => key.startsWith("newsdesk:draft:"))?.[1] ?? "");
}

const BANNER = "The database is unavailable — your text is kept in this browser and will be saved when it's back.";

test("a Save pressed while the database is down is kept, announced, and saved with the right version when it is back", async ({ browser }) => {
  const context = await browser.newContext({ baseURL });
  const editor = await signIn(await context.newPage());
  const id = await openNewStory(editor, uniqueTitle("Outage save"));

  cluster?.stop("fast");
  await editor.summary.fill("Written while the database was down.");
  await editor.saveButton.click();

  const banner = editor.page.getByTestId("outage-banner");
  await expect(banner).toBeVisible();
  await expect(banner).toHaveRole("alert");
  await expect(banner).toContainText(BANNER);
  const axe = await new AxeBuilder({ page: editor.page }).include('[data-testid="outage-banner"]').analyze();
  expect(axe.violations).toEqual([]);
  await expect(editor.saveStatus).toHaveText("Database unavailable — changes kept locally");
  expect(await localCopy(editor.page)).toContain("Written while the database was down.");

  // Typing goes on during the outage; the queued save takes the latest text.
  await editor.lead.fill("A lead typed during the outage, Report informs.");
  await expect.poll(() => localCopy(editor.page)).toContain("A lead typed during the outage");

  cluster?.start();
  // The queue retries on its own (backoff, at most 30 s): no click needed.
  await expect(editor.notice).toHaveText("Saved as version 2.", { timeout: 45_000 });
  await expect(banner).toHaveCount(0);
  await expect(editor.saveStatus).toHaveText(/^Saved \d\d:\d\d:\d\d$/);
  expect(await localCopy(editor.page)).toBe("");

  await editor.page.goto(`${baseURL}/admin/articles/${id}`);
  await editor.waitUntilEditable();
  await expect(editor.page.getByRole("heading", { name: "Unsaved changes found" })).toHaveCount(0);
  await expect(editor.summary).toHaveValue("Written while the database was down.");
  await expect(editor.lead).toHaveValue("A lead typed during the outage, Report informs.");
  await expect(editor.page.getByTestId("article-version")).toHaveText(/\b2\b/);
  await context.close();
});

test("a queued Save that meets someone else's newer version lands in the conflict view, with nothing lost", async ({ browser }) => {
  const context = await browser.newContext({ baseURL });
  const editor = await signIn(await context.newPage());
  const id = await openNewStory(editor, uniqueTitle("Outage conflict"));

  cluster?.stop("fast");
  await editor.summary.fill("My summary, typed during the outage.");
  await editor.saveButton.click();
  await expect(editor.page.getByTestId("outage-banner")).toBeVisible();

  // Hold this browser back while the database returns and someone else saves version 2.
  await context.setOffline(true);
  cluster?.start();
  const client = new pg.Client({ connectionString: cluster?.url("newsdesk") });
  await client.connect();
  await client.query(`UPDATE "Article" SET version = version + 1, summary = 'Their summary, saved elsewhere.' WHERE id = $1`, [id]);
  await client.end();
  await context.setOffline(false); // "online": the queue retries at once

  await expect(editor.conflict).toBeVisible({ timeout: 45_000 });
  await expect(editor.page.getByTestId("outage-banner")).toHaveCount(0);
  await expect(editor.conflict).toContainText("Their summary, saved elsewhere.");
  await expect(editor.summary).toHaveValue("My summary, typed during the outage.");
  expect(await localCopy(editor.page)).toContain("My summary, typed during the outage.");
  await context.close();
});
