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
  close(): Promise<void>;
}

let harness: Harness;

function nonceFor(req: http.IncomingMessage, h: Harness): string {
  const isInternal = !h.ignoreSecret && req.headers[INTERNAL_RENDER_HEADER] === h.state.renderSecret;
  return isInternal ? h.state.placeholderNonce : `real${Math.random().toString(36).slice(2)}`;
}

function fakeNext(req: http.IncomingMessage, res: http.ServerResponse, h: Harness): void {
  const path = req.url ?? "/";
  h.renders.set(path, (h.renders.get(path) ?? 0) + 1);
  const nonce = nonceFor(req, h);
  const csp = `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`;
  const html = (title: string) =>
    `<!DOCTYPE html><html><head><title>${title}</title><script nonce="${nonce}">a()</script></head><body>${"x".repeat(2000)}<script nonce="${nonce}">b()</script></body></html>`;
  setTimeout(() => {
    if (path === "/news/world/shell") {
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
  }, 20);
}

beforeEach(async () => {
  resetPublicCacheStateForTesting();
  const state = getPublicCacheState();
  const gate: Harness["gate"] = { trusted: true };
  state.freshness = { isTrustworthy: () => gate.trusted, pendingWork: () => gate.pending };
  const front = createCacheFront({ state, siteHost: "news.test", log: () => {}, draftModeId: DRAFT_MODE_ID });
  const partial = { renders: new Map<string, number>(), state, gate, ignoreSecret: false } as Omit<Harness, "url" | "close">;
  const server = http.createServer((req, res) => front(req, res, () => fakeNext(req, res, partial as Harness)));
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
    expect(second.response.headers.get("cache-control")).toBe("public, max-age=0, s-maxage=1, stale-while-revalidate=10");
    expect(second.response.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(second.body.length).toBe(first.body.length);
  });

  it("renders once for many readers arriving together", async () => {
    const results = await Promise.all(Array.from({ length: 25 }, () => get("/news/economy")));
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
    const first = get("/news/politics/developing");
    await new Promise((resolve) => setTimeout(resolve, 5));
    invalidateCachedTags(["latest"]);
    const second = get("/news/politics/developing");
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
    let release: () => void = () => {};
    harness.gate.pending = new Promise<void>((resolve) => (release = resolve));
    let answered = false;
    const request = get("/").then((r) => {
      answered = true;
      return r;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered).toBe(false);
    invalidateCachedTags(["latest"]);
    harness.gate.pending = undefined;
    release();
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
});
