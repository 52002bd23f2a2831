import "server-only";
import { cookies } from "next/headers";
import { seal, unseal } from "./sealed";

/** The WebAuthn challenge between "options" and "verify", sealed in a short-lived cookie. */
const CHALLENGE_COOKIE = "newsdesk.webauthn";
const CHALLENGE_SECONDS = 5 * 60;
const options = { httpOnly: true, sameSite: "strict", path: "/", secure: process.env.NODE_ENV === "production" } as const;

export type ChallengeKind = "sign-in" | "second-factor" | "register";

export async function storeChallenge(kind: ChallengeKind, challenge: string, userId: string | null): Promise<void> {
  (await cookies()).set(CHALLENGE_COOKIE, await seal("webauthn-challenge", { kind, challenge, userId }, CHALLENGE_SECONDS), {
    ...options,
    maxAge: CHALLENGE_SECONDS,
  });
}

/** The stored challenge for `kind`, used up by reading it (a challenge answers once). */
export async function takeChallenge(kind: ChallengeKind): Promise<{ challenge: string; userId: string | null } | null> {
  const store = await cookies();
  const payload = await unseal("webauthn-challenge", store.get(CHALLENGE_COOKIE)?.value);
  store.set(CHALLENGE_COOKIE, "", { ...options, maxAge: 0 });
  if (!payload || payload.kind !== kind || typeof payload.challenge !== "string") return null;
  return { challenge: payload.challenge, userId: typeof payload.userId === "string" ? payload.userId : null };
}
