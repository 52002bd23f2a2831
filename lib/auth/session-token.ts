import { decode, encode, type JWT } from "next-auth/jwt";
import { resolveAuthSecret } from "./auth-secret";
import { isPastAbsoluteLifetime, SESSION_IDLE_SECONDS, SESSION_REFRESH_SECONDS } from "./session-policy";

/** next-auth's session cookie name (the __Secure- prefix comes with Secure cookies in production). */
export const SESSION_COOKIE =
  process.env.NODE_ENV === "production" ? "__Secure-next-auth.session-token" : "next-auth.session-token";

/** Attributes of the session cookie wherever Newsdesk (not next-auth) writes it. */
export const SESSION_COOKIE_OPTIONS = {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  // Chromium and Firefox accept Secure cookies on http://localhost, so `npm run up` still works.
  secure: process.env.NODE_ENV === "production",
} as const;

let secret: string | undefined;
function getSecret(): string {
  secret ??= resolveAuthSecret();
  return secret;
}

/**
 * The session token in a cookie value, or null when it is missing, forged,
 * expired (idle) or past its absolute lifetime.
 */
export async function readSessionToken(cookieValue: string | undefined): Promise<JWT | null> {
  if (!cookieValue) return null;
  try {
    const token = await decode({ token: cookieValue, secret: getSecret() });
    if (!token?.sub || typeof token.authTime !== "number" || typeof token.sv !== "number" || typeof token.sid !== "string") return null;
    if (isPastAbsoluteLifetime(token.authTime)) return null;
    return token;
  } catch {
    return null;
  }
}

/**
 * A re-issued cookie value that moves the idle deadline, when the token is
 * old enough to be worth re-issuing; otherwise null.
 */
export async function refreshSessionToken(token: JWT, nowSeconds = Math.floor(Date.now() / 1000)): Promise<string | null> {
  const issuedAt = typeof token.iat === "number" ? token.iat : 0;
  if (nowSeconds - issuedAt < SESSION_REFRESH_SECONDS) return null;
  return encodeSessionToken(token);
}

/** A fresh cookie value for the token's claims, with a new idle deadline. */
export async function encodeSessionToken(token: JWT): Promise<string> {
  const { iat: _iat, exp: _exp, jti: _jti, ...claims } = token;
  return encode({ token: claims, secret: getSecret(), maxAge: SESSION_IDLE_SECONDS });
}
