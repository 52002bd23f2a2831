import { Prisma } from "../generated/prisma/client";

/**
 * The one definition of "a reader may see this": published, or scheduled
 * with its time come. Every public query starts from it, so a scheduled story
 * goes live at its instant with no job to run.
 */
export function publishedWhere(now: Date = new Date()): Prisma.ArticleWhereInput {
  return { status: { in: ["PUBLISHED", "SCHEDULED"] }, publishedAt: { lte: now } };
}

/** publishedWhere() for raw SQL on the "Article" row aliased `alias` (hot paths read in one query). */
export function publishedSql(alias: string, now: Date = new Date()): Prisma.Sql {
  const table = Prisma.raw(`"${alias.replace(/"/g, "")}"`);
  return Prisma.sql`${table}."status" IN ('PUBLISHED', 'SCHEDULED') AND ${table}."publishedAt" <= ${now}`;
}

/** A public story's tag as lists, pages and feeds show it. */
export interface PublicTag {
  name: string;
  slug: string;
}

/**
 * The tags of the "Article" row aliased `alias`, in the editor's order, as
 * one JSON column named "tags": a story's tags come with it, not one query
 * per story. Read the column with readTagsColumn().
 */
export function articleTagsColumnSql(alias: string): Prisma.Sql {
  const table = Prisma.raw(`"${alias.replace(/"/g, "")}"`);
  return Prisma.sql`coalesce((
             SELECT json_agg(json_build_object('name', t.name, 'slug', t.slug) ORDER BY at.position, t.slug)
             FROM "ArticleTag" at JOIN "Tag" t ON t.id = at."tagId" WHERE at."articleId" = ${table}.id
           ), '[]'::json) AS tags`;
}

/** The "tags" column of articleTagsColumnSql(): parsed by pg, a JSON string from PGlite. */
export function readTagsColumn(value: PublicTag[] | string): PublicTag[] {
  return typeof value === "string" ? (JSON.parse(value) as PublicTag[]) : value;
}
