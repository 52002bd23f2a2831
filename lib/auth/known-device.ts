import { seal, unseal } from "./sealed";

/**
 * "This browser has signed in to these accounts before": a sealed, long-lived
 * cookie listing account ids, set after every successful sign-in. When
 * strangers' failures lock an account (lib/auth/sign-in-throttle.ts), the
 * owner's own browser still gets in with the password alone.
 */
export const KNOWN_DEVICE_COOKIE = "newsdesk.known-device";
export const KNOWN_DEVICE_MAX_AGE = 180 * 24 * 3600;
const MAX_ACCOUNTS = 5;

export const KNOWN_DEVICE_COOKIE_OPTIONS = {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  secure: process.env.NODE_ENV === "production",
  maxAge: KNOWN_DEVICE_MAX_AGE,
} as const;

export async function readKnownDeviceAccounts(value: string | undefined): Promise<string[]> {
  const payload = await unseal("known-device", value);
  const ids = payload?.accounts;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === "string") : [];
}

/** The cookie value with `userId` added (most recent first, a few accounts at most). */
export async function rememberKnownDevice(value: string | undefined, userId: string): Promise<string> {
  const accounts = [userId, ...(await readKnownDeviceAccounts(value)).filter((id) => id !== userId)].slice(0, MAX_ACCOUNTS);
  return seal("known-device", { accounts }, KNOWN_DEVICE_MAX_AGE);
}
