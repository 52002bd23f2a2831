import { describe, expect, it } from "vitest";
import { MAX_AUTO_WORKERS, resolveWorkerCount } from "./worker-count.mjs";

const pg = "postgres://postgres@127.0.0.1:5432/newsdesk";

describe("resolveWorkerCount", () => {
  it.each([
    ["embedded database, default", {}, 2, { count: 1 }],
    ["embedded database, auto", { NEWSDESK_WORKERS: "auto" }, 8, { count: 1 }],
    ["embedded database, explicit 1", { NEWSDESK_WORKERS: "1" }, 2, { count: 1 }],
    ["PostgreSQL, default: one per core", { DATABASE_URL: pg }, 2, { count: 2 }],
    ["PostgreSQL, auto on a big machine is capped", { DATABASE_URL: pg, NEWSDESK_WORKERS: "AUTO" }, 64, { count: MAX_AUTO_WORKERS }],
    ["PostgreSQL, explicit count", { DATABASE_URL: pg, NEWSDESK_WORKERS: " 3 " }, 2, { count: 3 }],
  ])("%s", (_name, env, cores, expected) => {
    expect(resolveWorkerCount(env, cores)).toEqual(expected);
  });

  it("refuses several workers on the embedded database, saying how to get them", () => {
    const result = resolveWorkerCount({ NEWSDESK_WORKERS: "2" }, 2);
    expect(result).toEqual({ error: expect.stringContaining("DATABASE_URL") });
    expect(result).toEqual({ error: expect.stringContaining("NEWSDESK_WORKERS=1") });
  });

  it.each(["0", "-1", "two", "1.5", "65"])("refuses NEWSDESK_WORKERS=%s with the allowed values", (value) => {
    expect(resolveWorkerCount({ DATABASE_URL: pg, NEWSDESK_WORKERS: value }, 2)).toEqual({ error: expect.stringContaining('"auto" or a whole number') });
  });
});
