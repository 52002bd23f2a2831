import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { memoizePublicData } from "./memo";
import { getPublicCacheState, invalidateCachedTags, invalidateEverything, resetPublicCacheStateForTesting } from "./state";

let trusted = true;
let pending: Promise<void> | undefined;

beforeEach(() => {
  resetPublicCacheStateForTesting();
  trusted = true;
  pending = undefined;
  getPublicCacheState().freshness = { isTrustworthy: () => trusted, pendingWork: () => pending };
});

afterEach(() => resetPublicCacheStateForTesting());

function counter() {
  let calls = 0;
  return {
    load: async () => ++calls,
    calls: () => calls,
  };
}

describe("memoizePublicData", () => {
  it("loads once and shares the value until one of its tags is invalidated", async () => {
    const c = counter();
    expect(await memoizePublicData("latest", ["latest"], c.load)).toBe(1);
    expect(await memoizePublicData("latest", ["latest"], c.load)).toBe(1);
    invalidateCachedTags(["section:sports"]);
    expect(await memoizePublicData("latest", ["latest"], c.load)).toBe(1);
    invalidateCachedTags(["latest"]);
    expect(await memoizePublicData("latest", ["latest"], c.load)).toBe(2);
  });

  it("keeps untagged values until everything is invalidated", async () => {
    const c = counter();
    await memoizePublicData("sections", [], c.load);
    invalidateCachedTags(["latest", "feeds"]);
    expect(await memoizePublicData("sections", [], c.load)).toBe(1);
    invalidateEverything();
    expect(await memoizePublicData("sections", [], c.load)).toBe(2);
  });

  it("reads through while freshness cannot be vouched for", async () => {
    trusted = false;
    const c = counter();
    await memoizePublicData("latest", ["latest"], c.load);
    await memoizePublicData("latest", ["latest"], c.load);
    expect(c.calls()).toBe(2);
  });

  it("shares one load between concurrent readers, but not with readers after an invalidation", async () => {
    let release: () => void = () => {};
    let calls = 0;
    const slow = () =>
      new Promise<number>((resolve) => {
        calls++;
        const value = calls;
        release = () => resolve(value);
      });
    const first = memoizePublicData("latest", ["latest"], slow);
    const second = memoizePublicData("latest", ["latest"], slow);
    invalidateCachedTags(["latest"]);
    const releaseFirst = release;
    const third = memoizePublicData("latest", ["latest"], slow);
    releaseFirst();
    release();
    expect(await first).toBe(1);
    expect(await second).toBe(1);
    expect(await third).toBe(2);
    // The load that raced the invalidation was not kept.
    expect(await memoizePublicData("latest", ["latest"], async () => 99)).toBe(2);
  });

  it("waits for pending freshness work first", async () => {
    const c = counter();
    await memoizePublicData("latest", ["latest"], c.load);
    pending = Promise.resolve().then(() => {
      invalidateCachedTags(["latest"]);
      pending = undefined;
    });
    expect(await memoizePublicData("latest", ["latest"], c.load)).toBe(2);
  });

  it("takes tags from the loaded value, and keeps nothing when they are null", async () => {
    let published = false;
    let reads = 0;
    const loadStory = async () => {
      reads++;
      return published ? { path: "/news/politics/budget" } : null;
    };
    const tagsOf = (story: { path: string } | null) => (story ? [`path:${story.path}`] : null);

    // Not public yet: every reader asks the database, so it appears the moment it is.
    expect(await memoizePublicData("article:budget", tagsOf, loadStory)).toBeNull();
    expect(await memoizePublicData("article:budget", tagsOf, loadStory)).toBeNull();
    expect(reads).toBe(2);

    published = true;
    expect(await memoizePublicData("article:budget", tagsOf, loadStory)).toEqual({ path: "/news/politics/budget" });
    await memoizePublicData("article:budget", tagsOf, loadStory);
    expect(reads).toBe(3);

    invalidateCachedTags(["path:/news/politics/other"]);
    await memoizePublicData("article:budget", tagsOf, loadStory);
    expect(reads).toBe(3);
    invalidateCachedTags(["path:/news/politics/budget"]);
    await memoizePublicData("article:budget", tagsOf, loadStory);
    expect(reads).toBe(4);
  });

  it("does not keep a value too big for its share of the memo", async () => {
    const c = counter();
    const huge = { bytesOf: () => 1024 * 1024 * 1024 };
    await memoizePublicData("article:huge", ["path:/huge"], c.load, huge);
    await memoizePublicData("article:huge", ["path:/huge"], c.load, huge);
    expect(c.calls()).toBe(2);
  });
});
