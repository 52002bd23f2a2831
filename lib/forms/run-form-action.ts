import "server-only";
import { redirect } from "next/navigation";
import { UnauthenticatedError } from "../errors";
import { refusal, type ActionState } from "./action-state";

/**
 * Runs a form action's work: a refusal from the data-access layer becomes a
 * form message; a missing or revoked session goes back to sign-in.
 */
export async function runFormAction(work: () => Promise<ActionState>): Promise<ActionState> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UnauthenticatedError) redirect("/login?reason=ended");
    return refusal(error);
  }
}
