import { timingSafeEqual } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { classifyPublicRequest, type CacheableRoute } from "./routes";
import { sendStoredResponse } from "./send-response";
import { CACHE_STATUS_HEADER, INTERNAL_RENDER_HEADER, type PublicCacheState } from "./state";
import type { CacheEntry, RenderTicket, StoredResponse } from "./store";
import { hasNoncePlaceholder, prepareRenderedResponse, type RenderedResponse } from "./stored-response";

/** Hands the request to Next.js unchanged. */
export type PassToNext = () => void;
export type CacheFront = (req: IncomingMessage, res: ServerResponse, passToNext: PassToNext) => void;

export interface CacheFrontOptions {
  state: PublicCacheState;
  /** Host header for renders: the public site's, never a reader's (which could poison the cache). */
  siteHost: string;
  renderTimeoutMs?: number;
  /** This build's draft-mode (preview-mode) id: only a `__prerender_bypass` cookie carrying it skips the cache. */
  draftModeId?: string;
  log?: (message: string) => void;
}

const NOT_FOUND_TTL_MS = 60_000;
/**
 * An address no route matches: Next.js answers it with app/not-found.tsx
 * fully server-rendered. A notFound() thrown by a dynamic page, by contrast,
 * comes back as an empty shell the browser fills in with JavaScript
 * (vercel/next.js#62228), unreadable without it and blank to crawlers.
 */
const UNMATCHED_PATH = "/_newsdesk/not-found";
const CLIENT_RENDERED_SHELL = Buffer.from('<html id="__next_error__"');
const NOT_FOUND_CACHE_CONTROL = "public, max-age=0, s-maxage=1";
// Signed-in staff always get a live render.
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=/;
const DRAFT_MODE_COOKIE = /(?:^|;\s*)__prerender_bypass=([^;]*)/;

interface RenderResult {
  response: StoredResponse;
  entry?: CacheEntry;
  hasNonce: boolean;
}

/**
 * Draft mode's cookie is a real one only when it carries this build's
 * preview-mode id (Next.js sets exactly that value); any other value would let
 * anyone force full renders past the cache.
 */
