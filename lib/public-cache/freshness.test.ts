import { describe, expect, it, vi } from "vitest";
import type { NotificationHandlers } from "../db/notifications";
import { FreshnessMonitor, type FreshnessDeps } from "./freshness";
import type { ArticleChange } from "./tags";

function setup(options: { schedule?: (after: Date) => Date | null; goingLive?: ArticleChange[] } = {}) {
  let now = 1_000_000;
  let handlers: NotificationHandlers | undefined;
  const invalidated: string[][] = [];
  let allCount = 0;
  const deps: FreshnessDeps = {
    invalidator: {
      invalidateTags: (tags) => invalidated.push([...tags]),
      invalidateAll: () => allCount++,
    },
    subscribe: async (h) => {
      handlers = h;
      h.onConnected();
      return { close: async () => {} };
    },
    nextScheduledPublication: vi.fn(async (after: Date) => options.schedule?.(after) ?? null),
    storiesGoingLive: vi.fn(async () => options.goingLive ?? []),
    now: () => now,
    log: () => {},
  };
  const monitor = new FreshnessMonitor(deps);
  return {
    monitor,
    deps,
    invalidated,
    allCount: () => allCount,
    handlers: () => handlers as NotificationHandlers,
    advance: (ms: number) => (now += ms),
    now: () => now,
  };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe("FreshnessMonitor", () => {
  it("is trusted only once listening and the schedule is known; drops everything on (re)connect", async () => {
    const t = setup();
    expect(t.monitor.isTrustworthy()).toBe(false);
    await t.monitor.start();
    await settle();
    expect(t.monitor.isTrustworthy()).toBe(true);
    expect(t.allCount()).toBe(1);
    t.handlers().onDisconnected(new Error("connection reset"));
    expect(t.monitor.isTrustworthy()).toBe(false);
    t.handlers().onConnected();
    await settle();
    expect(t.monitor.isTrustworthy()).toBe(true);
    expect(t.allCount()).toBe(2);
    await t.monitor.stop();
  });

  it("turns a change notification into the tags it affects", async () => {
    const t = setup();
    await t.monitor.start();
    t.handlers().onMessage(JSON.stringify({ paths: ["/news/politics/a"], sections: ["politics"], tags: [], authors: ["x"], listing: true, schedule: false }));
    expect(t.invalidated.at(-1)).toEqual(expect.arrayContaining(["path:/news/politics/a", "section:politics", "author:x", "latest"]));
    t.handlers().onMessage('{"all": true}');
    expect(t.allCount()).toBe(2);
    await t.monitor.stop();
  });

  it("has no pending work until a scheduled story's time comes, then drops its pages before anything is served", async () => {
    const story: ArticleChange = { paths: ["/news/world/scheduled"], sectionSlugs: ["world"], tagSlugs: [], authorSlugs: ["x"], listingChanged: true };
    let scheduledAt: Date | null = null;
    const t = setup({ schedule: (after) => (scheduledAt && scheduledAt > after ? scheduledAt : null), goingLive: [story] });
    scheduledAt = new Date(t.now() + 5000);
    await t.monitor.start();
    await settle();
    expect(t.monitor.nextScheduledTime).toBe(scheduledAt.getTime());
    expect(t.monitor.pendingWork()).toBeUndefined();

    t.advance(5000);
    const work = t.monitor.pendingWork();
    expect(work).toBeDefined();
    await work;
    expect(t.deps.storiesGoingLive).toHaveBeenCalledWith(new Date(1_000_000), new Date(1_005_000));
    expect(t.invalidated.at(-1)).toEqual(expect.arrayContaining(["path:/news/world/scheduled", "latest", "section:world"]));
    expect(t.monitor.nextScheduledTime).toBeNull();
    expect(t.monitor.pendingWork()).toBeUndefined();
    await t.monitor.stop();
  });

  it("re-reads the schedule when a notification says it moved", async () => {
    let scheduledAt: Date | null = null;
    const t = setup({ schedule: () => scheduledAt });
    await t.monitor.start();
    await settle();
    expect(t.monitor.nextScheduledTime).toBeNull();
    scheduledAt = new Date(t.now() + 60_000);
    t.handlers().onMessage(JSON.stringify({ paths: [], sections: [], tags: [], authors: [], listing: true, schedule: true }));
    await settle();
    expect(t.monitor.nextScheduledTime).toBe(scheduledAt.getTime());
    await t.monitor.stop();
  });

  it("fires on its own when the scheduled time comes, with nobody asking", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const story: ArticleChange = { paths: ["/news/world/timed"], sectionSlugs: ["world"], tagSlugs: [], authorSlugs: [], listingChanged: true };
      let scheduledAt: Date | null = null;
      const t = setup({ schedule: (after) => (scheduledAt && scheduledAt > after ? scheduledAt : null), goingLive: [story] });
      scheduledAt = new Date(t.now() + 3000);
      await t.monitor.start();
      await settle();
      t.advance(3000);
      await vi.advanceTimersByTimeAsync(3000);
      await settle();
      expect(t.invalidated.flat()).toContain("path:/news/world/timed");
      await t.monitor.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it("stops vouching for the cache while the schedule cannot be read", async () => {
    const t = setup();
    (t.deps.nextScheduledPublication as ReturnType<typeof vi.fn>).mockRejectedValueOnce(new Error("db down"));
    await t.monitor.start();
    await settle();
    expect(t.monitor.isTrustworthy()).toBe(false);
    await t.monitor.stop();
  });
});
