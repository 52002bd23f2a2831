import "server-only";
import { db } from "../db";
import { getEnv } from "../env";
import { articlePath } from "../urls";
import { publishedWhere } from "./published";

/** One line of a latest-news list. */
export interface ArticleListItem {
  id: string;
  title: string;
  summary: string | null;
  path: string;
  publishedAt: Date;
  section: { name: string; slug: string };
}

const listSelect = {
  id: true,
  title: true,
  slug: true,
  summary: true,
  publishedAt: true,
  category: { select: { name: true, slug: true } },
} as const;

type ListRow = {
  id: string;
  title: string;
  slug: string;
  summary: string | null;
  publishedAt: Date | null;
  category: { name: string; slug: string };
};

function toListItem(row: ListRow): ArticleListItem {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    path: articlePath(row.category.slug, row.slug),
    // publishedWhere guarantees a publication time
    publishedAt: row.publishedAt ?? new Date(0),
    section: row.category,
  };
}

/** Newest first. `sectionSlug` also includes the section's subsections. */
export async function listLatestArticles(options: { limit?: number; sectionSlug?: string; excludeId?: string } = {}): Promise<ArticleListItem[]> {
  const { limit = 20, sectionSlug, excludeId } = options;
  const rows = await db.article.findMany({
    where: {
      ...publishedWhere(),
      language: getEnv().NEWSDESK_LANGUAGE,
      ...(excludeId ? { id: { not: excludeId } } : {}),
      ...(sectionSlug
        ? { category: { OR: [{ slug: sectionSlug }, { parent: { slug: sectionSlug } }] } }
        : {}),
    },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(limit, 1), 100),
    select: listSelect,
  });
  return rows.map(toListItem);
}

/** A published article as the article page shows it. */
export interface PublicArticle {
  id: string;
  title: string;
  slug: string;
  language: string;
  summary: string | null;
  lead: string;
  /** Sanitised on save; safe to render as HTML. */
  body: string;
  publishedAt: Date;
  updatedAt: Date | null;
  byline: string;
  sourceAttribution: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  imageUrl: string | null;
  imageAlt: string | null;
  section: { name: string; slug: string };
  author: { name: string; slug: string };
  tags: { name: string; slug: string }[];
}

/**
 * The published article with this slug, or null. A story that is a draft,
 * archived or scheduled for later is indistinguishable from a missing one.
 */
export async function getPublishedArticleBySlug(slug: string): Promise<PublicArticle | null> {
  const row = await db.article.findFirst({
    where: { ...publishedWhere(), language: getEnv().NEWSDESK_LANGUAGE, slug },
    select: {
      id: true,
      title: true,
      slug: true,
      language: true,
      summary: true,
      lead: true,
      body: true,
      publishedAt: true,
      contentUpdatedAt: true,
      byline: true,
      sourceAttribution: true,
      seoTitle: true,
      seoDescription: true,
      imageUrl: true,
      imageAlt: true,
      category: { select: { name: true, slug: true } },
      author: { select: { name: true, slug: true } },
      tags: { orderBy: { position: "asc" }, select: { tag: { select: { name: true, slug: true } } } },
    },
  });
  if (!row?.publishedAt) return null;
  return {
    ...row,
    publishedAt: row.publishedAt,
    updatedAt: row.contentUpdatedAt && row.contentUpdatedAt > row.publishedAt ? row.contentUpdatedAt : null,
    byline: row.byline ?? row.author.name,
    section: row.category,
    tags: row.tags.map((t) => t.tag),
  };
}
