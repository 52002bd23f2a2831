import "server-only";
import type { SignInFailureReason } from "../audit/audit-actions";
import { recordAuditEvent } from "../data/audit";
import { getRateLimitStatus, hitRateLimit, resetRateLimit, undoRateLimitHit } from "../data/rate-limit";
import { db } from "../db";
import type { Role } from "../generated/prisma/enums";
import { hashIdentifier } from "../security/client-address";
import { hashPassword, verifyPassword } from "./password";
import { mustEnrolSecondFactor } from "./two-factor/requirement";
import { describeThrottle, LOCKED_MESSAGE, pairKey, SIGN_IN_ACCOUNT_POLICY, SIGN_IN_CLIENT_POLICY, SIGN_IN_PAIR_POLICY } from "./sign-in-throttle";

/** Who signed in, as the session records it. */
export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionVersion: number;
}

/** A sign-in refusal with a message safe to show (it never says which part was wrong). */
export class SignInError extends Error {
  constructor(message = "Wrong email or password.") {
    super(message);
    this.name = "SignInError";
  }
}

/** Sign-in during a database outage: refused, and said plainly (never "wrong password"). */
export const SIGN_IN_UNAVAILABLE_MESSAGE = "Sign-in is not possible while the database is unavailable. Try again in a moment.";

// Verifying against a real hash when the account does not exist keeps the
// response time the same, so timing does not reveal which emails exist.
let dummyHash: Promise<string> | undefined;

type Account = { id: string; email: string; name: string; role: Role; sessionVersion: number; isActive: boolean; passwordHash: string; hasSecondFactor: boolean };

async function recordFailure(account: Account | null, emailKey: string, clientHash: string, reason: SignInFailureReason) {
  // Known accounts are named by id; an email matching no account is kept
  // only as a keyed hash (it may be someone's typo of their own address).
  await db.$transaction(async (tx) => {
    if (account && reason === "wrong_password") {
      await tx.user.update({ where: { id: account.id }, data: { failedLoginCount: { increment: 1 }, lastFailedAt: new Date() } });
    }
    await recordAuditEvent(tx, {
      action: "auth.sign_in_failed",
      actorId: null,
      entityType: "user",
      entityId: account?.id ?? null,
      data: account ? { reason } : { reason, emailHash: emailKey },
      clientHash,
    });
  });
}

export interface PasswordCheckOptions {
  /** Accounts this browser has signed in to before (lib/auth/known-device.ts). */
  knownDeviceAccounts?: readonly string[];
}

/** A right password, and what the account needs next. */
export interface PasswordStepResult extends AuthenticatedUser {
  /** The account has a second factor: the session starts only after it. */
  hasSecondFactor: boolean;
  /** A second factor is required for the role and the account has none: enrolment comes first. */
  mustEnrol: boolean;
}

/**
 * Checks an email and password; throws SignInError on any failure.
 *
 * Every attempt is counted against the (account, address) pair, the address
 * and the account *before* the password is checked, so a burst of parallel
 * guesses cannot slip past the limits; attempts that turn out fine are taken
 * back. The account-wide lock (strangers' failures from anywhere) does not
 * apply to a browser the owner signed in on before, nor to an account with a
 * second factor: that step still stands between a guessed password and a
 * session (sign-in-throttle.ts).
 */
