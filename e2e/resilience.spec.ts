import { expect, test } from "@playwright/test";
import pg from "pg";
import type { ThrowawayPostgres } from "../lib/testing/throwaway-postgres";
import {
  createDatabase,
  createPostgres,
  fetchAnswer,
  migrateAndSeed,
  pgCtl,
  postgresBinariesOrSkipReason,
  startLoad,
  startServer,
  waitFor,
  warm,
  type Answer,
  type RunningServer,
} from "./support/fault-server";
import { EditorPage } from "./pages/editor-page";
import { LoginPage } from "./pages/login-page";
import { demoAccount } from "./support/demo-users";

/**
 * Database faults, injected on a PostgreSQL cluster of the test's own with a
 * server of its own (one worker, so "cached" means cached in the process
 * that answers): readers of cached pages must not notice, the rest get a
 * readable 503, nobody a 500, and it all recovers by itself.
 */
const binaries = postgresBinariesOrSkipReason();
const STORY = "/news/foreign-policy/azerbaijan-and-serbia-hold-political-consultations";
const CACHED = ["/", STORY, "/news/foreign-policy", "/feed.xml"];
const OUTAGE_TEXT = "We'll be back in a moment";

function summarise(answers: Answer[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const answer of answers) counts[`${answer.status} ${answer.cache ?? "-"}`] = (counts[`${answer.status} ${answer.cache ?? "-"}`] ?? 0) + 1;
  return counts;
}

/**
 * How long after `since` (the database accepting connections again) the
 * server started answering fresh: the start of the first request answered
 * 200 by a real render. Measured at the request's start, so that how long
 * the render itself takes on a busy machine does not count as downtime.
 */
async function whenFresh(server: RunningServer, since: number): Promise<{ recoveryMs: number; answeredMs: number }> {
  let n = 0;
  const answer = await waitFor(
    "an uncached page to render again",
    async () => {
      const attempt = await fetchAnswer(server.baseURL, `/search?q=back${n++}`);
      return attempt.status === 200 ? attempt : undefined;
    },
    15_000,
  );
  return { recoveryMs: Math.max(0, answer.startedAt - since), answeredMs: answer.at - since };
}

