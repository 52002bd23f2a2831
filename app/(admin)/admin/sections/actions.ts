"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { createSection, deleteSection, moveSection, updateSection } from "@/lib/data/sections";
import { invalidateAll } from "@/lib/public-cache/invalidate";
import { deleteSectionSchema, moveSectionSchema, sectionFormSchema, updateSectionSchema } from "@/lib/validations/section";
import { describeFailure, readTextFields, type SectionFormState } from "./_lib/form-state";

// Thin edges: parse → data layer (which checks the admin role) → revalidate → state or redirect.

const CHECK_FIELDS = "Check the highlighted fields.";

/** Section names and slugs are in navigation on every public page. */
function invalidatePublicSite(): void {
  invalidateAll();
  revalidatePath("/", "layout");
}

export async function createSectionAction(_previous: SectionFormState, formData: FormData): Promise<SectionFormState> {
  const values = readTextFields(formData, ["name", "slug", "description", "parentId"]);
  const parsed = sectionFormSchema.safeParse(values);
  if (!parsed.success) return { errors: z.flattenError(parsed.error).fieldErrors, message: CHECK_FIELDS, tone: "error", values };
  let created: { id: string };
  try {
    created = await createSection(parsed.data);
  } catch (error) {
    return describeFailure(error, values);
  }
  invalidatePublicSite();
  redirect(`/admin/sections?created=${created.id}`);
}

export async function updateSectionAction(_previous: SectionFormState, formData: FormData): Promise<SectionFormState> {
  const values = readTextFields(formData, ["id", "name", "slug", "description", "parentId", "expectedVersion"]);
  const parsed = updateSectionSchema.safeParse(values);
  if (!parsed.success) return { errors: z.flattenError(parsed.error).fieldErrors, message: CHECK_FIELDS, tone: "error", values };
  let result: { id: string; slug: string; previousSlug: string };
  try {
    result = await updateSection(parsed.data);
  } catch (error) {
    return describeFailure(error, values);
  }
  invalidatePublicSite();
  const from = result.slug !== result.previousSlug ? `&from=${encodeURIComponent(result.previousSlug)}` : "";
  redirect(`/admin/sections?updated=${result.id}${from}`);
}

export async function moveSectionAction(_previous: SectionFormState, formData: FormData): Promise<SectionFormState> {
  const parsed = moveSectionSchema.safeParse(readTextFields(formData, ["id", "direction"]));
  if (!parsed.success) return { message: "That move was not understood. Reload the page and try again.", tone: "error" };
  try {
    const result = await moveSection(parsed.data);
    if (!result.moved) return { message: `"${result.name}" is already ${parsed.data.direction === "up" ? "first" : "last"}.`, tone: "status" };
    invalidatePublicSite();
    return { message: `Moved "${result.name}" ${parsed.data.direction}: now ${result.position} of ${result.siblingCount}.`, tone: "status" };
  } catch (error) {
    return describeFailure(error);
  }
}

export async function deleteSectionAction(_previous: SectionFormState, formData: FormData): Promise<SectionFormState> {
  const values = readTextFields(formData, ["id", "moveStoriesTo"]);
  const parsed = deleteSectionSchema.safeParse(values);
  if (!parsed.success) return { errors: z.flattenError(parsed.error).fieldErrors, message: CHECK_FIELDS, tone: "error", values };
  let result: Awaited<ReturnType<typeof deleteSection>>;
  try {
    result = await deleteSection(parsed.data);
  } catch (error) {
    return describeFailure(error, values);
  }
  invalidatePublicSite();
  const notice = new URLSearchParams({ deleted: result.name, moved: String(result.movedStories) });
  if (result.movedTo) notice.set("to", result.movedTo.name);
  redirect(`/admin/sections?${notice.toString()}`);
}