export async function authenticateWithPassword(
  email: string,
  password: string,
  clientHash: string,
  options: PasswordCheckOptions = {},
): Promise<PasswordStepResult> {
  const normalizedEmail = email.trim().toLowerCase();
  const emailKey = hashIdentifier("email", normalizedEmail);
  const account: Account | null = await db.user.findUnique({
    where: { email: normalizedEmail },
    select: { id: true, email: true, name: true, role: true, sessionVersion: true, isActive: true, passwordHash: true, totpEnabledAt: true, _count: { select: { passkeys: true } } },
  }).then((row) => (row ? { ...row, hasSecondFactor: Boolean(row.totpEnabledAt) || row._count.passkeys > 0 } : null));

  const isKnownDevice = Boolean(account && options.knownDeviceAccounts?.includes(account.id));
  const mayPassLock = isKnownDevice || Boolean(account?.hasSecondFactor);
  const pair = pairKey(emailKey, clientHash);
  const [pairHit, clientHit, accountStatus] = await Promise.all([
    hitRateLimit(SIGN_IN_PAIR_POLICY, pair),
    hitRateLimit(SIGN_IN_CLIENT_POLICY, clientHash),
    getRateLimitStatus(SIGN_IN_ACCOUNT_POLICY, emailKey),
  ]);
  if (!pairHit.allowed || !clientHit.allowed) {
    // A refused attempt checks nothing, so it must not count either.
    if (pairHit.allowed) await undoRateLimitHit(SIGN_IN_PAIR_POLICY, pair);
    if (clientHit.allowed) await undoRateLimitHit(SIGN_IN_CLIENT_POLICY, clientHash);
    await recordFailure(account, emailKey, clientHash, "throttled");
    const wait = Math.max(pairHit.allowed ? 0 : pairHit.retryAfterSeconds, clientHit.allowed ? 0 : clientHit.retryAfterSeconds);
    throw new SignInError(describeThrottle(wait));
  }
  if (!accountStatus.allowed && !mayPassLock) {
    await Promise.all([undoRateLimitHit(SIGN_IN_PAIR_POLICY, pair), undoRateLimitHit(SIGN_IN_CLIENT_POLICY, clientHash)]);
    await recordFailure(account, emailKey, clientHash, "locked");
    throw new SignInError(LOCKED_MESSAGE);
  }

  let isPasswordRight: boolean;
  if (account) {
    isPasswordRight = await verifyPassword(account.passwordHash, password);
  } else {
    dummyHash ??= hashPassword("newsdesk-timing-equaliser");
    await verifyPassword(await dummyHash, password);
    isPasswordRight = false;
  }

  if (!account || !isPasswordRight) {
    const accountHit = await hitRateLimit(SIGN_IN_ACCOUNT_POLICY, emailKey);
    await recordFailure(account, emailKey, clientHash, account ? "wrong_password" : "unknown_account");
    if (accountHit.allowed && accountHit.retryAfterSeconds > 0 && accountHit.count === SIGN_IN_ACCOUNT_POLICY.limit) {
      await recordAuditEvent(db, { action: "auth.sign_in_locked", actorId: null, entityType: "user", entityId: account?.id ?? null, clientHash, data: { seconds: accountHit.retryAfterSeconds } });
    }
    const wait = Math.max(pairHit.retryAfterSeconds, clientHit.retryAfterSeconds);
    throw new SignInError(wait > 0 ? `Wrong email or password. ${describeThrottle(wait)}` : undefined);
  }

  // Right password: this attempt was no guess, so it does not count.
  await Promise.all([resetRateLimit(SIGN_IN_PAIR_POLICY, pair), undoRateLimitHit(SIGN_IN_CLIENT_POLICY, clientHash)]);
  if (!account.isActive) {
    await recordFailure(account, emailKey, clientHash, "inactive");
    // Only someone who knows the password learns this.
    throw new SignInError("This account has been deactivated. Ask an administrator to reactivate it.");
  }
  const user = { id: account.id, email: account.email, name: account.name, role: account.role, sessionVersion: account.sessionVersion };
  if (account.hasSecondFactor) return { ...user, hasSecondFactor: true, mustEnrol: false };
  if (await mustEnrolSecondFactor(account.role)) return { ...user, hasSecondFactor: false, mustEnrol: true };
  await recordSignIn(account.id, clientHash, null);
  // The owner is in: the strangers' lock has done its job.
  await resetRateLimit(SIGN_IN_ACCOUNT_POLICY, emailKey);
  return { ...user, hasSecondFactor: false, mustEnrol: false };
}

/** A completed sign-in: the last step passed (password alone, or a second factor). */
export async function recordSignIn(userId: string, clientHash: string, secondFactor: string | null): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: userId }, data: { lastLoginAt: new Date(), failedLoginCount: 0 }, select: { email: true } });
    await recordAuditEvent(tx, {
      action: "auth.sign_in",
      actorId: userId,
      entityType: "user",
      entityId: userId,
      clientHash,
      data: secondFactor ? { secondFactor } : undefined,
    });
    // A second factor (or a known device) overrides the strangers' lock.
    await tx.rateLimitBucket.deleteMany({ where: { key: `${SIGN_IN_ACCOUNT_POLICY.name}:${hashIdentifier("email", user.email)}` } });
  });
}
