import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "../../prisma/seed/seed-database";
import { applyMigrations } from "../../prisma/tools/migrations";
import { createPrismaClient, openAdapter } from "../db/connect";
import { type DatabaseContents, readDatabaseContents } from "../testing/database-contents";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { getTestDbKind } from "../testing/test-db-kind";
import { BackupError, EXIT } from "./backup-error";
import { detectBackupKind } from "./backup-file";
import { backupEmbedded, restoreEmbedded } from "./embedded-backup";
import { backupPostgres, findPgTool, restorePostgres } from "./postgres-backup";

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "newsdesk-backup-"));
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

async function pgliteContents(dataDir: string): Promise<DatabaseContents> {
  const pglite = await PGlite.create(dataDir);
  try {
    return await readDatabaseContents(async (sql) => (await pglite.query<Record<string, unknown>>(sql)).rows);
  } finally {
    await pglite.close();
  }
}

async function pgContents(url: string): Promise<DatabaseContents> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await readDatabaseContents(async (sql) => (await client.query<Record<string, unknown>>(sql)).rows);
  } finally {
    await client.end();
  }
}

function expectSeeded(contents: DatabaseContents): void {
  expect(contents.User?.length).toBeGreaterThanOrEqual(3);
  expect(contents.Article?.length).toBeGreaterThanOrEqual(31);
  expect(contents.ArticleRevision?.length).toBeGreaterThanOrEqual(contents.Article?.length ?? 1);
  expect(contents.Category?.length).toBeGreaterThan(0);
  expect(contents._prisma_migrations?.length).toBeGreaterThan(0);
}

async function rejection(promise: Promise<unknown>): Promise<BackupError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackupError);
  return error as BackupError;
}

