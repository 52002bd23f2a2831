import type { ArticleFormFields } from "../validations/article";

/**
 * Markup-insensitive comparison key for "is this the same text?" checks,
 * on the server (is an autosave worth offering?) and in the browser (is the
 * local copy different?). Fixed key order: JSON columns do not keep the
 * order they were given.
 */
export function fieldsFingerprint(fields: ArticleFormFields): string {
  return JSON.stringify([
    fields.title, fields.slug, fields.summary, fields.lead, fields.body.replace(/>\s+</g, "><").trim(), fields.sectionId,
    fields.tags.map((t) => t.trim()), fields.byline, fields.sourceAttribution, fields.seoTitle, fields.seoDescription,
    fields.language, fields.publishedAt,
  ]);
}

/**
 * Labels for every field, as the editor, the conflict view and the diffs name
 * them. Keys follow the editor form's order, which `changedFieldNames` keeps.
 */
export const FIELD_LABELS: Record<keyof ArticleFormFields, string> = {
  title: "Headline",
  lead: "Lead",
  body: "Body",
  summary: "Summary",
  slug: "Slug",
  sectionId: "Section",
  language: "Language",
  tags: "Tags",
  byline: "Byline",
  sourceAttribution: "Source attribution",
  publishedAt: "Publication time",
  seoTitle: "SEO title",
  seoDescription: "SEO description",
};

/** Fields whose values differ, in form order. */
export function changedFieldNames(a: ArticleFormFields, b: ArticleFormFields): (keyof ArticleFormFields)[] {
  return (Object.keys(FIELD_LABELS) as (keyof ArticleFormFields)[]).filter((key) =>
    key === "body" ? a.body.replace(/>\s+</g, "><").trim() !== b.body.replace(/>\s+</g, "><").trim() : JSON.stringify(a[key]) !== JSON.stringify(b[key]),
  );
}
