import { notFound, redirect } from "next/navigation";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/errors";

/**
 * Runs a data-layer read for a sections page. What a role may not see looks
 * missing (404), like a section that does not exist.
 */
export async function loadOrNotFound<T>(load: () => Promise<T>, callbackUrl = "/admin/sections"): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof ForbiddenError || error instanceof NotFoundError) notFound();
    if (error instanceof UnauthenticatedError) redirect(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    throw error;
  }
}
