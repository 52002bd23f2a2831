import type { CacheEntry } from "./store";

/** How long a page may be answered past its invalidation while the database is down (NEWSDESK_STALE_IF_ERROR_SECONDS). */
export const DEFAULT_STALE_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** Headers that tell a reader (and a CDN) the copy is not current (RFC 9111 §5.5 "Response is Stale"). */
export const STALE_WARNING = '110 - "Response is Stale"';

/**
 * Stale copies: pages the cache dropped because they were invalidated or
 * aged out, kept (newest per address, least recently kept first out, within
 * the same memory budget as the page cache) for one purpose — answering
 * readers while the database is unavailable, like Varnish's grace mode or a
 * CDN's stale-if-error. A copy older than `maxAgeMs` (counted from its
 * render) is never answered. Only 200 answers are kept.
 */
export class StaleCopies {
  private readonly copies = new Map<string, CacheEntry>();
  private bytes = 0;

  constructor(
    readonly maxBytes: number,
    readonly maxAgeMs: number,
  ) {}

  get size(): number {
    return this.copies.size;
  }

  keep(entry: CacheEntry): void {
    if (this.maxBytes <= 0 || this.maxAgeMs <= 0 || entry.value.status !== 200) return;
    this.forget(entry.key);
    this.copies.set(entry.key, entry);
    this.bytes += sizeOf(entry);
    for (const oldest of this.copies.values()) {
      if (this.bytes <= this.maxBytes) break;
      this.forget(oldest.key);
    }
  }

  /** The stale copy of `key` if it is young enough, else undefined (and an old one is dropped). */
  get(key: string, now = Date.now()): CacheEntry | undefined {
    const entry = this.copies.get(key);
    if (!entry) return undefined;
    if (now - entry.storedAt > this.maxAgeMs) {
      this.forget(key);
      return undefined;
    }
    return entry;
  }

  forget(key: string): void {
    const entry = this.copies.get(key);
    if (!entry) return;
    this.copies.delete(key);
    this.bytes -= sizeOf(entry);
  }
}

function sizeOf(entry: CacheEntry): number {
  let extras = 0;
  for (const extra of entry.extras.values()) extras += extra.length;
  return entry.value.byteLength + extras + 512;
}
