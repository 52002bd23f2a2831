import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { expect, test } from "./fixtures";
import { e2eDataDir } from "./support/e2e-env";
import { reference } from "./support/reference-story";

interface Run {
  code: number;
  output: string;
}

/** `npm run db:backup|db:restore` against the running e2e server's embedded database. */
function cli(command: "backup" | "restore", file: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      path.resolve("node_modules/.bin/tsx"),
      ["lib/cli/db-backup.ts", command, file],
      { env: { ...process.env, NEWSDESK_DATA_DIR: e2eDataDir, DATABASE_URL: "" } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, output: `${stdout}${stderr}` }),
    );
  });
}

test("an embedded backup is taken from the running server while it serves, and a restore under it is refused", async ({ page }) => {
  test.skip(Boolean(process.env.E2E_DATABASE_URL), "the snapshot socket belongs to the embedded database");
  test.setTimeout(120_000);
  const file = path.join(os.tmpdir(), `newsdesk-e2e-backup-${process.pid}.tar.gz`);
  try {
    // Readers keep being served while the snapshot is made.
    const [backup, ...responses] = await Promise.all([
      cli("backup", file),
      page.request.get(reference.path),
      page.request.get("/"),
      page.request.get(`/news/${reference.section}`),
    ]);
    expect(backup.output).toContain("snapshot taken by the running server");
    expect(backup.code).toBe(0);
    for (const response of responses) expect(response.status()).toBe(200);

    const copy = await PGlite.create({ loadDataDir: new Blob([fs.readFileSync(file)]) });
    try {
      const { rows } = await copy.query<{ title: string }>(`SELECT title FROM "Article" WHERE slug = $1`, [reference.slug]);
      expect(rows).toEqual([{ title: reference.title }]);
    } finally {
      await copy.close();
    }

    const restore = await cli("restore", file);
    expect(restore.code).toBe(75);
    expect(restore.output).toContain("Stop it first");
    await page.goto(reference.path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(reference.title);
  } finally {
    fs.rmSync(file, { force: true });
  }
});
