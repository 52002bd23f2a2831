import "server-only";
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { db } from "../../db";
import { NotFoundError, ValidationError } from "../../errors";
import { getEnv } from "../../env";

/**
 * Passkeys (WebAuthn, @simplewebauthn/server). The relying party is the
 * site's host (NEWSDESK_SITE_URL); user verification (PIN, fingerprint) is
 * required, so a passkey is two factors in one: it is accepted as the second
 * step after a password, or alone ("Use a passkey" on the sign-in page).
 * Challenges live in a sealed cookie (lib/auth/sealed.ts), not a table.
 */
function relyingParty() {
  const url = new URL(getEnv().NEWSDESK_SITE_URL);
  return { rpID: url.hostname, origin: url.origin, rpName: getEnv().NEWSDESK_SITE_NAME };
}

export async function createPasskeyRegistrationOptions(user: { id: string; email: string; name: string }): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const existing = await db.passkey.findMany({ where: { userId: user.id }, select: { credentialId: true, transports: true } });
  const { rpID, rpName } = relyingParty();
  return generateRegistrationOptions({
    rpName,
    rpID,
    userName: user.email,
    userDisplayName: user.name,
    userID: new TextEncoder().encode(user.id),
    attestationType: "none",
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports })),
    authenticatorSelection: { residentKey: "preferred", userVerification: "required" },
  });
}

export async function registerPasskey(
  userId: string,
  response: RegistrationResponseJSON,
  expectedChallenge: string,
  name: string,
  clientHash: string | null,
): Promise<void> {
  const { rpID, origin } = relyingParty();
  let verification;
  try {
    verification = await verifyRegistrationResponse({ response, expectedChallenge, expectedOrigin: origin, expectedRPID: rpID, requireUserVerification: true });
  } catch {
    throw new ValidationError("The passkey could not be checked. Try again.");
  }
  if (!verification.verified) throw new ValidationError("The passkey could not be checked. Try again.");
  const { credential } = verification.registrationInfo;
  await db.$transaction(async (tx) => {
    await tx.passkey.create({
      data: {
        userId,
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey),
        counter: BigInt(credential.counter),
        transports: credential.transports ?? [],
        name: name.trim().slice(0, 80) || "Passkey",
      },
    });
    await recordAuditEvent(tx, { action: "auth.passkey_add", actorId: userId, entityType: "user", entityId: userId, clientHash, data: { name } });
  });
}

/** Options for signing in; `userId` limits them to that user's passkeys (the second step). */
export async function createPasskeySignInOptions(userId: string | null): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const passkeys = userId ? await db.passkey.findMany({ where: { userId }, select: { credentialId: true, transports: true } }) : [];
  return generateAuthenticationOptions({
    rpID: relyingParty().rpID,
    userVerification: "required",
    allowCredentials: passkeys.map((p) => ({ id: p.credentialId, transports: p.transports })),
  });
}

/** The id of the passkey's owner when the assertion checks out, else null. */
export async function verifyPasskeySignIn(response: AuthenticationResponseJSON, expectedChallenge: string): Promise<string | null> {
  const passkey = await db.passkey.findUnique({ where: { credentialId: response.id } });
  if (!passkey) return null;
  const { rpID, origin } = relyingParty();
  try {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: true,
      credential: { id: passkey.credentialId, publicKey: new Uint8Array(passkey.publicKey), counter: Number(passkey.counter), transports: passkey.transports },
    });
    if (!result.verified) return null;
    await db.passkey.update({ where: { id: passkey.id }, data: { counter: BigInt(result.authenticationInfo.newCounter), lastUsedAt: new Date() } });
    return passkey.userId;
  } catch {
    return null;
  }
}

export async function removePasskey(userId: string, passkeyId: string, clientHash: string | null): Promise<void> {
  await db.$transaction(async (tx) => {
    const removed = await tx.passkey.deleteMany({ where: { id: passkeyId, userId } });
    if (removed.count === 0) throw new NotFoundError("No such passkey");
    await recordAuditEvent(tx, { action: "auth.passkey_remove", actorId: userId, entityType: "user", entityId: userId, clientHash });
  });
}
