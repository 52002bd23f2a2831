import "server-only";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { getRateLimitStatus, hitRateLimit, resetRateLimit } from "../../data/rate-limit";
import { db } from "../../db";
import { ValidationError } from "../../errors";
import { decryptSecret, encryptSecret } from "../secret-box";
import { describeThrottle, SECOND_FACTOR_POLICY } from "../sign-in-throttle";
import { SignInError } from "../authenticate";
import { revokeAllUserSessions, type SecondFactorKind } from "../user-sessions";
import { findMatchingRecoveryCode, generateRecoveryCodes, hashRecoveryCodes, looksLikeRecoveryCode } from "./recovery-codes";
import { verifyTotpCode } from "./totp";

/**
 * A user's second factors, by user id. Not an access check: callers are the
 * sign-in steps (the user proved their password a moment ago) and the
 * data-access layer (lib/data/two-factor.ts), which checks the session.
 */
export interface TwoFactorState {
  totpEnabledAt: Date | null;
  recoveryCodesLeft: number;
  passkeys: { id: string; name: string; createdAt: Date; lastUsedAt: Date | null }[];
}

export async function getTwoFactorState(userId: string): Promise<TwoFactorState> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      totpEnabledAt: true,
      passkeys: { select: { id: true, name: true, createdAt: true, lastUsedAt: true }, orderBy: { createdAt: "asc" } },
      _count: { select: { recoveryCodes: { where: { usedAt: null } } } },
    },
  });
  return { totpEnabledAt: user.totpEnabledAt, recoveryCodesLeft: user._count.recoveryCodes, passkeys: user.passkeys };
}

export const hasSecondFactor = (state: TwoFactorState) => Boolean(state.totpEnabledAt) || state.passkeys.length > 0;

async function replaceRecoveryCodes(tx: Pick<typeof db, "recoveryCode">, userId: string): Promise<string[]> {
  const codes = generateRecoveryCodes();
  const hashes = await hashRecoveryCodes(codes);
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: hashes.map((codeHash) => ({ userId, codeHash })) });
  return codes;
}

/**
 * Turns on the authenticator app once a code from it proves it was set up
 * right. Returns a fresh set of recovery codes when the account had none
 * left (shown once), else null.
 */
export async function enableTotp(userId: string, secret: string, code: string, clientHash: string | null): Promise<string[] | null> {
  const step = await verifyTotpCode(secret, code, null);
  if (step === null) {
    throw new ValidationError("Check the code", { code: ["That code does not match. Enter the current 6-digit code from the app."] });
  }
  const left = await db.recoveryCode.count({ where: { userId, usedAt: null } });
  const codes = left === 0 ? generateRecoveryCodes() : null;
  const hashes = codes ? await hashRecoveryCodes(codes) : null;
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { totpSecret: encryptSecret(secret), totpEnabledAt: new Date(), totpLastStep: step } });
    if (hashes) {
      await tx.recoveryCode.deleteMany({ where: { userId } });
      await tx.recoveryCode.createMany({ data: hashes.map((codeHash) => ({ userId, codeHash })) });
    }
    await recordAuditEvent(tx, { action: "auth.totp_enable", actorId: userId, entityType: "user", entityId: userId, clientHash });
    if (hashes) await recordAuditEvent(tx, { action: "auth.recovery_codes_generate", actorId: userId, entityType: "user", entityId: userId, clientHash });
  });
  return codes;
}

export async function disableTotp(userId: string, clientHash: string | null): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
    await recordAuditEvent(tx, { action: "auth.totp_disable", actorId: userId, entityType: "user", entityId: userId, clientHash });
  });
}

/** A new set of ten codes; the old ones stop working. */
export async function regenerateRecoveryCodes(userId: string, clientHash: string | null): Promise<string[]> {
  return db.$transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, userId);
    await recordAuditEvent(tx, { action: "auth.recovery_codes_generate", actorId: userId, entityType: "user", entityId: userId, clientHash });
    return codes;
  });
}

/**
 * Checks a code typed at the second sign-in step: a 6-digit code from the
 * authenticator app, or a recovery code (used up by this). Wrong codes are
 * throttled per account, from any address: five, then a doubling wait.
 */
export async function verifySecondFactorCode(userId: string, input: string, clientHash: string): Promise<SecondFactorKind> {
  const status = await getRateLimitStatus(SECOND_FACTOR_POLICY, userId);
  if (!status.allowed) throw new SignInError(describeThrottle(status.retryAfterSeconds));
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecret: true, totpLastStep: true } });
  const code = input.trim();
  let kind: SecondFactorKind | null = null;
  if (/^\d[\d\s]*$/.test(code) && user.totpSecret) {
    const secret = decryptSecret(user.totpSecret);
    const step = secret ? await verifyTotpCode(secret, code, user.totpLastStep) : null;
    if (step !== null) {
      // Conditional update: two requests with the same code cannot both win.
      const claimed = await db.user.updateMany({
        where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
        data: { totpLastStep: step },
      });
      if (claimed.count === 1) kind = "totp";
    }
  } else if (looksLikeRecoveryCode(code)) {
    const unused = await db.recoveryCode.findMany({ where: { userId, usedAt: null }, select: { id: true, codeHash: true } });
    const id = await findMatchingRecoveryCode(code, unused);
    if (id) {
      const claimed = await db.recoveryCode.updateMany({ where: { id, usedAt: null }, data: { usedAt: new Date() } });
      if (claimed.count === 1) {
        kind = "recovery_code";
        await recordAuditEvent(db, { action: "auth.recovery_code_use", actorId: userId, entityType: "user", entityId: userId, clientHash, data: { left: unused.length - 1 } });
      }
    }
  }
  if (!kind) {
    const hit = await hitRateLimit(SECOND_FACTOR_POLICY, userId);
    await recordAuditEvent(db, { action: "auth.second_factor_failed", actorId: null, entityType: "user", entityId: userId, clientHash });
    const wait = hit.allowed ? hit.retryAfterSeconds : Math.max(hit.retryAfterSeconds, 1);
    throw new SignInError(wait > 0 ? `That code is not right. ${describeThrottle(wait)}` : "That code is not right. Check it and try again.");
  }
  await resetRateLimit(SECOND_FACTOR_POLICY, userId);
  return kind;
}

/**
 * An admin's reset of someone's second factors (lost phone): authenticator,
 * recovery codes and passkeys go, and every session of theirs ends.
 */
export async function resetTwoFactor(userId: string, actorId: string, clientHash: string | null): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: userId },
      data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null, sessionVersion: { increment: 1 } },
    });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.passkey.deleteMany({ where: { userId } });
    await revokeAllUserSessions(tx, userId);
    await recordAuditEvent(tx, { action: "auth.two_factor_reset", actorId, entityType: "user", entityId: userId, clientHash });
  });
  await resetRateLimit(SECOND_FACTOR_POLICY, userId);
}
