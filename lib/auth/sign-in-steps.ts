import "server-only";
import { cookies, headers } from "next/headers";
import { getRequestClientHash } from "../security/request-client";
import { recordSignIn } from "./authenticate";
import { KNOWN_DEVICE_COOKIE, KNOWN_DEVICE_COOKIE_OPTIONS, readKnownDeviceAccounts, rememberKnownDevice } from "./known-device";
import { seal, unseal } from "./sealed";
import { setSessionCookie } from "./session";
import { startUserSession, type SecondFactorKind, type SessionOwner } from "./user-sessions";

/**
 * The state between sign-in steps: "this browser gave the right password for
 * this account a moment ago", sealed in a short-lived cookie. The next step
 * (second factor, or enrolment when one is required) needs it; the session
 * itself starts only when the last step passes.
 */
export const SIGN_IN_STEP_COOKIE = "newsdesk.sign-in-step";
const STEP_SECONDS = 5 * 60;

export type PendingStep = "second-factor" | "enrol";

export interface PendingSignIn extends SessionOwner {
  step: PendingStep;
}

const cookieOptions = { httpOnly: true, sameSite: "lax", path: "/", secure: process.env.NODE_ENV === "production" } as const;

export async function beginPendingSignIn(user: SessionOwner, step: PendingStep): Promise<void> {
  const value = await seal("sign-in-step", { ...user, step }, STEP_SECONDS);
  (await cookies()).set(SIGN_IN_STEP_COOKIE, value, { ...cookieOptions, maxAge: STEP_SECONDS });
}

export async function readPendingSignIn(step: PendingStep): Promise<PendingSignIn | null> {
  const payload = await unseal("sign-in-step", (await cookies()).get(SIGN_IN_STEP_COOKIE)?.value);
  if (!payload || payload.step !== step) return null;
  const { id, email, name, role, sessionVersion } = payload;
  if (typeof id !== "string" || typeof email !== "string" || typeof name !== "string" || typeof sessionVersion !== "number") return null;
  if (role !== "ADMIN" && role !== "EDITOR" && role !== "AUTHOR") return null;
  return { id, email, name, role, sessionVersion, step };
}

export async function readKnownDevices(): Promise<string[]> {
  return readKnownDeviceAccounts((await cookies()).get(KNOWN_DEVICE_COOKIE)?.value);
}

/**
 * The last step passed: records the session, sets its cookie, remembers this
 * browser as a known device for the account and clears the step cookie.
 * `recordEvent`: false when the password step already audited the sign-in.
 */
export async function completeSignIn(user: SessionOwner, secondFactor: SecondFactorKind | null, recordEvent = true): Promise<void> {
  const store = await cookies();
  const clientHash = (await getRequestClientHash()) ?? "unknown";
  if (recordEvent) await recordSignIn(user.id, clientHash, secondFactor);
  const claims = await startUserSession(user, { userAgent: (await headers()).get("user-agent"), clientHash, secondFactor });
  await setSessionCookie(claims);
  store.set(KNOWN_DEVICE_COOKIE, await rememberKnownDevice(store.get(KNOWN_DEVICE_COOKIE)?.value, user.id), KNOWN_DEVICE_COOKIE_OPTIONS);
  store.set(SIGN_IN_STEP_COOKIE, "", { ...cookieOptions, maxAge: 0 });
}
