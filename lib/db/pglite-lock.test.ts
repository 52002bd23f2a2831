import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createPrismaClient, openAdapter } from "./connect";
import { acquireDataDirLock, DataDirLockedError } from "./pglite-lock";

const tmpDirs: string[] = [];
function tmpDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "newsdesk-lock-"));
  tmpDirs.push(dir);
  return path.join(dir, "pglite");
}

afterEach(() => {
  for (const dir of tmpDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("embedded database lock", () => {
  it("refuses a directory a live process holds, naming it and the way out", () => {
    const dataDir = tmpDataDir();
    const holder = spawn("sleep", ["30"]);
    try {
      fs.writeFileSync(
        `${dataDir}.lock`,
        JSON.stringify({ pid: holder.pid, hostname: os.hostname(), command: "next start", startedAt: "earlier" }),
      );
      expect(() => acquireDataDirLock(dataDir)).toThrow(DataDirLockedError);
      try {
        acquireDataDirLock(dataDir);
      } catch (error) {
        const message = (error as Error).message;
        expect(message).toContain(`pid ${holder.pid}`);
        expect(message).toContain("next start");
        expect(message).toContain("DATABASE_URL");
        expect(message).toContain("NEWSDESK_DATA_DIR");
      }
    } finally {
      holder.kill();
    }
  });

  it("takes over a lock left by a crashed process", () => {
    const dataDir = tmpDataDir();
    const dead = spawnSync("true").pid;
    fs.writeFileSync(`${dataDir}.lock`, JSON.stringify({ pid: dead, hostname: os.hostname(), command: "x", startedAt: "" }));
    const release = acquireDataDirLock(dataDir);
    expect(JSON.parse(fs.readFileSync(`${dataDir}.lock`, "utf8")).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it("makes a second process fail at once while the first keeps its data", async () => {
    const dataDir = tmpDataDir();
    const opened = openAdapter({ kind: "pglite", dataDir });
    const db = createPrismaClient(opened);
    try {
      await db.$executeRawUnsafe("CREATE TABLE note (body text)");
      await db.$executeRawUnsafe("INSERT INTO note VALUES ('kept')");
      const second = spawnSync(process.execPath, ["--import", "tsx", "prisma/seed/index.ts"], {
        env: { ...process.env, NEWSDESK_DATA_DIR: path.dirname(dataDir), DATABASE_URL: "" },
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(second.status).toBe(1);
      expect(second.stderr).toContain("is already open in another process");
      expect(second.stderr).toContain(`pid ${process.pid}`);
      const rows = await db.$queryRawUnsafe<{ body: string }[]>("SELECT body FROM note");
      expect(rows).toEqual([{ body: "kept" }]);
    } finally {
      await db.$disconnect();
      await opened.close();
    }
  });
});
