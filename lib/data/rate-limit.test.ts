import { describe, expect, it } from "vitest";
import { provideTestDatabase } from "../testing/test-database";
import { getRateLimitStatus, hitRateLimit, pruneRateLimitBuckets, resetRateLimit, undoRateLimitHit, type RateLimitPolicy } from "./rate-limit";

const getDb = provideTestDatabase();
const policy: RateLimitPolicy = { name: "test", limit: 3, windowSeconds: 600, blockSeconds: 30, maxBlockSeconds: 120 };
const t0 = new Date("2026-01-01T10:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
let keyCounter = 0;
const freshKey = () => `key-${++keyCounter}`;

describe("rate limit buckets", () => {
  it("allows hits up to the limit, then blocks with a doubling, capped delay", async () => {
    const key = freshKey();
    expect(await hitRateLimit(policy, key, at(0))).toEqual({ allowed: true, count: 1, retryAfterSeconds: 0 });
    expect(await hitRateLimit(policy, key, at(1))).toEqual({ allowed: true, count: 2, retryAfterSeconds: 0 });
    // The limit-th hit still goes through, and blocks the next one for 30 s.
    expect(await hitRateLimit(policy, key, at(2))).toEqual({ allowed: true, count: 3, retryAfterSeconds: 30 });
    expect(await hitRateLimit(policy, key, at(12))).toEqual({ allowed: false, count: 3, retryAfterSeconds: 20 });
    // Refused hits are not counted: hammering never lengthens the block.
    for (let i = 13; i < 30; i++) await hitRateLimit(policy, key, at(i));
    expect(await hitRateLimit(policy, key, at(33))).toEqual({ allowed: true, count: 4, retryAfterSeconds: 60 });
    expect((await hitRateLimit(policy, key, at(93))).retryAfterSeconds).toBe(120);
    expect((await hitRateLimit(policy, key, at(213))).retryAfterSeconds).toBe(120); // capped
    expect(await getRateLimitStatus(policy, key, at(300))).toEqual({ allowed: false, count: 6, retryAfterSeconds: 33 });
  });

  it("starts a new run after a quiet window", async () => {
    const key = freshKey();
    for (let i = 0; i < 3; i++) await hitRateLimit(policy, key, at(i));
    expect((await hitRateLimit(policy, key, at(10))).allowed).toBe(false);
    expect(await hitRateLimit(policy, key, at(2 + 601))).toEqual({ allowed: true, count: 1, retryAfterSeconds: 0 });
  });

  it("keeps keys and rules apart", async () => {
    const key = freshKey();
    for (let i = 0; i < 3; i++) await hitRateLimit(policy, key, at(i));
    expect((await hitRateLimit(policy, freshKey(), at(5))).allowed).toBe(true);
    expect((await hitRateLimit({ ...policy, name: "other" }, key, at(5))).allowed).toBe(true);
  });

  it("undo takes a hit back and lifts the block it caused", async () => {
    const key = freshKey();
    for (let i = 0; i < 3; i++) await hitRateLimit(policy, key, at(i));
    await undoRateLimitHit(policy, key);
    expect(await getRateLimitStatus(policy, key, at(3))).toEqual({ allowed: true, count: 2, retryAfterSeconds: 0 });
    await undoRateLimitHit(policy, "never-hit");
  });

  it("reset forgets the key", async () => {
    const key = freshKey();
    for (let i = 0; i < 3; i++) await hitRateLimit(policy, key, at(i));
    await resetRateLimit(policy, key);
    expect(await getRateLimitStatus(policy, key, at(3))).toEqual({ allowed: true, count: 0, retryAfterSeconds: 0 });
  });

  it("counts every one of many concurrent hits", async () => {
    const key = freshKey();
    const roomy = { ...policy, limit: 1000 };
    const hits = await Promise.all(Array.from({ length: 25 }, () => hitRateLimit(roomy, key)));
    expect(hits.every((hit) => hit.allowed)).toBe(true);
    expect(new Set(hits.map((hit) => hit.count)).size).toBe(25);
    expect((await getRateLimitStatus(roomy, key)).count).toBe(25);
  });

  it("lets exactly `limit` of a burst of concurrent hits through", async () => {
    const key = freshKey();
    const hits = await Promise.all(Array.from({ length: 20 }, () => hitRateLimit(policy, key)));
    expect(hits.filter((hit) => hit.allowed)).toHaveLength(3);
    expect(hits.filter((hit) => !hit.allowed).every((hit) => hit.retryAfterSeconds > 0 && hit.retryAfterSeconds <= 30)).toBe(true);
  });

  it("prunes finished, unblocked buckets of its rule only", async () => {
    const old = freshKey();
    const blocked = freshKey();
    await hitRateLimit(policy, old, at(0));
    for (let i = 0; i < 3; i++) await hitRateLimit({ ...policy, blockSeconds: 5000, maxBlockSeconds: 5000 }, blocked, at(i));
    await hitRateLimit({ ...policy, name: "keep" }, old, at(0));
    await pruneRateLimitBuckets(policy, at(700));
    const keys = (await getDb().rateLimitBucket.findMany({ select: { key: true } })).map((b) => b.key);
    expect(keys).not.toContain(`test:${old}`);
    expect(keys).toContain(`test:${blocked}`);
    expect(keys).toContain(`keep:${old}`);
  });
});
