import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DatabaseHealth } from "./health";
import type { Readiness } from "./readiness";

function monitor(results: Readiness[]) {
  const lines: { fields: object; message: string }[] = [];
  const check = vi.fn(async () => results.shift() ?? { ok: true as const });
  const log = { info: (fields: object, message: string) => lines.push({ fields, message }), warn: (fields: object, message: string) => lines.push({ fields, message }) };
  return { health: new DatabaseHealth({ check, log, retryDelaysMs: [100, 200, 1000] }), check, lines };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("DatabaseHealth", () => {
  it("at start-up waits for the database with backoff, saying so once, then says ready", async () => {
    const { health, check, lines } = monitor([
      { ok: false, reason: "database unreachable: does not exist" },
      { ok: false, reason: "database reachable but not migrated" },
    ]);
    let isReady = false;
    void health.whenReady().then(() => (isReady = true));
    await health.start();
    expect(health.isDown()).toBe(true);
    await vi.advanceTimersByTimeAsync(100);
    expect(check).toHaveBeenCalledTimes(2);
    expect(isReady).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(check).toHaveBeenCalledTimes(3);
    expect(isReady).toBe(true);
    expect(lines.map((line) => (line.fields as { event: string }).event)).toEqual(["database-waiting", "database-ready"]);
  });

  it("a request's outage marks it down until a probe (at most a second apart) finds it back", async () => {
    const { health, check, lines } = monitor([{ ok: true }, ...Array.from({ length: 8 }, () => ({ ok: false as const, reason: "unreachable" }))]);
    await health.start();
    health.reportUnavailable(new Error("connect ECONNREFUSED"));
    health.reportUnavailable(new Error("connect ECONNREFUSED"));
    expect(health.isDown()).toBe(true);
    await vi.advanceTimersByTimeAsync(100 + 200 + 1000 * 7);
    expect(health.isDown()).toBe(false);
    expect(check).toHaveBeenCalledTimes(10);
    expect(lines.map((line) => (line.fields as { event: string }).event)).toEqual(["database-ready", "database-down", "database-up"]);
  });
});