test.describe("riding out a database outage", () => {
  test.skip(!binaries.ok, `needs the PostgreSQL server binaries: ${binaries.ok ? "" : binaries.reason}`);
  test.describe.configure({ mode: "serial", timeout: 180_000 });
  test.use({ javaScriptEnabled: false });

  let cluster: ThrowawayPostgres | undefined;
  let server: RunningServer | undefined;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    cluster = await createPostgres();
    const url = await createDatabase(cluster, "newsdesk");
    migrateAndSeed(url);
    server = await startServer(url);
    const { baseURL } = server;
    await waitFor("the server to be ready", async () => ((await fetchAnswer(baseURL, "/readyz")).status === 200 ? true : undefined), 120_000);
    for (const path of CACHED) await warm(baseURL, path);
  });

  test.afterAll(async () => {
    await server?.stop();
    cluster?.destroy();
  });

  test("a 10-second stop under load: cached pages answer 200 throughout, others a readable 503, never a 500", async ({ page }) => {
    const live = server as RunningServer;
    const cachedLoad = startLoad(live.baseURL, (i) => CACHED[i % CACHED.length] as string, 4);
    const uncachedLoad = startLoad(live.baseURL, (i) => `/search?q=outage${i}`, 2);
    await waitFor("some answers before the fault", async () => (cachedLoad.answers.length > 20 ? true : undefined), 20_000);

    await pgCtl(cluster as ThrowawayPostgres, "stop");
    const stoppedAt = Date.now();
    // A reader (without JavaScript) asking for a page nobody cached gets a page, not an error.
    const response = await page.goto(`${live.baseURL}/search?q=during-the-outage`);
    expect(response?.status()).toBe(503);
    expect(response?.headers()["retry-after"]).toBeTruthy();
    expect(response?.headers()["content-security-policy"]).toContain("default-src 'self'");
    expect(response?.headers()["x-content-type-options"]).toBe("nosniff");
    await expect(page.getByRole("heading", { name: OUTAGE_TEXT })).toBeVisible();
    await expect(page.getByRole("link", { name: "Newsdesk" })).toBeVisible();
    await new Promise((resolve) => setTimeout(resolve, 10_000 - (Date.now() - stoppedAt)));
    const restartingAt = Date.now();
    await pgCtl(cluster as ThrowawayPostgres, "start");
    const { recoveryMs, answeredMs } = await whenFresh(live, Date.now());

    const cached = await cachedLoad.stop();
    const uncached = await uncachedLoad.stop();
    const during = (answers: Answer[]) => answers.filter((a) => a.startedAt > stoppedAt && a.at < restartingAt);
    console.log(`10 s stop: cached ${JSON.stringify(summarise(during(cached)))}, uncached ${JSON.stringify(summarise(during(uncached)))}; fresh again ${recoveryMs} ms after start (answered after ${answeredMs} ms)`);
    expect(during(cached).length).toBeGreaterThan(50);
    expect(during(cached).filter((a) => a.status !== 200)).toEqual([]);
    expect(during(cached).every((a) => a.cache === "STALE" || a.cache === "HIT")).toBe(true);
    expect(during(uncached).length).toBeGreaterThan(5);
    expect(during(uncached).filter((a) => a.status !== 503 || !a.body.includes(OUTAGE_TEXT))).toEqual([]);
    expect([...cached, ...uncached].filter((a) => a.status >= 500 && a.status !== 503)).toEqual([]);
    expect([...cached, ...uncached].filter((a) => a.status === 0)).toEqual([]);
    expect(recoveryMs).toBeLessThan(2000);
  });

  test("a restart under load: cached pages throughout, a bounded blip for the rest, fresh pages again within 2 seconds", async () => {
    const live = server as RunningServer;
    for (const path of CACHED) await warm(live.baseURL, path);
    const cachedLoad = startLoad(live.baseURL, (i) => CACHED[i % CACHED.length] as string, 4);
    const uncachedLoad = startLoad(live.baseURL, (i) => `/search?q=restart${i}`, 2);
    await waitFor("some answers before the fault", async () => (cachedLoad.answers.length > 20 ? true : undefined), 20_000);

    const restartAt = Date.now();
    await pgCtl(cluster as ThrowawayPostgres, "stop");
    await pgCtl(cluster as ThrowawayPostgres, "start");
    const restartedAt = Date.now();
    const { recoveryMs, answeredMs } = await whenFresh(live, restartedAt);
    // Readers keep coming for another second after recovery.
    const until = Date.now() + 1000;
    await waitFor("a second of load after recovery", async () => (Date.now() > until ? true : undefined), 5000);

    const cached = await cachedLoad.stop();
    const uncached = await uncachedLoad.stop();
    const errors = uncached.filter((a) => a.status !== 200);
    console.log(
      `restart (${restartedAt - restartAt} ms): cached ${JSON.stringify(summarise(cached))}, uncached ${JSON.stringify(summarise(uncached))}; fresh again ${recoveryMs} ms after (answered after ${answeredMs} ms)`,
    );
    expect(cached.filter((a) => a.status !== 200)).toEqual([]);
    expect([...cached, ...uncached].filter((a) => a.status >= 500 && a.status !== 503)).toEqual([]);
    expect([...cached, ...uncached].filter((a) => a.status === 0)).toEqual([]);
    // Errors only while the database was away (plus the moment it takes to notice it is back).
    expect(errors.filter((a) => a.startedAt > restartedAt + 2000)).toEqual([]);
    expect(recoveryMs).toBeLessThan(2000);
  });
});

