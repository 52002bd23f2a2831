import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCacheFront } from "./front";

const DRAFT_MODE_ID = "3f9a1c0d5e7b2a4c6d8e0f1a2b3c4d5e";
import { INTERNAL_RENDER_HEADER, getPublicCacheState, invalidateCachedTags, resetPublicCacheStateForTesting, type PublicCacheState } from "./state";

/**
 * The front in a real HTTP server, with a stand-in for Next.js + proxy.ts:
 * it stamps the placeholder nonce on the cache's own renders (recognised by
 * the render secret) and a fresh nonce on everything else, like proxy.ts.
 */
interface Harness {
  url: string;
  renders: Map<string, number>;
  state: PublicCacheState;
  gate: { trusted: boolean; pending?: Promise<void> };
  /** When set, the stand-in ignores the render secret (a misconfigured proxy). */
  ignoreSecret: boolean;
  /** While set, renders are held until it resolves: a render "in progress" for as long as a test needs. */
  hold?: Promise<void>;
  /** Resolved by the stand-in when a render of `path` begins (its n-th render, counting from 1). */
  renderBegan(path: string, n: number): Promise<void>;
  /** Resolved when the server has received `n` requests for `path`. */
  arrived(path: string, n: number): Promise<void>;
  /** When set, the stand-in answers like the server's outage guard: 503 "database unavailable". */
  outage: boolean;
  databaseDown: boolean;
  reportedOutages: number;
  close(): Promise<void>;
}

/** A promise with its resolve function: tests order events with these, never with timers. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

/** Counters with waiters: "resolve when this count reaches n". */
function counter() {
  const counts = new Map<string, number>();
  const waiters = new Map<string, () => void>();
  return {
    counts,
    bump(key: string): number {
      const count = (counts.get(key) ?? 0) + 1;
      counts.set(key, count);
      waiters.get(`${key}#${count}`)?.();
      return count;
    },
    reached(key: string, n: number): Promise<void> {
      if ((counts.get(key) ?? 0) >= n) return Promise.resolve();
      const reached = deferred();
      waiters.set(`${key}#${n}`, reached.resolve);
      return reached.promise;
    },
  };
}

let harness: Harness;
let renderCounter: ReturnType<typeof counter>;

function nonceFor(req: http.IncomingMessage, h: Harness): string {
  const isInternal = !h.ignoreSecret && req.headers[INTERNAL_RENDER_HEADER] === h.state.renderSecret;
  return isInternal ? h.state.placeholderNonce : `real${Math.random().toString(36).slice(2)}`;
}