// Each step opens a PGlite (a second or more); a busy machine makes that several.
describe.runIf(getTestDbKind() === "pglite")("embedded database backups", { timeout: 180_000 }, () => {
  const dataDir = path.join(workDir, "data", "pglite");
  const file = path.join(workDir, "embedded.tar.gz");
  let seeded: DatabaseContents;

  beforeAll(async () => {
    const opened = openAdapter({ kind: "pglite", dataDir });
    const client = createPrismaClient(opened);
    try {
      await applyMigrations(opened.factory);
      await seedDatabase(client);
    } finally {
      await client.$disconnect();
      await opened.close();
    }
    seeded = await pgliteContents(dataDir);
    expectSeeded(seeded);
  });

  it("backs up while the database is open (the holder makes the snapshot) and refuses to restore under it", async () => {
    const opened = openAdapter({ kind: "pglite", dataDir });
    const client = createPrismaClient(opened);
    try {
      await client.user.count(); // open and serving
      const result = await backupEmbedded(dataDir, file);
      expect(result.via).toBe("server");
      expect(detectBackupKind(file)).toBe("embedded");
      const refused = await rejection(restoreEmbedded(dataDir, file));
      expect(refused.exitCode).toBe(EXIT.busy);
      expect(refused.message).toContain("Stop it first");
      expect(await client.user.count()).toBe(seeded.User?.length);
    } finally {
      await client.$disconnect();
      await opened.close();
    }
  });

  it("restores every row over a changed database, and into an empty folder", async () => {
    const opened = openAdapter({ kind: "pglite", dataDir });
    const client = createPrismaClient(opened);
    try {
      await client.$executeRawUnsafe(`DELETE FROM "ArticleTag"`);
      await client.$executeRawUnsafe(`UPDATE "User" SET name = 'Changed after the backup'`);
      await client.$executeRawUnsafe(`UPDATE "Article" SET title = 'Changed after the backup'`);
      await client.$executeRawUnsafe(`DELETE FROM "Category" WHERE id NOT IN (SELECT "categoryId" FROM "Article" WHERE "categoryId" IS NOT NULL)`);
    } finally {
      await client.$disconnect();
      await opened.close();
    }
    expect(await pgliteContents(dataDir)).not.toEqual(seeded);

    const summary = await restoreEmbedded(dataDir, file);
    expect(summary.articles).toBe(seeded.Article?.length);
    expect(await pgliteContents(dataDir)).toEqual(seeded);
    expect(fs.readdirSync(path.dirname(dataDir)).sort()).toEqual(["pglite"]); // nothing left beside it

    fs.rmSync(dataDir, { recursive: true });
    await restoreEmbedded(dataDir, file);
    expect(await pgliteContents(dataDir)).toEqual(seeded);
  });

  it("backs up with no server running, and a damaged file leaves the database untouched", async () => {
    const offline = path.join(workDir, "offline.tar.gz");
    expect((await backupEmbedded(dataDir, offline)).via).toBe("direct");
    const damaged = path.join(workDir, "damaged.tar.gz");
    fs.writeFileSync(damaged, fs.readFileSync(offline).subarray(0, 100_000));
    const refused = await rejection(restoreEmbedded(dataDir, damaged));
    expect(refused.exitCode).toBe(EXIT.wrongKind);
    expect(await pgliteContents(dataDir)).toEqual(seeded);
    await restoreEmbedded(dataDir, offline);
    expect(await pgliteContents(dataDir)).toEqual(seeded);
  });

  it("takes a consistent snapshot from a process that is writing all the while", async () => {
    const liveDir = dataDir;
    const holder = spawn(path.resolve("node_modules/.bin/tsx"), ["lib/testing/embedded-holder.ts", liveDir], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    try {
      const lines = createInterface({ input: holder.stdout });
      const [line] = (await once(lines, "line")) as [string];
      expect(line).toBe("ready");
      const live = path.join(workDir, "live.tar.gz");
      expect((await backupEmbedded(liveDir, live)).via).toBe("server");
      expect((await rejection(restoreEmbedded(liveDir, live))).exitCode).toBe(EXIT.busy);

      const copy = await PGlite.create({ loadDataDir: new Blob([fs.readFileSync(live)]) });
      const { rows } = await copy.query<{ pairs: number; halves: number }>(
        `SELECT count(DISTINCT pair)::int AS pairs,
                (SELECT count(*)::int FROM (SELECT pair FROM backup_probe GROUP BY pair HAVING count(*) <> 2) AS h) AS halves
           FROM backup_probe`,
      );
      expect(rows[0]?.pairs).toBeGreaterThanOrEqual(20);
      expect(await readDatabaseContents(async (sql) => (await copy.query<Record<string, unknown>>(sql)).rows)).toMatchObject({
        Article: seeded.Article,
        User: seeded.User,
      });
      expect(rows[0]?.halves).toBe(0); // every transaction whole or absent
      await copy.close();
    } finally {
      holder.kill("SIGTERM");
      if (holder.exitCode === null) await once(holder, "exit");
    }
  });
});

describe.runIf(getTestDbKind() === "postgres")("PostgreSQL backups", { timeout: 120_000 }, () => {
  let database: TestDatabase;
  let url: string;
  let seeded: DatabaseContents;
  const file = path.join(workDir, "postgres.dump");

  beforeAll(async () => {
    database = await createTestDatabase();
    url = database.url as string;
    await seedDatabase(database.client);
    seeded = await pgContents(url);
    expectSeeded(seeded);
  });
  afterAll(async () => database?.drop());

  it("backs up with pg_dump in custom format, refusing to restore while others are connected", async () => {
    await database.client.user.count(); // the "server" holds a connection
    const { bytes } = await backupPostgres(url, file);
    expect(bytes).toBeGreaterThan(10_000);
    expect(detectBackupKind(file)).toBe("postgres");
    const refused = await rejection(restorePostgres(url, file, { force: false }));
    expect(refused.exitCode).toBe(EXIT.busy);
    expect(refused.message).toMatch(/Stop it first/);
    await database.client.$disconnect();
  });

  it("restores every row over a changed database, and into an emptied one", async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DELETE FROM "ArticleTag"`);
    await client.query(`UPDATE "User" SET name = 'Changed after the backup'`);
    await client.query(`UPDATE "Article" SET title = 'Changed after the backup'`);
    await client.end();
    expect(await pgContents(url)).not.toEqual(seeded);

    const summary = await restorePostgres(url, file, { force: false });
    expect(summary.articles).toBe(seeded.Article?.length);
    expect(await pgContents(url)).toEqual(seeded);

    const wiper = new pg.Client({ connectionString: url });
    await wiper.connect();
    await wiper.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
    await wiper.end();
    await restorePostgres(url, file, { force: false });
    expect(await pgContents(url)).toEqual(seeded);
  });

  it("rolls a failed restore back: a damaged dump leaves the database as it was", async () => {
    const damaged = path.join(workDir, "damaged.dump");
    const whole = fs.readFileSync(file);
    fs.writeFileSync(damaged, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`UPDATE "User" SET name = 'Kept through a failed restore'`);
    const before = await readDatabaseContents(async (sql) => (await client.query<Record<string, unknown>>(sql)).rows);
    await client.end();
    const error = await rejection(restorePostgres(url, damaged, { force: false }));
    expect(error.exitCode).not.toBe(EXIT.ok);
    expect(await pgContents(url)).toEqual(before);
  });

  it("refuses a pg_dump archive of something other than a Newsdesk database before dropping anything", async () => {
    const partial = path.join(workDir, "one-table.dump");
    execFileSync(findPgTool("pg_dump"), ["--format=custom", "--table=public.\"Tag\"", `--file=${partial}`, `--dbname=${url}`]);
    const before = await pgContents(url);
    const error = await rejection(restorePostgres(url, partial, { force: false }));
    expect(error.exitCode).toBe(EXIT.wrongKind);
    expect(error.message).toContain("not of a Newsdesk database");
    expect(await pgContents(url)).toEqual(before);
  });
});
