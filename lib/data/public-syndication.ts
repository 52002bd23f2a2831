import "server-only";
import { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { getEnv } from "../env";
import { articlePath, authorPath, sectionPath, tagPath } from "../urls";
import { articleTagsColumnSql, publishedSql, publishedWhere, readTagsColumn, type PublicTag } from "./published";

/** A story as feeds show it. */
export interface FeedItem {
  id: string;
  path: string;
  title: string;
  summary: string | null;
  lead: string;
  publishedAt: Date;
  /** Last content change after publication, else the publication time. */
  updatedAt: Date;
  byline: string;
  author: { name: string; slug: string };
  section: { name: string; slug: string };
  tags: PublicTag[];
  imageUrl: string | null;
}

export const FEED_SIZE = 50;

type FeedRow = {
  id: string;
  slug: string;
  title: string;
  summary: string | null;
  lead: string;
  publishedAt: Date;
  contentUpdatedAt: Date | null;
  byline: string | null;
  imageUrl: string | null;
  authorName: string;
  authorSlug: string;
  sectionName: string;
  sectionSlug: string;
  tags: PublicTag[] | string;
};

/** The newest public stories for a feed (one query); `categoryIds` narrows it to a section (with its subsections). */
export async function listFeedItems(options: { categoryIds?: readonly string[]; limit?: number } = {}): Promise<FeedItem[]> {
  const limit = Math.min(options.limit ?? FEED_SIZE, 200);
  const section = options.categoryIds ? Prisma.sql`AND a."categoryId" = ANY(${[...options.categoryIds]}::uuid[])` : Prisma.empty;
  const rows = await db.$queryRaw<FeedRow[]>(Prisma.sql`
    SELECT a.id, a.slug, a.title, a.summary, a.lead, a."publishedAt", a."contentUpdatedAt", a.byline, a."imageUrl",
           u.name AS "authorName", u.slug AS "authorSlug", c.name AS "sectionName", c.slug AS "sectionSlug",
           ${articleTagsColumnSql("a")}
    FROM "Article" a
    JOIN "Category" c ON c.id = a."categoryId"
    JOIN "User" u ON u.id = a."authorId"
    WHERE ${publishedSql("a")} AND a."language" = ${getEnv().NEWSDESK_LANGUAGE} ${section}
    ORDER BY a."publishedAt" DESC, a.id DESC
    LIMIT ${limit}`);
  return rows.map((row) => ({
    id: row.id,
    path: articlePath(row.sectionSlug, row.slug),
    title: row.title,
    summary: row.summary,
    lead: row.lead,
    publishedAt: row.publishedAt,
    updatedAt: row.contentUpdatedAt && row.contentUpdatedAt > row.publishedAt ? row.contentUpdatedAt : row.publishedAt,
    byline: row.byline ?? row.authorName,
    author: { name: row.authorName, slug: row.authorSlug },
    section: { name: row.sectionName, slug: row.sectionSlug },
    tags: readTagsColumn(row.tags),
    imageUrl: row.imageUrl,
  }));
}

/** Article URLs per sitemap file: well under the protocol's 50,000, so each file stays small and fast. */
export const SITEMAP_PAGE_SIZE = 5000;

export interface SitemapUrl {
  path: string;
  lastModified: Date | null;
}

/** The article sitemap's pages (1-based), each with its newest modification. Oldest stories come first, so pages stay stable as news is added. */
export async function listArticleSitemapPages(): Promise<{ page: number; lastModified: Date }[]> {
  const rows = await db.$queryRaw<{ page: bigint | number; lastModified: Date }[]>(Prisma.sql`
    SELECT page + 1 AS page, max(modified) AS "lastModified"
    FROM (
      SELECT (row_number() OVER (ORDER BY a."publishedAt", a.id) - 1) / ${SITEMAP_PAGE_SIZE} AS page,
             greatest(a."publishedAt", coalesce(a."contentUpdatedAt", a."publishedAt")) AS modified
      FROM "Article" a
      WHERE a."language" = ${getEnv().NEWSDESK_LANGUAGE}
        AND a."status" IN ('PUBLISHED', 'SCHEDULED')
        AND a."publishedAt" <= ${new Date()}
    ) numbered
    GROUP BY page
    ORDER BY page
  `);
  return rows.map((row) => ({ page: Number(row.page), lastModified: row.lastModified }));
}

/** One page (1-based) of the article sitemap; empty past the end. */
export async function listArticleSitemapUrls(page: number): Promise<SitemapUrl[]> {
  if (!Number.isInteger(page) || page < 1) return [];
  const rows = await db.article.findMany({
    where: { ...publishedWhere(), language: getEnv().NEWSDESK_LANGUAGE },
    orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
    skip: (page - 1) * SITEMAP_PAGE_SIZE,
    take: SITEMAP_PAGE_SIZE,
    select: { slug: true, publishedAt: true, contentUpdatedAt: true, category: { select: { slug: true } } },
  });
  return rows.map((row) => {
    const publishedAt = row.publishedAt ?? new Date(0);
    return {
      path: articlePath(row.category.slug, row.slug),
      lastModified: row.contentUpdatedAt && row.contentUpdatedAt > publishedAt ? row.contentUpdatedAt : publishedAt,
    };
  });
}

/** Google News sitemaps list only stories from the last two days, at most 1,000. */
export const NEWS_SITEMAP_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;
export const NEWS_SITEMAP_LIMIT = 1000;

export interface NewsSitemapItem {
  path: string;
  title: string;
  publishedAt: Date;
  language: string;
  keywords: string[];
}

export async function listNewsSitemapItems(now = new Date()): Promise<NewsSitemapItem[]> {
  const rows = await db.article.findMany({
    where: {
      ...publishedWhere(now),
      language: getEnv().NEWSDESK_LANGUAGE,
      publishedAt: { gte: new Date(now.getTime() - NEWS_SITEMAP_WINDOW_MS), lte: now },
    },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: NEWS_SITEMAP_LIMIT,
    select: {
      slug: true,
      title: true,
      language: true,
      publishedAt: true,
      category: { select: { slug: true } },
      tags: { orderBy: { position: "asc" }, select: { tag: { select: { name: true } } } },
    },
  });
  return rows.map((row) => ({
    path: articlePath(row.category.slug, row.slug),
    title: row.title,
    publishedAt: row.publishedAt ?? now,
    language: row.language,
    keywords: row.tags.map((t) => t.tag.name),
  }));
}

/** Sections, tags and authors with public stories: the non-article pages worth crawling. */
export async function listListingSitemapEntries(): Promise<{ sections: SitemapUrl[]; tags: SitemapUrl[]; authors: SitemapUrl[] }> {
  const language = getEnv().NEWSDESK_LANGUAGE;
  const now = new Date();
  const visible = Prisma.sql`a."language" = ${language} AND a."status" IN ('PUBLISHED', 'SCHEDULED') AND a."publishedAt" <= ${now}`;
  const [sections, tags, authors] = await Promise.all([
    db.$queryRaw<{ slug: string; lastModified: Date | null }[]>(Prisma.sql`
      SELECT c.slug, max(a."publishedAt") AS "lastModified"
      FROM "Category" c
      LEFT JOIN "Category" child ON child."parentId" = c.id
      LEFT JOIN "Article" a ON (a."categoryId" = c.id OR a."categoryId" = child.id) AND ${visible}
      GROUP BY c.id, c.slug, c.position
      ORDER BY c.position, c.slug`),
    db.$queryRaw<{ slug: string; lastModified: Date }[]>(Prisma.sql`
      SELECT t.slug, max(a."publishedAt") AS "lastModified"
      FROM "Tag" t JOIN "ArticleTag" at ON at."tagId" = t.id JOIN "Article" a ON a.id = at."articleId"
      WHERE ${visible}
      GROUP BY t.slug ORDER BY t.slug`),
    db.$queryRaw<{ slug: string; lastModified: Date }[]>(Prisma.sql`
      SELECT u.slug, max(a."publishedAt") AS "lastModified"
      FROM "User" u JOIN "Article" a ON a."authorId" = u.id
      WHERE ${visible}
      GROUP BY u.slug ORDER BY u.slug`),
  ]);
  const toUrls = (rows: { slug: string; lastModified: Date | null }[], pathOf: (slug: string) => string) =>
    rows.map((row) => ({ path: pathOf(row.slug), lastModified: row.lastModified }));
  return { sections: toUrls(sections, sectionPath), tags: toUrls(tags, tagPath), authors: toUrls(authors, authorPath) };
}
