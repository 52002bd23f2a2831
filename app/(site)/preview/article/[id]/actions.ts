"use server";

import { draftMode } from "next/headers";
import { redirect } from "next/navigation";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Leaves draft mode and returns to the story's editor. */
export async function exitPreview(articleId: string): Promise<void> {
  (await draftMode()).disable();
  redirect(UUID.test(articleId) ? `/admin/articles/${articleId}` : "/admin/articles");
}
