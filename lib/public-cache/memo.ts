import { getPublicCacheState } from "./state";

/** Memo values are mostly small lists; a flat estimate keeps the accounting cheap. */
const DEFAULT_MEMO_BYTES = 16 * 1024;

const inflight = new Map<string, { ticket: number; promise: Promise<unknown> }>();

/**
 * Process-wide memo for hot public data every page needs (navigation, the
 * latest-news list): kept until a change notification drops one of its tags,
 * exactly like cached pages, so a cache miss renders without re-reading them.
 * Values are shared between requests: never mutate them. While freshness
 * cannot be vouched for (no change notifications, e.g. under plain
 * `next start`), every call reads through.
 *
 * @param tags  invalidation tags (./tags.ts); [] means "only on invalidateAll".
 *   A function derives them from the loaded value (e.g. a story's address)
 *   and may return null: that value is not kept (a miss stays a miss).
 * @param options.bytesOf  what a value costs in memory (default: a small list's worth)
 */
export async function memoizePublicData<T>(
  key: string,
  tags: readonly string[] | ((value: T) => readonly string[] | null),
  load: () => Promise<T>,
  options: { ttlMs?: number; bytesOf?: (value: T) => number } = {},
): Promise<T> {
  const { ttlMs = 5 * 60_000, bytesOf } = options;
  const state = getPublicCacheState();
  const gate = state.freshness;
  if (!gate?.isTrustworthy()) return load();
  const pending = gate.pendingWork();
  if (pending) await pending;
  const hit = state.memo.get(key);
  if (hit) return hit.value.data as T;
  // Join a load already running only if nothing was invalidated since it
  // started: a reader after a change must not get data read before it.
  const ticket = state.memo.beginRender();
  const running = inflight.get(key);
  if (running && running.ticket === ticket) return running.promise as Promise<T>;
  const promise = load()
    .then((value) => {
      const valueTags = typeof tags === "function" ? tags(value) : tags;
      if (valueTags) state.memo.set(key, valueTags, { data: value, bytes: bytesOf?.(value) ?? DEFAULT_MEMO_BYTES }, ttlMs, ticket);
      return value;
    })
    .finally(() => {
      if (inflight.get(key)?.promise === promise) inflight.delete(key);
    });
  inflight.set(key, { ticket, promise });
  return promise;
}
