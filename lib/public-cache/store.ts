import { DEFAULT_STALE_MAX_AGE_MS, StaleCopies } from "./stale";
/** A response as the page cache keeps it. */
export interface StoredResponse {
  status: number;
  /** Header name (lower case) and value; may contain the nonce placeholder. */
  headers: [string, string][];
  /**
   * The body cut at every occurrence of the render's placeholder nonce: a
   * fresh nonce goes between the parts on every hit. One part when the body
   * carries no nonce (feeds, sitemaps).
   */
  bodyParts: Buffer[];
  /** Total body length once a nonce of the placeholder's length is inserted. */
  byteLength: number;
}

export interface TaggedEntry<V> {
  key: string;
  tags: readonly string[];
  value: V;
  storedAt: number;
  expiresAt: number;
  /** Cached derivatives (e.g. a compressed body), freed with the entry. */
  extras: Map<string, Buffer>;
}

/** A cached public response. */
export type CacheEntry = TaggedEntry<StoredResponse>;

/** Opaque token taken before a render: proves no invalidation happened during it. */
export type RenderTicket = number;

const PER_ENTRY_OVERHEAD = 512;
/** Invalidation records older than this cannot matter: renders time out sooner. */
const TICKET_HORIZON_MS = 120_000;

/**
 * An in-process cache: LRU by bytes, with a tag index for precise
 * invalidation. Every invalidation gets a sequence number, and a value
 * computed before an invalidation of one of its tags is refused, so a render
 * that raced an editor's change can never be stored stale.
 */
export class TaggedCache<V> {
  /** Told about every entry dropped because it was invalidated or expired (not evicted for room). */
  onDrop?: (entry: TaggedEntry<V>) => void;
  private readonly entries = new Map<string, TaggedEntry<V>>();
  private readonly keysByTag = new Map<string, Set<string>>();
  private readonly tagInvalidatedAt = new Map<string, { seq: number; at: number }>();
  private allInvalidatedSeq = 0;
  private seq = 0;
  private bytes = 0;

  constructor(
    readonly maxBytes: number,
    private readonly sizeOf: (value: V) => number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get byteSize(): number {
    return this.bytes;
  }

  /** A fresh entry, or undefined (an expired one is dropped). */
  get(key: string, now = Date.now()): TaggedEntry<V> | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.remove(entry);
      this.onDrop?.(entry);
      return undefined;
    }
    // Map order is the LRU order: re-insert on use.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /** An entry as it is, expired or not, without touching the LRU order. */
  protected peek(key: string): TaggedEntry<V> | undefined {
    return this.entries.get(key);
  }

  beginRender(): RenderTicket {
    return this.seq;
  }

  /**
   * Stores a value computed under `ticket`. Returns false (and stores
   * nothing) when one of its tags was invalidated since, or it is too big.
   */
  set(key: string, tags: readonly string[], value: V, ttlMs: number, ticket: RenderTicket, now = Date.now()): boolean {
    if (this.maxBytes <= 0 || this.isStale(tags, ticket)) return false;
    const size = this.sizeOf(value) + PER_ENTRY_OVERHEAD;
    if (size > this.maxBytes / 8) return false;
    const existing = this.entries.get(key);
    if (existing) this.remove(existing);
    const entry: TaggedEntry<V> = { key, tags, value, storedAt: now, expiresAt: now + ttlMs, extras: new Map() };
    this.entries.set(key, entry);
    this.bytes += size;
    for (const tag of tags) {
      let keys = this.keysByTag.get(tag);
      if (!keys) this.keysByTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    this.evict();
    return true;
  }

  /** Adds a derivative (e.g. gzip) to an entry's memory account. */
  addExtra(entry: TaggedEntry<V>, name: string, data: Buffer): void {
    if (this.entries.get(entry.key) !== entry || entry.extras.has(name)) return;
    entry.extras.set(name, data);
    this.bytes += data.length;
    this.evict();
  }

  /** Drops every entry carrying one of `tags`; returns how many. */
  invalidateTags(tags: Iterable<string>, now = Date.now()): number {
    const seq = ++this.seq;
    let removed = 0;
    for (const tag of tags) {
      this.tagInvalidatedAt.set(tag, { seq, at: now });
      const keys = this.keysByTag.get(tag);
      if (!keys) continue;
      for (const key of [...keys]) {
        const entry = this.entries.get(key);
        if (entry) {
          this.remove(entry);
          this.onDrop?.(entry);
          removed++;
        }
      }
    }
    this.pruneTickets(now);
    return removed;
  }

  invalidateAll(): number {
    const removed = this.entries.size;
    if (this.onDrop) for (const entry of this.entries.values()) this.onDrop(entry);
    this.allInvalidatedSeq = ++this.seq;
    this.entries.clear();
    this.keysByTag.clear();
    this.tagInvalidatedAt.clear();
    this.bytes = 0;
    return removed;
  }

  private isStale(tags: readonly string[], ticket: RenderTicket): boolean {
    if (this.allInvalidatedSeq > ticket) return true;
    return tags.some((tag) => (this.tagInvalidatedAt.get(tag)?.seq ?? 0) > ticket);
  }

  private remove(entry: TaggedEntry<V>): void {
    if (this.entries.get(entry.key) !== entry) return;
    this.entries.delete(entry.key);
    this.bytes -= this.sizeOf(entry.value) + PER_ENTRY_OVERHEAD;
    for (const extra of entry.extras.values()) this.bytes -= extra.length;
    for (const tag of entry.tags) {
      const keys = this.keysByTag.get(tag);
      keys?.delete(entry.key);
      if (keys?.size === 0) this.keysByTag.delete(tag);
    }
  }

  private evict(): void {
    for (const entry of this.entries.values()) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(entry);
    }
  }

  private pruneTickets(now: number): void {
    if (this.tagInvalidatedAt.size < 2048) return;
    for (const [tag, record] of this.tagInvalidatedAt) {
      if (now - record.at > TICKET_HORIZON_MS) this.tagInvalidatedAt.delete(tag);
    }
  }
}

/**
 * The page cache: public responses by cache key. What invalidation or age
 * drops is kept aside as a stale copy (./stale.ts) for answering while the
 * database is unavailable.
 */
export class PageCacheStore extends TaggedCache<StoredResponse> {
  readonly stale: StaleCopies;

  constructor(maxBytes: number, staleMaxAgeMs = DEFAULT_STALE_MAX_AGE_MS) {
    super(maxBytes, (response) => response.byteLength);
    this.stale = new StaleCopies(maxBytes, staleMaxAgeMs);
    this.onDrop = (entry) => this.stale.keep(entry);
  }

  override set(key: string, tags: readonly string[], value: StoredResponse, ttlMs: number, ticket: RenderTicket, now = Date.now()): boolean {
    const isStored = super.set(key, tags, value, ttlMs, ticket, now);
    if (isStored) this.stale.forget(key);
    return isStored;
  }

  /** The freshest copy there is — current or stale — for answering when a render cannot be made. */
  getLastKnown(key: string, now = Date.now()): CacheEntry | undefined {
    const current = this.peek(key);
    if (current && current.value.status === 200) return current;
    return this.stale.get(key, now);
  }
}
