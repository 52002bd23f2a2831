import { getPublicCacheState } from "./state";

const inflight = new Map<string, { ticket: number; promise: Promise<unknown> }>();

/**
 * Process-wide memo for hot public data every page needs (navigation, the
 * latest-news list): kept until a change notification drops one of its tags,
 * exactly like cached pages, so a cache miss renders without re-reading them.
 * Values are shared between requests: never mutate them. While freshness
 * cannot be vouched for (no change notifications, e.g. under plain
 * `next start`), every call reads through.
 *
 * @param tags  invalidation tags (./tags.ts); [] means "only on invalidateAll"
 */
export async function memoizePublicData<T>(key: string, tags: readonly string[], load: () => Promise<T>, ttlMs = 5 * 60_000): Promise<T> {
  const state = getPublicCacheState();
  const gate = state.freshness;
  if (!gate?.isTrustworthy()) return load();
  const pending = gate.pendingWork();
  if (pending) await pending;
  const hit = state.memo.get(key);
  if (hit) return hit.value as T;
  // Join a load already running only if nothing was invalidated since it
  // started: a reader after a change must not get data read before it.
  const ticket = state.memo.beginRender();
  const running = inflight.get(key);
  if (running && running.ticket === ticket) return running.promise as Promise<T>;
  const promise = load()
    .then((value) => {
      state.memo.set(key, tags, value, ttlMs, ticket);
      return value;
    })
    .finally(() => {
      if (inflight.get(key)?.promise === promise) inflight.delete(key);
    });
  inflight.set(key, { ticket, promise });
  return promise;
}