async function fakeNext(req: http.IncomingMessage, res: http.ServerResponse, h: Harness): Promise<void> {
  const path = req.url ?? "/";
  renderCounter.bump(path);
  // A render takes a while: yield once, and for as long as a test holds renders.
  await new Promise((resolve) => setImmediate(resolve));
  await h.hold;
  const nonce = nonceFor(req, h);
  const csp = `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`;
  const html = (title: string) =>
    `<!DOCTYPE html><html><head><title>${title}</title><script nonce="${nonce}">a()</script></head><body>${"x".repeat(2000)}<script nonce="${nonce}">b()</script></body></html>`;
  {
    if (h.outage) {
      res.writeHead(503, { "content-type": "text/html; charset=utf-8", "x-newsdesk-outage": "database", "retry-after": "5" });
      res.end("<!DOCTYPE html><h1>We'll be back in a moment</h1>");
    } else if (path === "/news/world/shell") {
      res.writeHead(404, { "content-type": "text/html; charset=utf-8", "content-security-policy": csp });
      res.end(`<!DOCTYPE html><html id="__next_error__"><head><script nonce="${nonce}"></script></head><body></body></html>`);
    } else if (path === "/_newsdesk/not-found") {
      res.writeHead(404, { "content-type": "text/html; charset=utf-8", "content-security-policy": csp });
      res.end(html("Page not found (server-rendered)"));
    } else if (path === "/news/world/missing") {
      res.writeHead(404, { "content-type": "text/html; charset=utf-8", "content-security-policy": csp });
      res.end(html("Page not found"));
    } else if (path === "/news/world/moved") {
      res.writeHead(308, { location: "/news/politics/moved" });
      res.end();
    } else if (path === "/feed.xml") {
      res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8", "content-security-policy": csp });
      res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>${"<item/>".repeat(300)}</channel></rss>`);
    } else if (path === "/tags/with-cookie") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-security-policy": csp, "set-cookie": "a=b" });
      res.end(html("cookie"));
    } else {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-security-policy": csp, "x-frame-options": "SAMEORIGIN" });
      res.end(html(path));
    }
  }
}

beforeEach(async () => {
  resetPublicCacheStateForTesting();
  const state = getPublicCacheState();
  const gate: Harness["gate"] = { trusted: true };
  state.freshness = { isTrustworthy: () => gate.trusted, pendingWork: () => gate.pending };
  renderCounter = counter();
  const arrivals = counter();
  const partial = {
    renders: renderCounter.counts,
    state,
    gate,
    ignoreSecret: false,
    renderBegan: renderCounter.reached,
    arrived: arrivals.reached,
    outage: false,
    databaseDown: false,
    reportedOutages: 0,
  } as Omit<Harness, "url" | "close">;
  state.database = { isDown: () => partial.databaseDown, reportUnavailable: () => void partial.reportedOutages++ };
  const front = createCacheFront({
    state,
    siteHost: "news.test",
    log: () => {},
    staleIfErrorSeconds: 86400,
    draftModeId: DRAFT_MODE_ID,
    sendOutage: (_req, res) => {
      res.writeHead(503, { "content-type": "text/html; charset=utf-8", "retry-after": "5" });
      res.end("<!DOCTYPE html><h1>We'll be back in a moment</h1>");
    },
  });
  const server = http.createServer((req, res) => {
    arrivals.bump(req.url ?? "/");
    front(req, res, () => void fakeNext(req, res, partial as Harness));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  harness = Object.assign(partial, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }) as Harness;
});

afterEach(async () => {
  await harness.close();
  resetPublicCacheStateForTesting();
});

async function get(path: string, init: RequestInit = {}) {
  const response = await fetch(`${harness.url}${path}`, { redirect: "manual", ...init });
  const body = init.method === "HEAD" ? "" : await response.text();
  return { response, body, cache: response.headers.get("x-newsdesk-cache") };
}

function bodyNonces(body: string): string[] {
  return [...body.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1] ?? "");
}

describe("public page cache front", () => {
  it("renders a page once, then answers from memory with a fresh nonce in body and CSP every time", async () => {
    const first = await get("/news/politics/a-story");
    const second = await get("/news/politics/a-story");
    const third = await get("/news/politics/a-story?utm_source=newsletter");
    expect([first.cache, second.cache, third.cache]).toEqual(["MISS", "HIT", "HIT"]);
    expect(harness.renders.get("/news/politics/a-story")).toBe(1);
    const nonces = [first, second, third].map(({ body, response }) => {
      const inBody = new Set(bodyNonces(body));
      expect(inBody.size).toBe(1);
      const [nonce] = [...inBody];
      expect(response.headers.get("content-security-policy")).toBe(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
      expect(body).not.toContain(harness.state.placeholderNonce);
      return nonce;
    });
    expect(new Set(nonces).size).toBe(3);
    expect(second.response.headers.get("cache-control")).toBe("public, max-age=0, s-maxage=1, stale-while-revalidate=10, stale-if-error=86400");
    expect(second.response.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(second.body.length).toBe(first.body.length);
  });

  it("renders once for many readers arriving together", async () => {
    const held = deferred();
    harness.hold = held.promise;
    const first = get("/news/economy");
    await harness.renderBegan("/news/economy", 1);
    const others = Array.from({ length: 24 }, () => get("/news/economy"));
    await harness.arrived("/news/economy", 25);
    held.resolve();
    const results = await Promise.all([first, ...others]);
    expect(harness.renders.get("/news/economy")).toBe(1);
    expect(results.every((r) => r.response.status === 200)).toBe(true);
    expect(new Set(results.map((r) => bodyNonces(r.body)[0])).size).toBe(25);
  });

  it("renders again after an invalidation of one of the page's tags, and only that page", async () => {
    await get("/");
    await get("/news/sports");
    invalidateCachedTags(["latest"]);
    expect((await get("/")).cache).toBe("MISS");
    expect((await get("/news/sports")).cache).toBe("HIT");
    expect(harness.renders.get("/")).toBe(2);
  });

  it("does not hand a reader who arrives after a change a page whose render began before it", async () => {
    // Issue 10, observed fault 7: this used to wait 5 ms and hope the render had begun.
    const held = deferred();
    harness.hold = held.promise;
    const first = get("/news/politics/developing");
    await harness.renderBegan("/news/politics/developing", 1);
    invalidateCachedTags(["latest"]);
    const second = get("/news/politics/developing");
    await harness.renderBegan("/news/politics/developing", 2);
    held.resolve();
    await Promise.all([first, second]);
    expect(harness.renders.get("/news/politics/developing")).toBe(2);
    expect((await get("/news/politics/developing")).cache).toBe("HIT");
  });

  it("never serves signed-in staff, draft previews or client navigations from the cache", async () => {
    await get("/news/sports");
    const variants: Record<string, string>[] = [
      { cookie: "next-auth.session-token=abc" },
      { cookie: "theme=dark; __Secure-next-auth.session-token.0=abc" },
      { cookie: `theme=dark; __prerender_bypass=${DRAFT_MODE_ID}` },
      { rsc: "1" },
    ];
    for (const headers of variants) {
      const { cache, body } = await get("/news/sports", { headers });
      expect(cache).toBe("BYPASS");
      expect(body).not.toContain(harness.state.placeholderNonce);
    }
    expect(harness.renders.get("/news/sports")).toBe(5);
  });

  it("finding 8: serves a forged draft-mode cookie from the cache like any reader", async () => {
    await get("/news/culture");
    for (const forged of ["1", "x".repeat(DRAFT_MODE_ID.length), `${DRAFT_MODE_ID}0`, ""]) {
      expect((await get("/news/culture", { headers: { cookie: `__prerender_bypass=${forged}` } })).cache).toBe("HIT");
    }
    expect(harness.renders.get("/news/culture")).toBe(1);
  });

  it("renders every page while freshness cannot be vouched for", async () => {
    harness.gate.trusted = false;
    expect((await get("/")).cache).toBe("BYPASS");
    expect((await get("/")).cache).toBe("BYPASS");
    expect(harness.renders.get("/")).toBe(2);
  });

  it("waits for pending freshness work (a story going live) before answering", async () => {
    await get("/");
    const pending = deferred();
    const asked = deferred();
    harness.gate.pending = pending.promise;
    harness.state.freshness = { isTrustworthy: () => harness.gate.trusted, pendingWork: () => (asked.resolve(), harness.gate.pending) };
    let answered = false;
    const request = get("/").then((r) => {
      answered = true;
      return r;
    });
    // The front has the request and is waiting on the pending work: it cannot have answered.
    await asked.promise;
    expect(answered).toBe(false);
    invalidateCachedTags(["latest"]);
    harness.gate.pending = undefined;
    pending.resolve();
    expect((await request).cache).toBe("MISS");
  });

  it("keeps a 'not found' briefly, never a redirect or a response that sets a cookie", async () => {
    const missing = await get("/news/world/missing");
    expect(missing.response.status).toBe(404);
    expect((await get("/news/world/missing")).cache).toBe("HIT");
    expect(new Set(bodyNonces(missing.body)).size).toBe(1);

    const moved = await get("/news/world/moved");
    expect(moved.response.status).toBe(308);
    expect(moved.response.headers.get("location")).toBe("/news/politics/moved");
    await get("/news/world/moved");
    expect(harness.renders.get("/news/world/moved")).toBe(2);

    await get("/tags/with-cookie");
    await get("/tags/with-cookie");
    expect(harness.renders.get("/tags/with-cookie")).toBe(2);
  });

  it("swaps Next's client-rendered 404 shell for the server-rendered not-found page", async () => {
    const first = await get("/news/world/shell");
    expect(first.response.status).toBe(404);
    expect(first.body).toContain("Page not found (server-rendered)");
    expect(first.body).not.toContain("__next_error__");
    expect((await get("/news/world/shell")).cache).toBe("HIT");
  });

  it("never keeps a page that was rendered with a real nonce", async () => {
    harness.ignoreSecret = true;
    const first = await get("/news/culture");
    const second = await get("/news/culture");
    expect(first.cache).toBe("MISS");
    expect(second.cache).toBe("MISS");
    expect(bodyNonces(first.body)[0]).not.toBe(bodyNonces(second.body)[0]);
  });

  it("gives feeds an ETag, answers 304 to a matching conditional request, and gzips on request", async () => {
    await get("/feed.xml");
    const hit = await get("/feed.xml");
    const etag = hit.response.headers.get("etag");
    expect(etag).toMatch(/^".+"$/);
    const conditional = await fetch(`${harness.url}/feed.xml`, { headers: { "if-none-match": etag ?? "" } });
    expect(conditional.status).toBe(304);

    const raw = await new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http
        .get(`${harness.url}/feed.xml`, { headers: { "accept-encoding": "gzip" } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        })
        .on("error", reject);
    });
    expect(raw.headers["content-encoding"]).toBe("gzip");
    expect(raw.headers.vary).toMatch(/accept-encoding/i);
    expect(gunzipSync(raw.body).toString()).toBe(hit.body);
  });

  it("answers HEAD from the cache without a body", async () => {
    await get("/news/society");
    const head = await get("/news/society", { method: "HEAD", headers: { "accept-encoding": "identity" } });
    expect(head.cache).toBe("HIT");
    expect(Number(head.response.headers.get("content-length"))).toBeGreaterThan(2000);
  });

  it("leaves everything else to Next.js untouched", async () => {
    for (const path of ["/admin", "/api/auth/session", "/news/x/y/z"]) {
      const { cache } = await get(path);
      expect(cache).toBeNull();
    }
    const post = await fetch(`${harness.url}/news/sports`, { method: "POST", body: "x" });
    expect(post.headers.get("x-newsdesk-cache")).toBeNull();
  });

  describe("while the database is unavailable (stale-if-error)", () => {
    it("answers the last copy of an invalidated page, marked STALE, with a fresh nonce, when its render finds the database gone", async () => {
      const first = await get("/news/sports");
      invalidateCachedTags(["section:sports"]);
      harness.state.store.invalidateAll();
      harness.outage = true;
      const stale = await get("/news/sports");
      expect(stale.response.status).toBe(200);
      expect(stale.cache).toBe("STALE");
      expect(stale.response.headers.get("warning")).toBe('110 - "Response is Stale"');
      expect(Number(stale.response.headers.get("age"))).toBeGreaterThanOrEqual(0);
      expect(stale.body.length).toBe(first.body.length);
      expect(bodyNonces(stale.body)[0]).not.toBe(bodyNonces(first.body)[0]);
      expect(stale.body).not.toContain(harness.state.placeholderNonce);
      expect(harness.reportedOutages).toBe(1);
    });

    it("answers a page it has no copy of with the readable 503, never a 500", async () => {
      harness.outage = true;
      const { response, body } = await get("/news/politics/never-cached");
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect(body).toContain("We'll be back in a moment");
    });

    it("does not even try a render while the database is known to be down", async () => {
      await get("/news/economy");
      harness.databaseDown = true;
      const results = await Promise.all([get("/news/economy"), get("/news/economy"), get("/tags/uncached")]);
      expect(results.map((r) => r.response.status)).toEqual([200, 200, 503]);
      expect(results.map((r) => r.cache)).toEqual(["STALE", "STALE", null]);
      expect(harness.renders.get("/news/economy")).toBe(1);
      expect(harness.renders.get("/tags/uncached")).toBeUndefined();
    });

    it("falls back to the last copy when freshness is lost with the database (the notification connection dropped)", async () => {
      await get("/");
      harness.gate.trusted = false;
      harness.outage = true;
      const answer = await get("/");
      expect([answer.response.status, answer.cache]).toEqual([200, "STALE"]);
      harness.outage = false;
      expect((await get("/")).cache).toBe("BYPASS");
    });

    it("keeps no stale copy past NEWSDESK_STALE_IF_ERROR_SECONDS", () => {
      const store = harness.state.store;
      const response = { status: 200, headers: [], bodyParts: [Buffer.from("x")], byteLength: 1 };
      store.set("/old", [], response, 60_000, store.beginRender(), 0);
      store.invalidateAll();
      expect(store.getLastKnown("/old", 1000)?.value).toBe(response);
      expect(store.getLastKnown("/old", 24 * 3600 * 1000 + 1)).toBeUndefined();
    });
  });
});
