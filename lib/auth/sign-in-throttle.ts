import type { RateLimitPolicy } from "../data/rate-limit";

/**
 * Failed sign-ins per account (keyed by a hash of the email, whether or not
 * such an account exists, so throttling reveals nothing): after 5 in a run,
 * wait 30 s, doubling per further failure to at most 5 minutes. A run ends
 * after 15 quiet minutes; a successful sign-in ends it at once. An attacker
 * can make the owner wait, never lock them out.
 */
export const SIGN_IN_ACCOUNT_POLICY: RateLimitPolicy = {
  name: "sign-in:account",
  limit: 5,
  windowSeconds: 15 * 60,
  blockSeconds: 30,
  maxBlockSeconds: 5 * 60,
};

/**
 * Failed sign-ins per client address, across accounts (password spraying).
 * A higher bar, since a newsroom may share one address.
 */
export const SIGN_IN_CLIENT_POLICY: RateLimitPolicy = {
  name: "sign-in:client",
  limit: 20,
  windowSeconds: 15 * 60,
  blockSeconds: 30,
  maxBlockSeconds: 5 * 60,
};

/** "30 seconds", "2 minutes": how long to wait, as a person reads it. */
export function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

export function describeThrottle(seconds: number): string {
  return `Too many failed sign-in attempts. Wait ${describeWait(seconds)} and try again.`;
}
