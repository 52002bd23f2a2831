"use server";

import { redirect } from "next/navigation";
import { signOutUserEverywhere } from "../data/users";
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

/** Ends every session of the signed-in user, this one included. */
export async function signOutEverywhereAction(): Promise<void> {
  const user = await getCurrentUser();
  if (user) {
    try {
      await signOutUserEverywhere(user.id);
    } catch (error) {
      if (!(error instanceof UnauthenticatedError)) throw error;
    }
  }
  await clearSessionCookie();
  redirect("/login?reason=signed-out-everywhere");
}
