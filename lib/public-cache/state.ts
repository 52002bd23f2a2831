import { getEnv } from "../env";
import { createNonce } from "../security/headers";
import { PageCacheStore, TaggedCache } from "./store";

/**
 * Header that marks the page cache's own render requests (loopback, from the
 * cache front to Next). Its value is a per-process secret: a reader cannot
 * forge it to obtain a page rendered with the placeholder nonce.
 */
export const INTERNAL_RENDER_HEADER = "x-newsdesk-page-render";

/** Answer header saying how a public response was served: HIT, MISS, BYPASS or STALE. */
export const CACHE_STATUS_HEADER = "x-newsdesk-cache";

/** What the cache front needs to know about database freshness. */
export interface FreshnessGate {
  /** False while changes could go unnoticed (e.g. the notification connection is down). */
  isTrustworthy(): boolean;
  /** Work that must finish before a cached page may be served (a scheduled story whose time came), if any. */
  pendingWork(): Promise<void> | undefined;
  /** Stops listening (graceful shutdown). */
  stop?(): Promise<void>;
}

export interface PublicCacheState {
  store: PageCacheStore;
  /** Whether public pages are cached (NEWSDESK_PAGE_CACHE_MB > 0). */
  isEnabled: boolean;
  /** Hot shared data (navigation, latest news) under the same invalidation as pages; see ./memo.ts. */
  memo: TaggedCache<MemoValue>;
  renderSecret: string;
  /** Stands in for the nonce while a cacheable page renders; swapped for a fresh one on every answer. */
  placeholderNonce: string;
  freshness?: FreshnessGate;
  /** What the process knows about its database (lib/db/health.ts); while it is down, pages come from stale copies. */
  database?: DatabaseGate;
}

/** What the cache front needs to know about the database. */
export interface DatabaseGate {
  isDown(): boolean;
  reportUnavailable(error: unknown): void;
}

/** A memoised value and what it costs in memory (./memo.ts). */
export interface MemoValue {
  data: unknown;
  bytes: number;
}

/** Room for the shared lists plus a few thousand of the most read stories. */
const MEMO_BYTES = 32 * 1024 * 1024;

// Proxy, route handlers, server actions and the cache front are bundled
// separately but share one process: the state lives on globalThis.
const STATE_KEY = Symbol.for("newsdesk.publicCache.state");
const holder = globalThis as unknown as Record<typeof STATE_KEY, PublicCacheState | undefined>;

export function getPublicCacheState(): PublicCacheState {
  let state = holder[STATE_KEY];
  if (!state) {
    const env = getEnv();
    const megabytes = env.NEWSDESK_PAGE_CACHE_MB;
    state = {
      store: new PageCacheStore(megabytes * 1024 * 1024, env.NEWSDESK_STALE_IF_ERROR_SECONDS * 1000),
      isEnabled: megabytes > 0,
      memo: new TaggedCache<MemoValue>(MEMO_BYTES, (value) => value.bytes),
      // Shared by every worker process of one server (lib/server/start-server.mjs).
      renderSecret: process.env.NEWSDESK_INTERNAL_RENDER_SECRET || createNonce(),
      placeholderNonce: process.env.NEWSDESK_INTERNAL_PLACEHOLDER_NONCE || createNonce(),
    };
    holder[STATE_KEY] = state;
  }
  return state;
}

/** For tests: forget the process state (the next call builds a fresh one). */
export function resetPublicCacheStateForTesting(): void {
  holder[STATE_KEY] = undefined;
}

/**
 * The nonce a request must be rendered with when it is the page cache's own
 * render (the placeholder), else undefined: the proxy then mints a fresh one.
 */
export function internalRenderNonce(headers: Headers): string | undefined {
  const claimed = headers.get(INTERNAL_RENDER_HEADER);
  if (!claimed) return undefined;
  const state = holder[STATE_KEY];
  return state && claimed === state.renderSecret ? state.placeholderNonce : undefined;
}

/** Drops cached pages and memoised data carrying any of `tags`; returns how many pages. */
export function invalidateCachedTags(tags: Iterable<string>): number {
  const state = getPublicCacheState();
  const list = [...tags];
  state.memo.invalidateTags(list);
  return state.store.invalidateTags(list);
}

/** Drops every cached page and all memoised data; returns how many pages. */
export function invalidateEverything(): number {
  const state = getPublicCacheState();
  state.memo.invalidateAll();
  return state.store.invalidateAll();
}
