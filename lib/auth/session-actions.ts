"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { endSession } from "../data/sessions";
import { signOutUserEverywhere } from "../data/users";
import { isDatabaseUnavailableError } from "../db/unavailable";
import { NotFoundError, UnauthenticatedError } from "../errors";
import { isUuid } from "../validations/uuid";
import { clearSessionCookie, getCurrentSessionId, getCurrentUser } from "./session";

/**
 * Signs this browser out: a plain form post, so it works before (or
 * without) JavaScript. Its session row is revoked, so a copy of the cookie
 * is refused from the next request on. Other devices stay signed in.
 */
export async function signOutAction(): Promise<void> {
  await clearSessionCookie();
  redirect("/login?reason=signed-out");
}

/**
 * Ends every session of the signed-in user, this one included. During a
 * database outage nothing can be revoked: this browser stays signed in and
 * the account page says so, rather than pretending the other devices are out.
 */
export async function signOutEverywhereAction(): Promise<void> {
  try {
    const user = await getCurrentUser();
    if (user) await signOutUserEverywhere(user.id);
  } catch (error) {
    if (isDatabaseUnavailableError(error)) redirect("/admin/account?everywhere=unavailable");
    if (!(error instanceof UnauthenticatedError)) throw error;
  }
  await clearSessionCookie();
  redirect("/login?reason=signed-out-everywhere");
}

/**
 * "Sign out" on one row of a sessions list (one's own, or an admin on
 * anyone's). Ending the session this browser uses signs this browser out.
 */
export async function endSessionAction(formData: FormData): Promise<void> {
  const userId = String(formData.get("userId") ?? "");
  const sessionId = String(formData.get("sessionId") ?? "");
  const returnTo = String(formData.get("returnTo") ?? "") === "user" ? `/admin/users/${userId}` : "/admin/account";
  try {
    await endSession(userId, sessionId);
  } catch (error) {
    if (error instanceof UnauthenticatedError) redirect("/login?reason=ended");
    if (isDatabaseUnavailableError(error)) redirect(returnTo === "/admin/account" ? "/admin/account?everywhere=unavailable" : returnTo);
    if (!(error instanceof NotFoundError)) throw error;
  }
  if ((await getCurrentSessionId()) === sessionId) {
    await clearSessionCookie();
    redirect("/login?reason=signed-out");
  }
  revalidatePath(returnTo);
  redirect(isUuid(userId) ? returnTo : "/admin/account");
}
