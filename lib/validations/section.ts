import { z } from "zod";
import { isValidSlug, MAX_SLUG_LENGTH } from "../slug";

export const MAX_SECTION_NAME_LENGTH = 80;
export const MAX_SECTION_DESCRIPTION_LENGTH = 500;

/** An optional text field: missing or blank means "not given"; anything else must pass `inner`. */
function optionalField<T extends z.ZodType<unknown, string>>(inner: T) {
  return z
    .string()
    .trim()
    .transform((value) => value || undefined)
    .pipe(inner.optional())
    .optional();
}

const sectionId = z.uuid("Unknown section");
const slugRule = "Use lowercase letters, digits and single hyphens (e.g. foreign-policy)";

/**
 * The create/edit section form. A blank slug is generated from the name; a
 * blank parent makes a top-level section.
 */
export const sectionFormSchema = z.object({
  name: z
    .string("Enter a name")
    .trim()
    .min(1, "Enter a name")
    .max(MAX_SECTION_NAME_LENGTH, `Names are at most ${MAX_SECTION_NAME_LENGTH} characters`),
  slug: optionalField(
    z
      .string()
      .toLowerCase()
      .max(MAX_SLUG_LENGTH, { error: `Slugs are at most ${MAX_SLUG_LENGTH} characters`, abort: true })
      .refine(isValidSlug, slugRule),
  ),
  description: optionalField(
    z.string().max(MAX_SECTION_DESCRIPTION_LENGTH, `Descriptions are at most ${MAX_SECTION_DESCRIPTION_LENGTH} characters`),
  ),
  parentId: optionalField(z.uuid("Choose a parent section from the list")),
});

export type SectionFormInput = z.infer<typeof sectionFormSchema>;

export const updateSectionSchema = sectionFormSchema.extend({
  id: sectionId,
  /** The section's version when the form was opened: a later change by someone else is a conflict. */
  expectedVersion: optionalField(z.string().regex(/^[0-9a-f]{16}$/, "Reload the page and try again")),
});

export type UpdateSectionInput = z.infer<typeof updateSectionSchema>;

export const moveSectionSchema = z.object({
  id: sectionId,
  direction: z.enum(["up", "down"], "Move a section up or down"),
});

export type MoveSectionInput = z.infer<typeof moveSectionSchema>;

export const deleteSectionSchema = z.object({
  id: sectionId,
  moveStoriesTo: optionalField(z.uuid("Choose a section from the list")),
});

export type DeleteSectionInput = z.infer<typeof deleteSectionSchema>;
