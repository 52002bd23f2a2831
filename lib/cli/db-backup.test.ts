import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EXIT } from "../backup/backup-error";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "newsdesk-backup-cli-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number;
  output: string;
}

/** Runs the CLI as `npm run db:backup|db:restore` would (tsx, the repo's cwd), on an empty data folder. */
function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      path.resolve("node_modules/.bin/tsx"),
      ["lib/cli/db-backup.ts", ...args],
      { env: { ...process.env, NEWSDESK_DATA_DIR: path.join(dir, "data"), DATABASE_URL: "", ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, output: `${stdout}${stderr}` }),
    );
  });
}

describe("db:backup and db:restore from the command line", { timeout: 120_000 }, () => {
  it("answers each operator mistake with its exit code and a message, never a stack trace", async () => {
    const notABackup = path.join(dir, "notes.txt");
    fs.writeFileSync(notABackup, "shopping list");
    const pgDump = path.join(dir, "site.dump");
    fs.writeFileSync(pgDump, Buffer.concat([Buffer.from("PGDMP"), Buffer.alloc(100)]));

    // In parallel: each start of tsx costs seconds on a busy machine.
    const [noFile, twoFiles, unknownFlag, missing, wrongKind, wrongTarget, unwritable, nothingThere] = await Promise.all([
      cli(["backup"]),
      cli(["restore", "a.tar.gz", "b.tar.gz"]),
      cli(["backup", "--everything", "x.tar.gz"]),
      cli(["restore", path.join(dir, "missing.tar.gz")]),
      cli(["restore", notABackup]),
      cli(["restore", pgDump]),
      cli(["backup", path.join(dir, "no-such-folder", "x.tar.gz")]),
      cli(["backup", path.join(dir, "x.tar.gz")]),
    ]);
    expect(noFile).toMatchObject({ code: EXIT.usage, output: expect.stringContaining("Give the backup file") });
    expect(twoFiles).toMatchObject({ code: EXIT.usage, output: expect.stringContaining("One file at a time") });
    expect(unknownFlag).toMatchObject({ code: EXIT.usage, output: expect.stringContaining("--everything") });
    expect(missing).toMatchObject({ code: EXIT.noInput, output: expect.stringContaining("No such backup file") });
    expect(wrongKind).toMatchObject({ code: EXIT.wrongKind, output: expect.stringContaining("not a Newsdesk backup") });
    expect(wrongTarget).toMatchObject({ code: EXIT.wrongKind, output: expect.stringContaining("Set DATABASE_URL") });
    expect(unwritable).toMatchObject({ code: EXIT.cannotCreate, output: expect.stringContaining("does not exist") });
    expect(nothingThere).toMatchObject({ code: EXIT.unavailable, output: expect.stringContaining("no embedded database") });
    for (const run of [noFile, twoFiles, unknownFlag, missing, wrongKind, wrongTarget, unwritable, nothingThere]) {
      expect(run.output).not.toMatch(/^\s+at /m);
    }
    expect(fs.readdirSync(dir).sort()).toEqual(["notes.txt", "site.dump"]); // no partial files, no data folder created
  });
});
