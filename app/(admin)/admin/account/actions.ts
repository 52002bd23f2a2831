"use server";

import type { PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { storeChallenge, takeChallenge } from "@/lib/auth/webauthn-challenge";
import {
  confirmOwnTotpEnrolment,
  finishOwnPasskeyRegistration,
  regenerateOwnRecoveryCodes,
  removeOwnPasskey,
  removeOwnTotp,
  startOwnPasskeyRegistration,
} from "@/lib/data/two-factor";
import { UnauthenticatedError } from "@/lib/errors";
import { registrationResponseSchema } from "@/lib/validations/webauthn";
import { renewCurrentSession } from "@/lib/auth/session";
import { changeOwnPassword } from "@/lib/data/own-account";
import { invalidInput, readForm, type ActionState } from "@/lib/forms/action-state";
import { runFormAction } from "@/lib/forms/run-form-action";
import { changeOwnPasswordSchema } from "@/lib/validations/users";

export async function changeOwnPasswordAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = changeOwnPasswordSchema.safeParse(readForm(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  return runFormAction(async () => {
    const { sessionVersion } = await changeOwnPassword(parsed.data.currentPassword, parsed.data.newPassword);
    // The change ended every session; this browser carries on with the new version.
    await renewCurrentSession(sessionVersion);
    revalidatePath("/admin/account");
    return { status: "success", message: "Password changed. You stay signed in here; every other session has ended." };
  });
}

const codeSchema = z.object({ code: z.string().trim().min(1, "Enter the 6-digit code from the app").max(16, "That code is too long") });

/** Confirms a new authenticator app. No revalidation: the form stays to show the recovery codes once. */
export async function confirmTotpAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const form = readForm(formData);
  const parsed = codeSchema.safeParse(form);
  if (!parsed.success) return invalidInput(parsed.error);
  return runFormAction(async () => {
    const codes = await confirmOwnTotpEnrolment(form.sealed, parsed.data.code);
    return { status: "success", message: "Two-factor sign-in is on.", codes: codes ?? undefined };
  });
}

export async function removeTotpAction(_state: ActionState, _formData: FormData): Promise<ActionState> {
  return runFormAction(async () => {
    await removeOwnTotp();
    revalidatePath("/admin/account");
    return { status: "success", message: "The authenticator app was removed." };
  });
}

export async function regenerateRecoveryCodesAction(_state: ActionState, _formData: FormData): Promise<ActionState> {
  return runFormAction(async () => {
    const codes = await regenerateOwnRecoveryCodes();
    return { status: "success", message: "New recovery codes. The old ones no longer work.", codes };
  });
}

export type PasskeyRegistrationStart = { options: PublicKeyCredentialCreationOptionsJSON } | { error: string };

export async function startPasskeyRegistrationAction(): Promise<PasskeyRegistrationStart> {
  try {
    const options = await startOwnPasskeyRegistration();
    await storeChallenge("register", options.challenge, null);
    return { options };
  } catch (error) {
    if (error instanceof UnauthenticatedError) return { error: "Your session has ended. Sign in again." };
    throw error;
  }
}

export async function finishPasskeyRegistrationAction(response: unknown, name: string): Promise<{ ok: true } | { error: string }> {
  const challenge = await takeChallenge("register");
  const parsed = registrationResponseSchema.safeParse(response);
  if (!challenge || !parsed.success) return { error: "The passkey could not be added. Try again." };
  const state = await runFormAction(async () => {
    await finishOwnPasskeyRegistration(parsed.data, challenge.challenge, name.slice(0, 80));
    return { status: "success" };
  });
  if (state.status !== "success") return { error: state.message ?? "The passkey could not be added. Try again." };
  revalidatePath("/admin/account");
  return { ok: true };
}

export async function removePasskeyAction(formData: FormData): Promise<void> {
  await runFormAction(async () => {
    await removeOwnPasskey(String(formData.get("passkeyId") ?? ""));
    return { status: "success" };
  });
  revalidatePath("/admin/account");
}