test.describe("starting before the database exists", () => {
  test.skip(!binaries.ok, `needs the PostgreSQL server binaries: ${binaries.ok ? "" : binaries.reason}`);
  test.describe.configure({ timeout: 240_000 });

  test("answers 503 (never 500) and says why, then serves normally once the database is created, migrated and seeded — no restart", async () => {
    const cluster = await createPostgres();
    let server: RunningServer | undefined;
    try {
      const url = cluster.url("newsdesk_later");
      server = await startServer(url);
      const live = server;
      const notReady = await waitFor("/readyz to answer", async () => {
        const answer = await fetchAnswer(live.baseURL, "/readyz");
        return answer.status === 503 ? answer : undefined;
      }, 120_000);
      expect(JSON.parse(notReady.body)).toMatchObject({ status: "unavailable", reason: expect.stringContaining("does not exist") });
      expect((await fetchAnswer(live.baseURL, "/healthz")).status).toBe(200);
      const home = await fetchAnswer(live.baseURL, "/");
      expect(home.status).toBe(503);
      expect(home.body).toContain(OUTAGE_TEXT);
      await waitFor("the log to say it waits", async () => (live.output().includes("waiting for the database") ? true : undefined), 10_000);
      expect(live.output()).not.toContain("Newsdesk ready");

      await createDatabase(cluster, "newsdesk_later");
      migrateAndSeed(url);
      await waitFor("/readyz to turn 200", async () => ((await fetchAnswer(live.baseURL, "/readyz")).status === 200 ? true : undefined), 10_000);
      const after = await waitFor("the home page", async () => {
        const answer = await fetchAnswer(live.baseURL, "/");
        return answer.status === 200 ? answer : undefined;
      }, 10_000);
      expect(after.body).toContain("Azerbaijan and Serbia");
      expect((await fetchAnswer(live.baseURL, STORY)).status).toBe(200);
      await waitFor("the log to say ready", async () => (live.output().includes("Newsdesk ready") ? true : undefined), 10_000);
      expect(live.output()).not.toMatch(/\n\s*at .*\.js:\d+/);
    } finally {
      await server?.stop();
      cluster.destroy();
    }
  });
});

test.describe("graceful shutdown", () => {
  test.skip(!binaries.ok, `needs the PostgreSQL server binaries: ${binaries.ok ? "" : binaries.reason}`);
  test.describe.configure({ timeout: 240_000 });

  test("SIGTERM in the middle of a save: the save is either complete or not there at all, and the server exits 0", async ({ page }) => {
    const cluster = await createPostgres();
    let server: RunningServer | undefined;
    try {
      const url = await createDatabase(cluster, "newsdesk");
      migrateAndSeed(url);
      server = await startServer(url);
      const live = server;
      await waitFor("the server to be ready", async () => ((await fetchAnswer(live.baseURL, "/readyz")).status === 200 ? true : undefined), 120_000);

      const admin = demoAccount("admin");
      await page.goto(`${live.baseURL}/login`);
      await new LoginPage(page).signIn(admin.email, admin.password);
      await page.waitForURL(/\/admin/);
      await page.goto(`${live.baseURL}/admin/articles/new`);
      const editor = new EditorPage(page);
      const id = await editor.writeStory({ title: "Before the shutdown" });
      const version = await editor.version();

      await editor.title.fill("Saved while the server was told to stop");
      const saving = page.waitForRequest(
        (request) => request.method() === "POST" && request.headers()["next-action"] !== undefined && (request.postData() ?? "").includes("told to stop"),
      );
      await editor.saveButton.click();
      await saving;
      const signalledAt = Date.now();
      live.process.kill("SIGTERM");
      const exit = await live.exited;
      expect(exit).toEqual({ code: 0, signal: null });
      expect(Date.now() - signalledAt).toBeLessThan(12_000);

      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query<{ title: string; version: number }>(`SELECT title, version FROM "Article" WHERE id = $1`, [id]);
        const { rows: revisions } = await client.query<{ title: string; version: number }>(
          `SELECT title, version FROM "ArticleRevision" WHERE "articleId" = $1 ORDER BY version`,
          [id],
        );
        const [article] = rows;
        if (article?.title === "Saved while the server was told to stop") {
          expect(article.version).toBe(version + 1);
          expect(revisions.at(-1)).toEqual({ title: article.title, version: version + 1 });
        } else {
          expect(article).toEqual({ title: "Before the shutdown", version });
          expect(revisions.at(-1)?.version).toBe(version);
        }
        console.log(`SIGTERM mid-save: ${article?.title === "Before the shutdown" ? "refused" : "completed"}; exited in ${Date.now() - signalledAt} ms`);
      } finally {
        await client.end();
      }
    } finally {
      await server?.stop();
      cluster.destroy();
    }
  });
});
