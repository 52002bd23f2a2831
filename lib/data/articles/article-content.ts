import "server-only";
import { sanitizeArticleBody } from "../../content/sanitize-body";
import { getEnv } from "../../env";
import { ValidationError } from "../../errors";
import type { Prisma } from "../../generated/prisma/client";
import type { ArticleStatus } from "../../generated/prisma/enums";
import { slugify } from "../../slug";
import { parseNewsroomLocalInput, toNewsroomLocalInput } from "../../time";
import { ARTICLE_LIMITS, type ArticleSaveFields } from "../../validations/article";
import { findFreeSlug } from "./slugs";

/** A slug another story of the same language already has; carries a free alternative. */
export class SlugTakenError extends ValidationError {
  constructor(
    readonly slug: string,
    readonly suggestion: string,
    takenBy: string,
  ) {
    super("That slug is taken", { slug: [`“${slug}” is already used by “${takenBy}”. Try “${suggestion}”.`] });
    this.name = "SlugTakenError";
  }
}

/** Article columns a save writes, after every check. */
export interface ResolvedContent {
  language: string;
  slug: string;
  title: string;
  summary: string | null;
  lead: string;
  body: string;
  categoryId: string;
  byline: string | null;
  sourceAttribution: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  /** undefined: leave the stored time alone (the user may not set it). */
  publishedAt: Date | null | undefined;
  tagNames: string[];
}

export interface ResolveContext {
  /** The story being saved (absent while creating). */
  articleId?: string;
  /** Status the story will have after the save. */
  status: ArticleStatus;
  /** Editors and admins set the publication time; authors cannot. */
  canSetPublicationTime: boolean;
  /** The stored publication time, when saving an existing story. */
  storedPublishedAt?: Date | null;
  now?: Date;
}

const orNull = (value: string) => (value === "" ? null : value);

function siteOrigin(): string | undefined {
  try {
    return new URL(getEnv().NEWSDESK_SITE_URL).origin;
  } catch {
    return undefined;
  }
}

/** Tags as typed, minus duplicates (by slug) and ones with nothing to slug. */
export function normaliseTagNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const slug = slugify(name);
    if (!slug || seen.has(slug)) return false;
    seen.add(slug);
    return true;
  });
}

function resolvePublishedAt(fields: ArticleSaveFields, context: ResolveContext): Date | null | undefined {
  if (!context.canSetPublicationTime) return undefined;
  // The form shows minutes; an unchanged field must not shave off the stored seconds.
  if (context.storedPublishedAt && fields.publishedAt === toNewsroomLocalInput(context.storedPublishedAt)) return undefined;
  // A story that is out (or scheduled) keeps its time when the field comes back empty,
  // e.g. from an editor opened before someone else published it.
  if (fields.publishedAt === "" && context.storedPublishedAt && (context.status === "PUBLISHED" || context.status === "SCHEDULED")) return undefined;
  const now = context.now ?? new Date();
  const value = fields.publishedAt === "" ? null : parseNewsroomLocalInput(fields.publishedAt);
  if (value === undefined) throw new ValidationError("Check the publication time", { publishedAt: ["That date and time does not exist in the newsroom's time zone"] });
  if (context.status === "PUBLISHED" && (!value || value > now)) {
    throw new ValidationError("Check the publication time", {
      publishedAt: ["A published story needs a publication time that has passed. To move it into the future, unpublish it and schedule it."],
    });
  }
  if (context.status === "SCHEDULED" && (!value || value <= now)) {
    throw new ValidationError("Check the publication time", { publishedAt: ["A scheduled time must be in the future. To publish now, use Publish now."] });
  }
  return value;
}

/**
 * Turns validated form fields into the columns to store: sanitises the
 * body, derives and checks the slug, checks the section and the time.
 * Throws ValidationError with field errors; nothing is written.
 */
export async function resolveContent(tx: Prisma.TransactionClient, fields: ArticleSaveFields, context: ResolveContext): Promise<ResolvedContent> {
  const body = sanitizeArticleBody(fields.body, { siteOrigin: siteOrigin() });
  if (body.length > ARTICLE_LIMITS.body) {
    throw new ValidationError("The body is too long", { body: [`The body is too long once cleaned: the limit is ${ARTICLE_LIMITS.body.toLocaleString("en-US")} characters.`] });
  }
  const slug = fields.slug || slugify(fields.title);
  if (!slug) throw new ValidationError("Enter a slug", { slug: ["Enter a slug: the headline has no letters or digits to make one from"] });
  const section = await tx.category.findUnique({ where: { id: fields.sectionId }, select: { id: true } });
  if (!section) throw new ValidationError("Choose a section", { sectionId: ["That section does not exist (any more). Choose one from the list."] });
  const clash = await tx.article.findFirst({
    where: { language: fields.language, slug, ...(context.articleId ? { id: { not: context.articleId } } : {}) },
    select: { title: true },
  });
  if (clash) throw new SlugTakenError(slug, await findFreeSlug(tx, fields.language, slug), clash.title);
  return {
    language: fields.language,
    slug,
    title: fields.title,
    summary: orNull(fields.summary),
    lead: fields.lead,
    body,
    categoryId: section.id,
    byline: orNull(fields.byline),
    sourceAttribution: orNull(fields.sourceAttribution),
    seoTitle: orNull(fields.seoTitle),
    seoDescription: orNull(fields.seoDescription),
    publishedAt: resolvePublishedAt(fields, context),
    tagNames: normaliseTagNames(fields.tags),
  };
}

/** Replaces the story's tags, creating unknown ones (race-safe: ON CONFLICT DO NOTHING). */
export async function replaceArticleTags(tx: Prisma.TransactionClient, articleId: string, tagNames: readonly string[]): Promise<void> {
  await tx.articleTag.deleteMany({ where: { articleId } });
  if (tagNames.length === 0) return;
  const wanted = tagNames.map((name) => ({ name, slug: slugify(name) }));
  await tx.tag.createMany({ data: wanted, skipDuplicates: true });
  const tags = await tx.tag.findMany({ where: { slug: { in: wanted.map((t) => t.slug) } }, select: { id: true, slug: true } });
  const idBySlug = new Map(tags.map((t) => [t.slug, t.id]));
  await tx.articleTag.createMany({
    data: wanted.flatMap((tag, position) => {
      const tagId = idBySlug.get(tag.slug);
      return tagId ? [{ articleId, tagId, position }] : [];
    }),
  });
}
