"use server";

import { revalidatePath } from "next/cache";
import { renewCurrentSession } from "@/lib/auth/session";
import { changeUserRole, createUser, deactivateUser, reactivateUser, resetUserPassword, signOutUserEverywhere } from "@/lib/data/users";
import { resetUserTwoFactor, setRequireTwoFactor } from "@/lib/data/two-factor";
import { invalidInput, keepValues, readForm, type ActionState } from "@/lib/forms/action-state";
import { runFormAction } from "@/lib/forms/run-form-action";
import { changeRoleSchema, createUserSchema, resetPasswordSchema, ROLE_LABELS } from "@/lib/validations/users";

// Thin edges: parse, call the data-access layer (which checks the session
// and the admin role itself, and treats a malformed id as not found),
// refresh the pages that show users. The account's id comes in a hidden
// field: binding it to the action in a client component would make React
// re-render forever when the form is posted before hydration.

function refreshUserPages(id?: string) {
  revalidatePath("/admin/users");
  if (id) revalidatePath(`/admin/users/${id}`);
}

export async function createUserAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const form = readForm(formData);
  const values = keepValues(form, ["name", "email", "role", "passwordMode"]);
  const parsed = createUserSchema.safeParse(form);
  if (!parsed.success) return { ...invalidInput(parsed.error), values };
  const result = await runFormAction(async () => {
    const { user, generatedPassword } = await createUser(parsed.data);
    refreshUserPages();
    return {
      status: "success",
      message: `Account created for ${user.name} (${ROLE_LABELS[user.role]}).`,
      secret: generatedPassword ?? undefined,
    };
  });
  return result.status === "error" ? { ...result, values } : result;
}

export async function changeRoleAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const form = readForm(formData);
  const userId = form.userId ?? "";
  const parsed = changeRoleSchema.safeParse(form);
  if (!parsed.success) return invalidInput(parsed.error);
  return runFormAction(async () => {
    await changeUserRole(userId, parsed.data.role);
    refreshUserPages(userId);
    return { status: "success", message: `Role set to ${ROLE_LABELS[parsed.data.role]}. Their open sessions have ended.` };
  });
}

export async function setActiveAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const userId = String(formData.get("userId") ?? "");
  const intent = formData.get("intent");
  if (intent !== "deactivate" && intent !== "reactivate") return { status: "error", message: "Choose deactivate or reactivate." };
  return runFormAction(async () => {
    if (intent === "deactivate") await deactivateUser(userId);
    else await reactivateUser(userId);
    refreshUserPages(userId);
    return {
      status: "success",
      message: intent === "deactivate" ? "Account deactivated. Its open sessions have ended." : "Account reactivated. They can sign in again.",
    };
  });
}

export async function resetPasswordAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const form = readForm(formData);
  const userId = form.userId ?? "";
  const parsed = resetPasswordSchema.safeParse(form);
  if (!parsed.success) return invalidInput(parsed.error);
  return runFormAction(async () => {
    const { generatedPassword, sessionVersion, isSelf } = await resetUserPassword(userId, parsed.data.password);
    if (isSelf) await renewCurrentSession(sessionVersion);
    refreshUserPages(userId);
    return {
      status: "success",
      message: isSelf ? "Password changed. Your other sessions have ended." : "Password reset. Their open sessions have ended.",
      secret: generatedPassword ?? undefined,
    };
  });
}

export async function signOutUserEverywhereAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const userId = String(formData.get("userId") ?? "");
  return runFormAction(async () => {
    await signOutUserEverywhere(userId);
    refreshUserPages(userId);
    return { status: "success", message: "Signed out on every device." };
  });
}

export async function resetTwoFactorAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const userId = String(formData.get("userId") ?? "");
  return runFormAction(async () => {
    await resetUserTwoFactor(userId);
    refreshUserPages(userId);
    return { status: "success", message: "Two-factor sign-in was reset and their sessions have ended." };
  });
}

export async function requireTwoFactorAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const required = formData.get("required") === "on";
  return runFormAction(async () => {
    await setRequireTwoFactor(required);
    refreshUserPages();
    return {
      status: "success",
      message: required ? "Admins and editors without two-factor sign-in will set it up at their next sign-in." : "Two-factor sign-in is optional.",
    };
  });
}
