import { z } from "zod";
import { isValidSlug, MAX_SLUG_LENGTH } from "../slug";

/** Hard limits per field. The body limit is in characters of HTML (about 1 MB). */
export const ARTICLE_LIMITS = {
  title: 300,
  slug: MAX_SLUG_LENGTH,
  summary: 600,
  lead: 2000,
  body: 1_000_000,
  byline: 200,
  sourceAttribution: 300,
  seoTitle: 200,
  seoDescription: 400,
  tag: 60,
  tags: 20,
  note: 2000,
} as const;

/** Lengths search engines show in full; the editor hints past them. */
export const SEO_HINTS = { title: 60, description: 160 } as const;

// C0/C1 control characters (except tab/newline) have no place in text a reader sees.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

const tooLong = (label: string, max: number) => `${label} must be at most ${max.toLocaleString("en-US")} characters`;

/** One line of plain text: control characters removed, whitespace collapsed. */
const line = (label: string, max: number) =>
  z
    .string(`${label} must be text`)
    .transform((value) => value.replace(CONTROL_CHARACTERS, "").replace(/\s+/g, " ").trim())
    .pipe(z.string().max(max, tooLong(label, max)));

/** Multi-line plain text. */
const text = (label: string, max: number) =>
  z
    .string(`${label} must be text`)
    .transform((value) => value.replace(CONTROL_CHARACTERS, "").replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().max(max, tooLong(label, max)));

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/;

/** A wall-clock time in the newsroom zone, as <input type="datetime-local"> gives it. */
export const localDateTimeSchema = z
  .string("Enter a date and time")
  .trim()
  .regex(LOCAL_DATE_TIME, "Enter a date and time, e.g. 2024-10-16 17:40");

/**
 * Every field the editor edits, as the form holds them. Lenient about what
 * is still missing (autosave keeps half-written stories); `articleSaveSchema`
 * adds what a real save needs.
 */
export const articleDraftSchema = z.object({
  title: line("The headline", ARTICLE_LIMITS.title),
  slug: z
    .string("The slug must be text")
    .trim()
    .toLowerCase()
    .max(ARTICLE_LIMITS.slug, tooLong("The slug", ARTICLE_LIMITS.slug))
    .refine((slug) => slug === "" || isValidSlug(slug), "Use lower-case letters, digits and single hyphens, e.g. azerbaijan-and-serbia"),
  summary: text("The summary", ARTICLE_LIMITS.summary),
  lead: text("The lead", ARTICLE_LIMITS.lead),
  body: z
    .string("The body must be text")
    .max(ARTICLE_LIMITS.body, `The body is too long: the limit is ${ARTICLE_LIMITS.body.toLocaleString("en-US")} characters (about 1 MB). Split the story or remove pasted formatting.`),
  sectionId: z.union([z.literal(""), z.uuid("Choose a section from the list")]),
  tags: z
    .array(line("A tag", ARTICLE_LIMITS.tag), "Tags must be a list")
    .max(ARTICLE_LIMITS.tags, `At most ${ARTICLE_LIMITS.tags} tags`)
    .transform((tags) => tags.filter((tag) => tag !== "")),
  byline: line("The byline", ARTICLE_LIMITS.byline),
  sourceAttribution: line("The source attribution", ARTICLE_LIMITS.sourceAttribution),
  seoTitle: line("The SEO title", ARTICLE_LIMITS.seoTitle),
  seoDescription: text("The SEO description", ARTICLE_LIMITS.seoDescription),
  language: z
    .string("Choose a language")
    .trim()
    .max(12, "Use a language code such as en, az or ru")
    .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, "Use a language code such as en, az or ru"),
  publishedAt: z.union([z.literal(""), localDateTimeSchema]),
});

/** What a save (or the first autosave creating a draft) needs on top. */
export const articleSaveSchema = articleDraftSchema.extend({
  title: line("The headline", ARTICLE_LIMITS.title).pipe(z.string().min(1, "Enter a headline")),
  sectionId: z.uuid("Choose a section from the list"),
});

/** The editor's field set, as the form holds it (every value a string, tags a list). */
export type ArticleFormFields = z.input<typeof articleDraftSchema>;
export type ArticleDraftFields = z.output<typeof articleDraftSchema>;
export type ArticleSaveFields = z.output<typeof articleSaveSchema>;

const articleId = z.uuid("Unknown story");
const baseVersion = z.int("Unknown version").positive("Unknown version");

export const createArticleSchema = z.object({ fields: articleSaveSchema });
export const saveArticleSchema = z.object({ id: articleId, baseVersion, fields: articleSaveSchema });
export const autosaveArticleSchema = z.object({ id: articleId, baseVersion, fields: articleDraftSchema });
export const articleRefSchema = z.object({ id: articleId });
export const leaseRequestSchema = z.object({ id: articleId, takeOver: z.boolean().optional(), isRenewal: z.boolean().optional() });
export const restoreRevisionSchema = z.object({ id: articleId, baseVersion, revisionVersion: z.int().positive() });

/** Lifecycle transitions, one per button in the editor's workflow panel. */
export const transitionArticleSchema = z.discriminatedUnion("transition", [
  z.object({ transition: z.literal("submit"), id: articleId, baseVersion }),
  z.object({ transition: z.literal("publish"), id: articleId, baseVersion }),
  z.object({ transition: z.literal("unpublish"), id: articleId, baseVersion }),
  z.object({ transition: z.literal("schedule"), id: articleId, baseVersion, publishAt: localDateTimeSchema }),
  z.object({
    transition: z.literal("return-to-draft"),
    id: articleId,
    baseVersion,
    note: text("The note", ARTICLE_LIMITS.note).pipe(z.string().min(1, "Tell the author what to change")),
  }),
]);

export type TransitionArticleInput = z.output<typeof transitionArticleSchema>;
export type ArticleTransition = TransitionArticleInput["transition"];

/** Field errors keyed by field name (the last path segment), as forms show them. */
export function toFieldErrors(error: z.ZodError): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = [...issue.path].reverse().find((part) => typeof part === "string") ?? "form";
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}

/** The form's starting point for a new story. */
export function emptyArticleFields(language: string): ArticleFormFields {
  return {
    title: "", slug: "", summary: "", lead: "", body: "", sectionId: "", tags: [], byline: "",
    sourceAttribution: "", seoTitle: "", seoDescription: "", language, publishedAt: "",
  };
}
