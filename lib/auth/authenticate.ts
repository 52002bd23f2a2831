import "server-only";
import type { SignInFailureReason } from "../audit/audit-actions";
import { recordAuditEvent } from "../data/audit";
import { hitRateLimit, resetRateLimit, undoRateLimitHit } from "../data/rate-limit";
import { db } from "../db";
import type { Role } from "../generated/prisma/enums";
import { hashIdentifier } from "../security/client-address";
import { hashPassword, verifyPassword } from "./password";
import { describeThrottle, SIGN_IN_ACCOUNT_POLICY, SIGN_IN_CLIENT_POLICY } from "./sign-in-throttle";

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

type Account = { id: string; email: string; name: string; role: Role; sessionVersion: number; isActive: boolean; passwordHash: string };

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

/**
 * Checks an email and password; throws SignInError on any failure.
 *
 * Every attempt is counted against the account and the client address
 * *before* the password is checked, so a burst of parallel guesses cannot
 * slip past the limit; attempts that turn out fine are taken back.
 */
export async function authenticateWithPassword(email: string, password: string, clientHash: string): Promise<AuthenticatedUser> {
  const normalizedEmail = email.trim().toLowerCase();
  const emailKey = hashIdentifier("email", normalizedEmail);
  const account: Account | null = await db.user.findUnique({
    where: { email: normalizedEmail },
    select: { id: true, email: true, name: true, role: true, sessionVersion: true, isActive: true, passwordHash: true },
  });

  const [accountHit, clientHit] = await Promise.all([
    hitRateLimit(SIGN_IN_ACCOUNT_POLICY, emailKey),
    hitRateLimit(SIGN_IN_CLIENT_POLICY, clientHash),
  ]);
  if (!accountHit.allowed || !clientHit.allowed) {
    // A refused attempt checks nothing, so it must not count either.
    if (accountHit.allowed) await undoRateLimitHit(SIGN_IN_ACCOUNT_POLICY, emailKey);
    if (clientHit.allowed) await undoRateLimitHit(SIGN_IN_CLIENT_POLICY, clientHash);
    await recordFailure(account, emailKey, clientHash, "throttled");
    const wait = Math.max(accountHit.allowed ? 0 : accountHit.retryAfterSeconds, clientHit.allowed ? 0 : clientHit.retryAfterSeconds);
    throw new SignInError(describeThrottle(wait));
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
    await recordFailure(account, emailKey, clientHash, account ? "wrong_password" : "unknown_account");
    const wait = Math.max(accountHit.retryAfterSeconds, clientHit.retryAfterSeconds);
    throw new SignInError(wait > 0 ? `Wrong email or password. ${describeThrottle(wait)}` : undefined);
  }

  // Right password: this attempt was no guess, so it does not count.
  await Promise.all([resetRateLimit(SIGN_IN_ACCOUNT_POLICY, emailKey), undoRateLimitHit(SIGN_IN_CLIENT_POLICY, clientHash)]);
  if (!account.isActive) {
    await recordFailure(account, emailKey, clientHash, "inactive");
    // Only someone who knows the password learns this.
    throw new SignInError("This account has been deactivated. Ask an administrator to reactivate it.");
  }
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: account.id }, data: { lastLoginAt: new Date(), failedLoginCount: 0 } });
    await recordAuditEvent(tx, { action: "auth.sign_in", actorId: account.id, entityType: "user", entityId: account.id, clientHash });
  });
  return { id: account.id, email: account.email, name: account.name, role: account.role, sessionVersion: account.sessionVersion };
}
