import { decode, encode } from "next-auth/jwt";
import { resolveAuthSecret } from "./auth-secret";

/**
 * Short-lived sealed values for the sign-in steps (password passed, WebAuthn
 * challenge, TOTP secret being enrolled, known device): encrypted and
 * authenticated with the session secret (next-auth's JWE), each purpose with
 * its own derived key, so one kind can never be replayed as another.
 */
export type SealPurpose = "sign-in-step" | "webauthn-challenge" | "totp-enrolment" | "known-device";

let secret: string | undefined;
const getSecret = () => (secret ??= resolveAuthSecret());

export async function seal(purpose: SealPurpose, payload: Record<string, unknown>, maxAgeSeconds: number): Promise<string> {
  return encode({ token: { ...payload, purpose }, secret: getSecret(), maxAge: maxAgeSeconds, salt: `newsdesk:${purpose}` });
}

/** The payload, or null when the value is missing, forged, expired or sealed for another purpose. */
export async function unseal(purpose: SealPurpose, value: string | undefined | null): Promise<Record<string, unknown> | null> {
  if (!value) return null;
  try {
    const payload = await decode({ token: value, secret: getSecret(), salt: `newsdesk:${purpose}` });
    return payload && payload.purpose === purpose ? (payload as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
