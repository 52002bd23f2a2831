"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { decideTypoReport } from "@/lib/data/typo-reports/decide-report";
import { invalidInput, readForm, type ActionState } from "@/lib/forms/action-state";
import { runFormAction } from "@/lib/forms/run-form-action";
import { typoReportDecisionSchema } from "@/lib/validations/typo-report";

/** Where to go back to after a decision: the queue page the form was on, nowhere else. */
function returnPath(value: string | undefined, decision: string): string {
  const path = value && /^\/admin\/reports(\?[^#]*)?$/.test(value) ? value : "/admin/reports";
  const url = new URL(path, "http://newsdesk.invalid");
  url.searchParams.delete("after");
  url.searchParams.set("done", decision);
  return `${url.pathname}${url.search}`;
}

/**
 * A decision from the queue (accept as already fixed, reject, mark as a
 * duplicate, reopen). The report id, the decision and the page to return to
 * come as form fields; the data-access layer checks the session, the role
 * and the report's state. Success returns to the queue with a notice (the
 * report moves to its new tab); a refusal is a message on the report.
 */
export async function decideTypoReportAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const form = readForm(formData);
  const parsed = typoReportDecisionSchema.safeParse(form);
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await runFormAction(async () => {
    await decideTypoReport(parsed.data);
    return { status: "success" };
  });
  if (result.status !== "success") return result;
  // The admin navigation's count is in the layout.
  revalidatePath("/admin", "layout");
  redirect(returnPath(form.returnTo, parsed.data.decision));
}
