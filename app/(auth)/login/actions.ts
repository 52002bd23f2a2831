"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { authenticateWithPassword, SIGN_IN_UNAVAILABLE_MESSAGE, SignInError } from "@/lib/auth/authenticate";
import { SESSION_IDLE_SECONDS } from "@/lib/auth/session-policy";
import { encodeSessionToken, SESSION_COOKIE, SESSION_COOKIE_OPTIONS } from "@/lib/auth/session-token";
import { isDatabaseUnavailableError } from "@/lib/db/unavailable";
import { invalidInput, keepValues, readForm, type ActionState } from "@/lib/forms/action-state";
import { getRequestClientHash } from "@/lib/security/request-client";
import { signInSchema } from "@/lib/validations/sign-in";
import { safeCallbackUrl } from "./callback-url";

/**
 * Sign-in for a form posted before the page's JavaScript has loaded (or
 * without it): the same password check, throttling and audit as the
 * next-auth Credentials provider, and the same session cookie its JWT
 * callback would issue. With JavaScript the form goes through next-auth.
 */
export async function signInWithFormAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const form = readForm(formData);
  const callbackUrl = form.callbackUrl;
  const values = keepValues(form, ["email"]);
  const parsed = signInSchema.safeParse(form);
  if (!parsed.success) return { ...invalidInput(parsed.error), values };
  let user;
  try {
    user = await authenticateWithPassword(parsed.data.email, parsed.data.password, (await getRequestClientHash()) ?? "unknown");
  } catch (error) {
    if (error instanceof SignInError) return { status: "error", message: error.message, values };
    if (isDatabaseUnavailableError(error)) return { status: "error", message: SIGN_IN_UNAVAILABLE_MESSAGE, values };
    throw error;
  }
  const token = {
    sub: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    sv: user.sessionVersion,
    authTime: Math.floor(Date.now() / 1000),
  };
  (await cookies()).set(SESSION_COOKIE, await encodeSessionToken(token), { ...SESSION_COOKIE_OPTIONS, maxAge: SESSION_IDLE_SECONDS });
  redirect(safeCallbackUrl(callbackUrl));
}
