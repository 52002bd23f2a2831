import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const script = path.resolve(import.meta.dirname, "start-server.mjs");

function start(env: Record<string, string>) {
  const { DATABASE_URL: _ignored, NEWSDESK_WORKERS: _alsoIgnored, ...inherited } = process.env;
  return spawnSync(process.execPath, [script, "-p", "0"], { env: { ...inherited, ...env }, encoding: "utf8", timeout: 20_000 });
}

describe("npm start (lib/server/start-server.mjs)", () => {
  it("refuses several workers on the embedded database before opening anything, saying what to do", () => {
    const result = start({ NEWSDESK_WORKERS: "2", NEWSDESK_DATA_DIR: "/nonexistent/newsdesk-never-created" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("NEWSDESK_WORKERS=2 needs PostgreSQL");
    expect(result.stderr).toContain("DATABASE_URL");
  });

  it("refuses a worker count that is not a number", () => {
    const result = start({ NEWSDESK_WORKERS: "many", DATABASE_URL: "postgres://postgres@127.0.0.1:1/none" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('NEWSDESK_WORKERS must be "auto" or a whole number');
  });
});
