import "server-only";
import { cache } from "react";
import { canListAllArticles } from "../auth/permissions";
import { requireUser } from "../auth/session";
import { db } from "../db";

/** Choices for the list's filter form. */
export interface ArticleListOptions {
  /** Top-level sections, each followed by its subsections. */
  sections: { name: string; slug: string; isSubsection: boolean }[];
  /** Empty for users who only ever see their own stories. */
  authors: { name: string; slug: string }[];
  languages: string[];
}

/** An article language and the text-search configuration its stories are indexed with. */
export interface ArticleLanguage {
  language: string;
  config: string;
}

/**
 * Distinct article languages by hopping through the (language, slug) index
 * one language at a time: a handful of index probes instead of a scan.
 */
export const listArticleLanguages = cache(async (): Promise<ArticleLanguage[]> => {
  return db.$queryRaw<ArticleLanguage[]>`
    WITH RECURSIVE langs AS (
      (SELECT "language" FROM "Article" ORDER BY "language" LIMIT 1)
      UNION ALL
      SELECT (SELECT a."language" FROM "Article" a WHERE a."language" > langs."language" ORDER BY a."language" LIMIT 1)
      FROM langs WHERE langs."language" IS NOT NULL
    )
    SELECT "language", newsdesk_search_config("language")::text AS "config" FROM langs WHERE "language" IS NOT NULL`;
});

export async function getArticleListOptions(): Promise<ArticleListOptions> {
  const user = await requireUser();
  const [categories, authors, languages] = await Promise.all([
    db.category.findMany({
      where: { parentId: null },
      orderBy: [{ position: "asc" }, { name: "asc" }],
      select: { name: true, slug: true, children: { orderBy: [{ position: "asc" }, { name: "asc" }], select: { name: true, slug: true } } },
    }),
    canListAllArticles(user)
      ? db.user.findMany({ where: { articles: { some: {} } }, orderBy: { name: "asc" }, select: { name: true, slug: true } })
      : Promise.resolve([]),
    listArticleLanguages(),
  ]);
  return {
    sections: categories.flatMap((c) => [
      { name: c.name, slug: c.slug, isSubsection: false },
      ...c.children.map((child) => ({ ...child, isSubsection: true })),
    ]),
    authors,
    languages: languages.map((l) => l.language),
  };
}
