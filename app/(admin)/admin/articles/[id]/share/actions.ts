"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createPreviewLink, revokePreviewLink } from "@/lib/data/previews";
import { getEnv } from "@/lib/env";
import { isDatabaseUnavailableError } from "@/lib/db/unavailable";
import { DATABASE_UNAVAILABLE_MESSAGE, NotFoundError, UnauthenticatedError, type FieldErrors } from "@/lib/errors";
import { formatNewsroomDateTime } from "@/lib/time";
import { createPreviewLinkSchema, revokePreviewLinkSchema } from "@/lib/validations/preview-link";

/** What the share form shows after submitting: the new link once, or why not. */
export interface CreateShareLinkState {
  url?: string;
  expiresAt?: string;
  message?: string;
  errors?: FieldErrors;
}

function explain(error: unknown): string {
  if (error instanceof UnauthenticatedError) return "Your session has ended. Sign in again to share this story.";
  if (error instanceof NotFoundError) return "This story no longer exists, or you cannot share it.";
  if (isDatabaseUnavailableError(error)) return DATABASE_UNAVAILABLE_MESSAGE;
  throw error;
}

export async function createShareLinkAction(_previous: CreateShareLinkState, formData: FormData): Promise<CreateShareLinkState> {
  const parsed = createPreviewLinkSchema.safeParse({ articleId: formData.get("articleId"), lifetime: formData.get("lifetime") });
  if (!parsed.success) return { message: "The link could not be created.", errors: z.flattenError(parsed.error).fieldErrors };
  try {
    const link = await createPreviewLink(parsed.data.articleId, parsed.data.lifetime);
    revalidatePath(`/admin/articles/${parsed.data.articleId}/share`);
    return {
      url: new URL(`/preview/${link.token}`, getEnv().NEWSDESK_SITE_URL).toString(),
      expiresAt: formatNewsroomDateTime(link.expiresAt),
    };
  } catch (error) {
    return { message: explain(error) };
  }
}

export async function revokeShareLinkAction(formData: FormData): Promise<void> {
  const parsed = revokePreviewLinkSchema.safeParse({ articleId: formData.get("articleId"), linkId: formData.get("linkId") });
  if (!parsed.success) return;
  try {
    await revokePreviewLink(parsed.data.articleId, parsed.data.linkId);
  } catch (error) {
    // Already gone (revoked in another tab, or expired and cleared): nothing to do.
    // During a database outage the link stays listed, so the page shows it was not revoked.
    if (isDatabaseUnavailableError(error)) return;
    if (!(error instanceof NotFoundError)) throw error;
  }
  revalidatePath(`/admin/articles/${parsed.data.articleId}/share`);
}
