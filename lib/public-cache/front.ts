import { timingSafeEqual } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { classifyPublicRequest, type CacheableRoute } from "./routes";
import { sendStoredResponse } from "./send-response";
import { STALE_WARNING } from "./stale";
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
  /** Answers a page the database is needed for and no copy exists of: the readable 503 (lib/server/outage-page.ts). */
  sendOutage?: (req: IncomingMessage, res: ServerResponse) => void;
  /** Advertised to CDNs as stale-if-error (NEWSDESK_STALE_IF_ERROR_SECONDS). */
  staleIfErrorSeconds?: number;
}

/** Set on an answer that says "the database is unavailable" (lib/server/outage-page.ts). */
const OUTAGE_HEADER = "x-newsdesk-outage";

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
  /** The render failed because the database is unavailable. */
  isOutage: boolean;
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
    const promise = render(route, req, ticket, true).finally(() => {
      if (inflight.get(route.key)?.promise === promise) inflight.delete(route.key);
    });
    inflight.set(route.key, { ticket, promise });
    return promise;
  }

  async function render(route: CacheableRoute, req: IncomingMessage, ticket: RenderTicket, mayStore: boolean): Promise<RenderResult> {
    const host = loopbackHost(req);
    const port = req.socket.localPort ?? 80;
    let rendered = await fetchRender(route.key, host, port, req);
    if (rendered.status === 503 && rendered.headers[OUTAGE_HEADER] !== undefined) {
      const response = prepareRenderedResponse(rendered, state.placeholderNonce).response;
      return { response, hasNonce: false, isOutage: true };
    }
    if (rendered.status === 404 && rendered.body.subarray(0, 512).includes(CLIENT_RENDERED_SHELL)) {
      // Same 404, readable: the server-rendered not-found page.
      const readable = await fetchRender(UNMATCHED_PATH, host, port, req);
      if (readable.status === 404) rendered = readable;
    }
    const { response, isStorable } = prepareRenderedResponse(rendered, state.placeholderNonce);
    const hasNonce = hasNoncePlaceholder(response, state.placeholderNonce);
    const ttl = response.status === 200 ? route.ttlMs : response.status === 404 && route.isNotFoundCacheable ? NOT_FOUND_TTL_MS : 0;
    if (mayStore && isStorable && ttl > 0 && state.store.set(route.key, route.tags, response, ttl, ticket)) {
      return { response, hasNonce, entry: state.store.get(route.key), isOutage: false };
    }
    return { response, hasNonce, isOutage: false };
  }

  function fetchRender(path: string, host: string, port: number, reader: IncomingMessage): Promise<RenderedResponse> {
    const requestId = reader.headers["x-request-id"];
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
            // The reader's request id, so the render's log lines can be traced to it.
            ...(typeof requestId === "string" ? { "x-request-id": requestId } : {}),
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
      send(req, res, route, { response: entry.value, entry, hasNonce: hasNoncePlaceholder(entry.value, state.placeholderNonce) }, "HIT");
      return;
    }
    answerRendered(req, res, route, passToNext, renderOnce(route, req), "MISS");
  }

  function answerRendered(
    req: IncomingMessage,
    res: ServerResponse,
    route: CacheableRoute,
    passToNext: PassToNext,
    rendering: Promise<RenderResult>,
    cacheStatus: "MISS" | "BYPASS",
  ): void {
    rendering.then(
      (result) => {
        if (!result.isOutage) {
          send(req, res, route, result, cacheStatus);
          return;
        }
        state.database?.reportUnavailable(new Error(`render of ${route.key}: database unavailable`));
        answerFromLastKnown(req, res, route, () => send(req, res, route, result, cacheStatus));
      },
      (error: unknown) => {
        log(`render of ${route.key} failed (${String(error)}); answering directly`);
        if (!res.headersSent) answerFromLastKnown(req, res, route, passToNext);
      },
    );
  }

  /** The database cannot be used: the last copy there is (marked STALE), else the outage page. */
  function answerFromLastKnown(req: IncomingMessage, res: ServerResponse, route: CacheableRoute, otherwise: () => void): void {
    const entry = state.store.getLastKnown(route.key);
    if (entry) {
      send(req, res, route, { response: entry.value, entry, hasNonce: hasNoncePlaceholder(entry.value, state.placeholderNonce) }, "STALE");
      return;
    }
    if (options.sendOutage) options.sendOutage(req, res);
    else otherwise();
  }

  function send(
    req: IncomingMessage,
    res: ServerResponse,
    route: CacheableRoute,
    result: Pick<RenderResult, "response" | "entry" | "hasNonce">,
    cacheStatus: "HIT" | "MISS" | "BYPASS" | "STALE",
  ): void {
    if (cacheStatus === "STALE") res.setHeader("warning", STALE_WARNING);
    sendStoredResponse(req, res, {
      response: result.response,
      entry: result.entry,
      store: state.store,
      placeholderNonce: state.placeholderNonce,
      hasNonce: result.hasNonce,
      cacheControl: result.entry ? cacheControlFor(result.response, route, options.staleIfErrorSeconds ?? 0) : undefined,
      cacheStatus,
    });
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
    if (mustBypass(req, options.draftModeId)) {
      res.setHeader(CACHE_STATUS_HEADER, "BYPASS");
      passToNext();
      return;
    }
    if (state.database?.isDown()) {
      // No render can succeed: answer what we have without trying.
      answerFromLastKnown(req, res, route, passToNext);
      return;
    }
    const gate = state.freshness;
    if (!gate?.isTrustworthy()) {
      // Changes could go unnoticed: render every page, keep none, and fall
      // back to the last copy if the render finds the database gone.
      answerRendered(req, res, route, passToNext, render(route, req, state.store.beginRender(), false), "BYPASS");
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

function cacheControlFor(response: StoredResponse, route: CacheableRoute, staleIfErrorSeconds: number): string | undefined {
  if (response.status === 200) return staleIfErrorSeconds > 0 ? `${route.cacheControl}, stale-if-error=${staleIfErrorSeconds}` : route.cacheControl;
  if (response.status === 404) return NOT_FOUND_CACHE_CONTROL;
  return undefined;
}
