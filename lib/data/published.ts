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
