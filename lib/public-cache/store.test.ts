import { describe, expect, it } from "vitest";
import { PageCacheStore, type StoredResponse } from "./store";

function response(bytes = 100): StoredResponse {
  return { status: 200, headers: [["content-type", "text/html"]], bodyParts: [Buffer.alloc(bytes)], byteLength: bytes };
}

describe("PageCacheStore", () => {
  it("returns what it stored until it expires", () => {
    const store = new PageCacheStore(1_000_000);
    expect(store.set("/a", ["latest"], response(), 1000, store.beginRender(), 0)).toBe(true);
    expect(store.get("/a", 999)?.value.byteLength).toBe(100);
    expect(store.get("/a", 1000)).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it("drops exactly the entries carrying an invalidated tag", () => {
    const store = new PageCacheStore(1_000_000);
    const ticket = store.beginRender();
    store.set("/", ["latest"], response(), 60_000, ticket);
    store.set("/news/politics/a", ["path:/news/politics/a", "latest"], response(), 60_000, ticket);
    store.set("/news/politics", ["section:politics"], response(), 60_000, ticket);
    store.set("/news/sports", ["section:sports"], response(), 60_000, ticket);
    expect(store.invalidateTags(["section:politics", "path:/news/politics/a"])).toBe(2);
    expect(store.get("/news/politics")).toBeUndefined();
    expect(store.get("/news/politics/a")).toBeUndefined();
    expect(store.get("/")).toBeDefined();
    expect(store.get("/news/sports")).toBeDefined();
    expect(store.invalidateTags(["latest"])).toBe(1);
    expect(store.size).toBe(1);
  });

  it("refuses a render that raced an invalidation of one of its tags", () => {
    const store = new PageCacheStore(1_000_000);
    const before = store.beginRender();
    store.invalidateTags(["latest"]);
    expect(store.set("/", ["latest"], response(), 60_000, before)).toBe(false);
    // An unrelated page rendered at the same time is fine.
    expect(store.set("/news/sports", ["section:sports"], response(), 60_000, before)).toBe(true);
    // A render that started after the change is kept.
    expect(store.set("/", ["latest"], response(), 60_000, store.beginRender())).toBe(true);
  });

  it("refuses every render that started before invalidateAll", () => {
    const store = new PageCacheStore(1_000_000);
    const before = store.beginRender();
    store.set("/a", ["x"], response(), 60_000, before);
    expect(store.invalidateAll()).toBe(1);
    expect(store.set("/b", ["y"], response(), 60_000, before)).toBe(false);
    expect(store.byteSize).toBe(0);
  });

  it("evicts the least recently used entries past its memory budget", () => {
    const store = new PageCacheStore(20_000);
    const ticket = store.beginRender();
    for (let i = 1; i <= 13; i++) expect(store.set(`/${i}`, [], response(1000), 60_000, ticket)).toBe(true);
    expect(store.size).toBe(13);
    store.get("/1");
    store.set("/14", [], response(1000), 60_000, ticket);
    store.set("/15", [], response(1000), 60_000, ticket);
    expect(store.byteSize).toBeLessThanOrEqual(20_000);
    expect(store.get("/1")).toBeDefined();
    expect(store.get("/2")).toBeUndefined();
    expect(store.get("/3")).toBeUndefined();
    expect(store.get("/15")).toBeDefined();
  });

  it("does not keep one response bigger than an eighth of its budget, nor anything when sized 0", () => {
    expect(new PageCacheStore(8000).set("/big", [], response(2000), 60_000, 0)).toBe(false);
    expect(new PageCacheStore(0).set("/a", [], response(10), 60_000, 0)).toBe(false);
  });

  it("counts derivatives (compressed copies) in its budget and frees them with the entry", () => {
    const store = new PageCacheStore(1_000_000);
    store.set("/feed.xml", ["feeds"], response(1000), 60_000, store.beginRender());
    const entry = store.get("/feed.xml");
    if (!entry) throw new Error("missing");
    const before = store.byteSize;
    store.addExtra(entry, "gzip", Buffer.alloc(300));
    expect(store.byteSize).toBe(before + 300);
    store.invalidateTags(["feeds"]);
    expect(store.byteSize).toBe(0);
  });
});
