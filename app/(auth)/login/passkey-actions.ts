"use server";

import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { hitRateLimit } from "@/lib/data/rate-limit";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { completeSignIn, readPendingSignIn } from "@/lib/auth/sign-in-steps";
import { describeThrottle, SIGN_IN_CLIENT_POLICY } from "@/lib/auth/sign-in-throttle";
import { createPasskeySignInOptions, verifyPasskeySignIn } from "@/lib/auth/two-factor/passkeys";
import { storeChallenge, takeChallenge } from "@/lib/auth/webauthn-challenge";
import { db } from "@/lib/db";
import { getRequestClientHash } from "@/lib/security/request-client";
import { authenticationResponseSchema } from "@/lib/validations/webauthn";
import { safeCallbackUrl } from "./callback-url";

type Mode = "passwordless" | "second-factor";
export type PasskeyStartResult = { options: PublicKeyCredentialRequestOptionsJSON } | { error: string };
export type PasskeyFinishResult = { redirectTo: string } | { error: string };

const FAILED = "That passkey did not work. Try again, or use another way to sign in.";

/** Step one: a challenge, for any passkey (passwordless) or the pending account's (second step). */
export async function startPasskeySignInAction(mode: Mode): Promise<PasskeyStartResult> {
  let userId: string | null = null;
  if (mode === "second-factor") {
    const pending = await readPendingSignIn("second-factor");
    if (!pending) return { error: "The sign-in took too long. Start again with your password." };
    userId = pending.id;
  }
  const options = await createPasskeySignInOptions(userId);
  await storeChallenge(mode === "second-factor" ? "second-factor" : "sign-in", options.challenge, userId);
  return { options };
}

/** Step two: the authenticator's answer; a good one starts the session. */
export async function finishPasskeySignInAction(mode: Mode, response: unknown, callbackUrl: string): Promise<PasskeyFinishResult> {
  const clientHash = (await getRequestClientHash()) ?? "unknown";
  const challenge = await takeChallenge(mode === "second-factor" ? "second-factor" : "sign-in");
  const parsed = authenticationResponseSchema.safeParse(response);
  if (!challenge || !parsed.success) return { error: FAILED };
  const ownerId = await verifyPasskeySignIn(parsed.data, challenge.challenge);
  const pending = mode === "second-factor" ? await readPendingSignIn("second-factor") : null;
  const user = ownerId
    ? await db.user.findUnique({ where: { id: ownerId }, select: { id: true, email: true, name: true, role: true, sessionVersion: true, isActive: true } })
    : null;
  const isRightAccount = mode === "passwordless" || (pending !== null && pending.id === ownerId && challenge.userId === ownerId);
  if (!user || !user.isActive || !isRightAccount) {
    const hit = await hitRateLimit(SIGN_IN_CLIENT_POLICY, clientHash);
    await recordAuditEvent(db, {
      action: "auth.second_factor_failed",
      actorId: null,
      entityType: "user",
      entityId: pending?.id ?? ownerId ?? null,
      clientHash,
      data: { method: "passkey" },
    });
    return { error: hit.allowed ? FAILED : describeThrottle(hit.retryAfterSeconds) };
  }
  await completeSignIn({ id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion }, "passkey");
  return { redirectTo: safeCallbackUrl(callbackUrl) };
}
