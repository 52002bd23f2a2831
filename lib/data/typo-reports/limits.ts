import type { RateLimitPolicy } from "../rate-limit";

/**
 * How much one client (a keyed hash of its address; an IPv6 /64 counts as
 * one) may report. Counted in the database, so every app instance agrees.
 * A run of hits ends after `windowSeconds` without one (lib/data/rate-limit.ts).
 */
export const TYPO_REPORT_RATE_LIMITS = {
  /** A burst: ten reports with no ten-minute pause between them. */
  perClient: { name: "typo:client", limit: 10, windowSeconds: 10 * 60, blockSeconds: 10 * 60, maxBlockSeconds: 60 * 60 },
  /** A day's worth: fifty reports with no day-long pause. */
  perClientDaily: { name: "typo:client-day", limit: 50, windowSeconds: 24 * 3600, blockSeconds: 3600, maxBlockSeconds: 24 * 3600 },
  /** One story: five reports an hour from one client. */
  perClientAndArticle: { name: "typo:article", limit: 5, windowSeconds: 3600, blockSeconds: 3600, maxBlockSeconds: 24 * 3600 },
  /**
   * One spot: a client's second report of the same spot within a day is
   * thanked but not counted, so one reader cannot inflate a report's count.
   */
  perClientAndSpot: { name: "typo:spot", limit: 1, windowSeconds: 24 * 3600, blockSeconds: 24 * 3600, maxBlockSeconds: 24 * 3600 },
} as const satisfies Record<string, RateLimitPolicy>;
