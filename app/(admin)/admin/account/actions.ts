"use server";

import { revalidatePath } from "next/cache";
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
