import type { RateLimitPolicy } from "../data/rate-limit";

/**
 * Sign-in throttling (docs/security.md, "Throttling"). Three counters of
 * failures, each a run that ends after 15 quiet minutes:
 *
 * - per account *and* client address: 5 failures, then a wait of 30 s that
 *   doubles with every further failure, up to 15 minutes. An attacker at one
 *   address slows only themself; the owner elsewhere is untouched.
 * - per client address, across accounts (password spraying): 30 failures.
 * - per account, from anywhere: 10 failures lock the account for browsers it
 *   has never signed in on. The owner's own browser (a known device) still
 *   gets in with the password, and an account with a second factor still
 *   gets to that step: the lock never keeps the owner out, it keeps out
 *   strangers who might have the password.
 *
 * Counters are keyed by a hash of the email whether or not such an account
 * exists, so throttling reveals nothing about which emails are staff.
 */
export const SIGN_IN_PAIR_POLICY: RateLimitPolicy = {
  name: "sign-in:pair",
  limit: 5,
  windowSeconds: 15 * 60,
  blockSeconds: 30,
  maxBlockSeconds: 15 * 60,
};

export const SIGN_IN_CLIENT_POLICY: RateLimitPolicy = {
  name: "sign-in:client",
  limit: 30,
  windowSeconds: 15 * 60,
  blockSeconds: 30,
  maxBlockSeconds: 15 * 60,
};

export const SIGN_IN_ACCOUNT_POLICY: RateLimitPolicy = {
  name: "sign-in:account",
  limit: 10,
  windowSeconds: 15 * 60,
  blockSeconds: 60,
  maxBlockSeconds: 30 * 60,
};

/** Wrong second-factor codes per account: the 6-digit code space is small. */
export const SECOND_FACTOR_POLICY: RateLimitPolicy = {
  name: "second-factor",
  limit: 5,
  windowSeconds: 15 * 60,
  blockSeconds: 30,
  maxBlockSeconds: 15 * 60,
};

export const pairKey = (emailKey: string, clientHash: string) => `${emailKey}:${clientHash}`;

/** "30 seconds", "2 minutes": how long to wait, as a person reads it. */
export function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

export function describeThrottle(seconds: number): string {
  return `Too many failed sign-in attempts. Wait ${describeWait(seconds)} and try again.`;
}

export const LOCKED_MESSAGE =
  "Too many failed sign-in attempts on this account. Sign in from a browser you have used before, or wait a while and try again.";
