"use server";

import { redirect } from "next/navigation";
import { signOutUserEverywhere } from "../data/users";
import { isDatabaseUnavailableError } from "../db/unavailable";
import { UnauthenticatedError } from "../errors";
import { clearSessionCookie, getCurrentUser } from "./session";

/**
 * Signs this browser out: a plain form post, so it works before (or
 * without) JavaScript. Other devices stay signed in.
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