function isDraftModeCookie(cookie: string, draftModeId: string | undefined): boolean {
  const value = DRAFT_MODE_COOKIE.exec(cookie)?.[1];
  if (!value || !draftModeId) return false;
  const given = Buffer.from(value);
  const expected = Buffer.from(draftModeId);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Requests that must reach Next.js as they are: client navigations, server actions, signed-in users, draft mode. */
function mustBypass(req: IncomingMessage, draftModeId: string | undefined): boolean {
  const headers = req.headers;
  if (headers.rsc !== undefined || headers["next-action"] !== undefined || headers["next-router-prefetch"] !== undefined) return true;
  if (headers.range !== undefined) return true;
  const cookie = headers.cookie;
  return typeof cookie === "string" && (SESSION_COOKIE.test(cookie) || isDraftModeCookie(cookie, draftModeId));
}

function loopbackHost(req: IncomingMessage): string {
  const address = req.socket.localAddress ?? "127.0.0.1";
  return address.startsWith("::ffff:") ? address.slice("::ffff:".length) : address;
}

/**
 * The public page cache's HTTP front, placed before Next.js by the server
 * (lib/server/start-server.mjs). Cacheable public GETs are answered from
 * memory; a miss is rendered once (concurrent readers of the same page wait
 * for that one render) by a loopback request through Next.js and the proxy,
 * marked with the render secret so the page is stamped with the placeholder
 * nonce. Everything else goes straight to Next.js.
 */
export function createCacheFront(options: CacheFrontOptions): CacheFront {
  const { state } = options;
  const log = options.log ?? ((message: string) => console.error(`[newsdesk] page cache: ${message}`));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  const inflight = new Map<string, { ticket: RenderTicket; promise: Promise<RenderResult> }>();

  // Readers of a page being rendered wait for that render, unless something
  // was invalidated since it started: a reader after a change must not get a
  // page rendered before it.
  function renderOnce(route: CacheableRoute, req: IncomingMessage): Promise<RenderResult> {
    const ticket = state.store.beginRender();
    const running = inflight.get(route.key);
    if (running && running.ticket === ticket) return running.promise;
    const promise = render(route, req, ticket).finally(() => {
      if (inflight.get(route.key)?.promise === promise) inflight.delete(route.key);
    });
    inflight.set(route.key, { ticket, promise });
    return promise;
  }

  async function render(route: CacheableRoute, req: IncomingMessage, ticket: RenderTicket): Promise<RenderResult> {
    const host = loopbackHost(req);
    const port = req.socket.localPort ?? 80;
    let rendered = await fetchRender(route.key, host, port);
    if (rendered.status === 404 && rendered.body.subarray(0, 512).includes(CLIENT_RENDERED_SHELL)) {
      // Same 404, readable: the server-rendered not-found page.
      const readable = await fetchRender(UNMATCHED_PATH, host, port);
      if (readable.status === 404) rendered = readable;
    }
    const { response, isStorable } = prepareRenderedResponse(rendered, state.placeholderNonce);
    const hasNonce = hasNoncePlaceholder(response, state.placeholderNonce);
    const ttl = response.status === 200 ? route.ttlMs : response.status === 404 && route.isNotFoundCacheable ? NOT_FOUND_TTL_MS : 0;
    if (isStorable && ttl > 0 && state.store.set(route.key, route.tags, response, ttl, ticket)) {
      return { response, hasNonce, entry: state.store.get(route.key) };
    }
    return { response, hasNonce };
  }

  function fetchRender(path: string, host: string, port: number): Promise<RenderedResponse> {
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          host,
          port,
          path,
          method: "GET",
          agent,
          timeout: options.renderTimeoutMs ?? 30_000,
          headers: {
            host: options.siteHost,
            accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "accept-encoding": "identity",
            "user-agent": "Newsdesk page cache",
            [INTERNAL_RENDER_HEADER]: state.renderSecret,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => resolve({ status: response.statusCode ?? 500, headers: response.headers, body: Buffer.concat(chunks) }));
          response.on("error", reject);
        },
      );
      request.on("timeout", () => request.destroy(new Error(`render of ${path} timed out`)));
      request.on("error", reject);
      request.end();
    });
  }

  function respond(req: IncomingMessage, res: ServerResponse, route: CacheableRoute, passToNext: PassToNext): void {
    const entry = state.store.get(route.key);
    if (entry) {
      sendStoredResponse(req, res, {
        response: entry.value,
        entry,
        store: state.store,
        placeholderNonce: state.placeholderNonce,
        hasNonce: hasNoncePlaceholder(entry.value, state.placeholderNonce),
        cacheControl: cacheControlFor(entry.value, route),
        cacheStatus: "HIT",
      });
      return;
    }
    renderOnce(route, req).then(
      (result) =>
        sendStoredResponse(req, res, {
          response: result.response,
          entry: result.entry,
          store: state.store,
          placeholderNonce: state.placeholderNonce,
          hasNonce: result.hasNonce,
          cacheControl: result.entry ? cacheControlFor(result.response, route) : undefined,
          cacheStatus: "MISS",
        }),
      (error: unknown) => {
        log(`render of ${route.key} failed (${String(error)}); answering directly`);
        if (!res.headersSent) passToNext();
      },
    );
  }

  return function cacheFront(req, res, passToNext) {
    if (!state.isEnabled || (req.method !== "GET" && req.method !== "HEAD") || req.headers[INTERNAL_RENDER_HEADER] !== undefined) {
      passToNext();
      return;
    }
    const url = req.url ?? "/";
    const queryAt = url.indexOf("?");
    const route = classifyPublicRequest(
      queryAt === -1 ? url : url.slice(0, queryAt),
      new URLSearchParams(queryAt === -1 ? "" : url.slice(queryAt + 1)),
    );
    if (!route) {
      passToNext();
      return;
    }
    const gate = state.freshness;
    if (mustBypass(req, options.draftModeId) || !gate?.isTrustworthy()) {
      res.setHeader(CACHE_STATUS_HEADER, "BYPASS");
      passToNext();
      return;
    }
    const pending = gate.pendingWork();
    if (!pending) {
      respond(req, res, route, passToNext);
      return;
    }
    pending.then(
      () => respond(req, res, route, passToNext),
      () => passToNext(),
    );
  };
}

function cacheControlFor(response: StoredResponse, route: CacheableRoute): string | undefined {
  if (response.status === 200) return route.cacheControl;
  if (response.status === 404) return NOT_FOUND_CACHE_CONTROL;
  return undefined;
}
