import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type AttemptOutcome, createSaveQueue, type SaveKind, type SaveQueueState } from "./save-queue";

/**
 * The save queue against a scripted server: each retry is answered with the
 * next outcome of a list, the way the editor's attempts report theirs.
 */
function setup(outcomes: AttemptOutcome[]) {
  const tried: SaveKind[] = [];
  const states: SaveQueueState[] = [];
  const queue = createSaveQueue({
    retry: (kind) => {
      tried.push(kind);
      queue.report(kind, outcomes.shift() ?? "saved");
    },
    onChange: (state) => states.push(state),
  });
  return { queue, tried, states };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2026-12-03T12:00:00Z"));
});
afterEach(() => vi.useRealTimers());

describe("save queue", () => {
  it("retries an explicit save that met an outage, backing off, until the database is back", () => {
    const { queue, tried } = setup(["unavailable", "unavailable", "unavailable", "saved"]);
    queue.report("save", "unavailable");
    expect(queue.getState()).toMatchObject({ pending: "save", cause: "unavailable", failures: 1, retryAt: Date.now() + 1000 });

    vi.advanceTimersByTime(999);
    expect(tried).toEqual([]);
    vi.advanceTimersByTime(1); // 1 s
    expect(tried).toEqual(["save"]);
    vi.advanceTimersByTime(1999);
    expect(tried).toHaveLength(1);
    vi.advanceTimersByTime(1); // 2 s more
    expect(tried).toHaveLength(2);
    vi.advanceTimersByTime(4000); // 4 s more
    expect(tried).toHaveLength(3);
    vi.advanceTimersByTime(8000); // 8 s more: the database is back
    expect(tried).toEqual(["save", "save", "save", "save"]);
    expect(queue.getState()).toEqual({ pending: null, cause: null, failures: 0, retryAt: null });
    vi.advanceTimersByTime(120_000);
    expect(tried).toHaveLength(4);
  });

  it("never waits longer than 30 s between retries", () => {
    const { queue, tried } = setup(Array.from({ length: 20 }, () => "unavailable" as const));
    queue.report("save", "unavailable");
    vi.advanceTimersByTime(1000 + 2000 + 4000 + 8000 + 16_000);
    expect(tried).toHaveLength(5);
    vi.advanceTimersByTime(30_000);
    expect(tried).toHaveLength(6);
    vi.advanceTimersByTime(30_000);
    expect(tried).toHaveLength(7);
  });

  it("an explicit save outranks an autosave, whichever failed first", () => {
    const { queue, tried } = setup([]);
    queue.report("autosave", "unavailable");
    queue.report("save", "offline");
    queue.report("autosave", "unavailable");
    expect(queue.getState()).toMatchObject({ pending: "save", cause: "unavailable", failures: 3 });
    vi.runOnlyPendingTimers();
    expect(tried).toEqual(["save"]);
  });

  it("retries an autosave alone when no explicit save waits", () => {
    const { queue, tried } = setup([]);
    queue.report("autosave", "offline");
    vi.advanceTimersByTime(1000);
    expect(tried).toEqual(["autosave"]);
    expect(queue.getState().pending).toBeNull();
  });

  it("saves at once when an autosave gets through while an explicit save waits (the database is back)", () => {
    const { queue, tried } = setup([]);
    queue.report("save", "unavailable");
    queue.report("save", "unavailable");
    queue.report("autosave", "saved");
    expect(tried).toEqual(["save"]);
    expect(queue.getState().pending).toBeNull();
  });

  it("a successful explicit save settles a waiting autosave too", () => {
    const { queue, tried } = setup([]);
    queue.report("autosave", "unavailable");
    queue.report("save", "saved");
    expect(queue.getState().pending).toBeNull();
    vi.advanceTimersByTime(60_000);
    expect(tried).toEqual([]);
  });

  it("stops retrying on a refusal (a version conflict goes to the conflict view)", () => {
    const { queue, tried } = setup(["refused"]);
    queue.report("save", "unavailable");
    vi.advanceTimersByTime(1000);
    expect(tried).toEqual(["save"]);
    expect(queue.getState().pending).toBeNull();
    vi.advanceTimersByTime(60_000);
    expect(tried).toHaveLength(1);
  });

  it("retries at once when the browser is back online, and starts the backoff over after success", () => {
    const { queue, tried } = setup(["saved"]);
    queue.report("save", "offline");
    queue.report("save", "offline");
    queue.retryNow();
    expect(tried).toEqual(["save"]);
    queue.report("save", "unavailable");
    expect(queue.getState()).toMatchObject({ failures: 1, retryAt: Date.now() + 1000 });
  });

  it("does nothing on retryNow when nothing waits, and nothing after dispose", () => {
    const { queue, tried } = setup([]);
    queue.retryNow();
    queue.report("save", "unavailable");
    queue.dispose();
    vi.advanceTimersByTime(60_000);
    expect(tried).toEqual([]);
  });

  it("clear forgets the pending save", () => {
    const { queue, tried, states } = setup([]);
    queue.report("save", "unavailable");
    queue.clear();
    vi.advanceTimersByTime(60_000);
    expect(tried).toEqual([]);
    expect(states.at(-1)).toEqual({ pending: null, cause: null, failures: 0, retryAt: null });
  });
});
