import { getEnv } from "../env";

/**
 * Session lifetimes. Idle: a session unused this long ends (the cookie's
 * sliding expiry). Absolute: every session ends this long after sign-in,
 * however busy.
 */
export const SESSION_IDLE_SECONDS = getEnv().NEWSDESK_SESSION_IDLE_MINUTES * 60;
export const SESSION_ABSOLUTE_SECONDS = getEnv().NEWSDESK_SESSION_ABSOLUTE_HOURS * 3600;
/** How often an active session's cookie is re-issued (moving the idle deadline). */
export const SESSION_REFRESH_SECONDS = 5 * 60;

/** True when a session signed in at `authTime` (epoch seconds) is past its absolute lifetime. */
export function isPastAbsoluteLifetime(authTime: number, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  return nowSeconds - authTime > SESSION_ABSOLUTE_SECONDS;
}
