"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { authenticateWithPassword, SIGN_IN_UNAVAILABLE_MESSAGE, SignInError } from "@/lib/auth/authenticate";
import { beginPendingSignIn, completeSignIn, readKnownDevices, readPendingSignIn } from "@/lib/auth/sign-in-steps";
import { enableTotp, verifySecondFactorCode } from "@/lib/auth/two-factor/account-factors";
import { readTotpEnrolment } from "@/lib/auth/two-factor/totp-enrolment";
import { isDatabaseUnavailableError } from "@/lib/db/unavailable";
import { runFormAction } from "@/lib/forms/run-form-action";
import { invalidInput, keepValues, readForm, type ActionState } from "@/lib/forms/action-state";
import { getRequestClientHash } from "@/lib/security/request-client";
import { signInSchema } from "@/lib/validations/sign-in";
import { safeCallbackUrl } from "./callback-url";

const withCallback = (path: string, callbackUrl: string) => `${path}?callbackUrl=${encodeURIComponent(callbackUrl)}`;

/**
 * The password step, with or without JavaScript. An account with a second
 * factor goes on to /login/verify; one that must enrol (the admin's
 * "require two-factor" setting) to /login/enrol; any other is signed in.
 */
export async function signInWithPasswordAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const form = readForm(formData);
  const callbackUrl = safeCallbackUrl(form.callbackUrl);
  const values = keepValues(form, ["email"]);
  const parsed = signInSchema.safeParse(form);
  if (!parsed.success) return { ...invalidInput(parsed.error), values };
  let user;
  try {
    const clientHash = (await getRequestClientHash()) ?? "unknown";
    user = await authenticateWithPassword(parsed.data.email, parsed.data.password, clientHash, { knownDeviceAccounts: await readKnownDevices() });
  } catch (error) {
    if (error instanceof SignInError) return { status: "error", message: error.message, values };
    if (isDatabaseUnavailableError(error)) return { status: "error", message: SIGN_IN_UNAVAILABLE_MESSAGE, values };
    throw error;
  }
  const owner = { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
  if (user.hasSecondFactor) {
    await beginPendingSignIn(owner, "second-factor");
    redirect(withCallback("/login/verify", callbackUrl));
  }
  if (user.mustEnrol) {
    await beginPendingSignIn(owner, "enrol");
    redirect(withCallback("/login/enrol", callbackUrl));
  }
  await completeSignIn(owner, null, false);
  redirect(callbackUrl);
}

const codeSchema = z.object({ code: z.string({ error: "Enter a code" }).trim().min(1, "Enter the code from your app or a recovery code").max(64, "That code is too long") });

/** The second step: a code from the authenticator app or a recovery code. */
export async function verifySecondFactorAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const form = readForm(formData);
  const callbackUrl = safeCallbackUrl(form.callbackUrl);
  const pending = await readPendingSignIn("second-factor");
  if (!pending) redirect(withCallback("/login", callbackUrl) + "&reason=step-expired");
  const parsed = codeSchema.safeParse(form);
  if (!parsed.success) return invalidInput(parsed.error);
  let kind;
  try {
    kind = await verifySecondFactorCode(pending.id, parsed.data.code, (await getRequestClientHash()) ?? "unknown");
  } catch (error) {
    if (error instanceof SignInError) return { status: "error", message: error.message, errors: { code: [error.message] } };
    if (isDatabaseUnavailableError(error)) return { status: "error", message: SIGN_IN_UNAVAILABLE_MESSAGE };
    throw error;
  }
  await completeSignIn(pending, kind);
  redirect(callbackUrl);
}

/**
 * Enrolment at sign-in, when the admins require a second factor and this
 * account has none: the code proves the app works, then the session starts
 * and the recovery codes are shown once.
 */
export async function enrolAtSignInAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const form = readForm(formData);
  const pending = await readPendingSignIn("enrol");
  if (!pending) redirect(withCallback("/login", safeCallbackUrl(form.callbackUrl)) + "&reason=step-expired");
  const parsed = codeSchema.safeParse(form);
  if (!parsed.success) return invalidInput(parsed.error);
  return runFormAction(async () => {
    const secret = await readTotpEnrolment(form.sealed, pending.id);
    const codes = await enableTotp(pending.id, secret, parsed.data.code, await getRequestClientHash());
    await completeSignIn(pending, "totp");
    return { status: "success", message: "Two-factor sign-in is on. You are signed in.", codes: codes ?? undefined };
  });
}
