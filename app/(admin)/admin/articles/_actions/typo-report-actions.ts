"use server";

import { revalidatePath } from "next/cache";
import { decideTypoReport } from "@/lib/data/typo-reports/decide-report";
import { toFieldErrors } from "@/lib/validations/article";
import { typoReportDecisionSchema } from "@/lib/validations/typo-report";
import { invalidInput, runAction } from "./action-result";

const DONE = {
  "accept-fix": "Accepted and linked to the fix",
  "accept-as-is": "Accepted as already fixed.",
  reject: "Rejected.",
  duplicate: "Marked as a duplicate.",
  reopen: "Reopened.",
} as const;

/**
 * A decision on a reader's typo report from the story editor's report
 * panel (typically "accept-fix" right after the save that fixed it). The
 * data-access layer checks the role, the report's state, and that the
 * linked version is this story's and newer than the report.
 */
export async function decideTypoReportFromEditorAction(input: unknown) {
  const parsed = typoReportDecisionSchema.safeParse(input);
  if (!parsed.success) return invalidInput(toFieldErrors(parsed.error));
  const result = await runAction(
    () => decideTypoReport(parsed.data),
    (decided) => (decided.fixVersion !== null ? `${DONE["accept-fix"]} (version ${decided.fixVersion}).` : DONE[parsed.data.decision]),
  );
  // The admin navigation counts open reports.
  if (result.ok) revalidatePath("/admin", "layout");
  return result;
}
