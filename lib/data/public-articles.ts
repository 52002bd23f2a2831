import "server-only";
import { cache } from "react";
import { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { getEnv } from "../env";
import { memoizePublicData } from "../public-cache/memo";
import { LATEST_TAG, pathTag } from "../public-cache/tags";
import { articlePath } from "../urls";
import { articleTagsColumnSql, publishedSql, readTagsColumn, type PublicTag } from "./published";

/** One line of a latest-news list. */
export interface ArticleListItem {
  id: string;
  title: string;
  summary: string | null;
  path: string;
  publishedAt: Date;
  section: { name: string; slug: string };
}

type ListRow = {
  id: string;
  title: string;
  slug: string;
  summary: string | null;
  publishedAt: Date;
  sectionName: string;
  sectionSlug: string;
};

function toListItem(row: ListRow): ArticleListItem {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    path: articlePath(row.sectionSlug, row.slug),
    publishedAt: row.publishedAt,
    section: { name: row.sectionName, slug: row.sectionSlug },
  };
}

/** Public stories in the site's language, narrowed to a section, tag or author. */
export interface ArticleFilter {
  /** A section's id and its subsections' ids. */
  categoryIds?: readonly string[];
  /** A section's slug: that section and its subsections. */
  sectionSlug?: string;
  tagId?: string;
  authorId?: string;
  excludeId?: string;
}

function filterSql(filter: ArticleFilter): Prisma.Sql {
  const conditions = [publishedSql("a"), Prisma.sql`a."language" = ${getEnv().NEWSDESK_LANGUAGE}`];
  if (filter.excludeId) conditions.push(Prisma.sql`a.id <> ${filter.excludeId}::uuid`);
  if (filter.categoryIds) conditions.push(Prisma.sql`a."categoryId" = ANY(${[...filter.categoryIds]}::uuid[])`);
  if (filter.sectionSlug) {
    conditions.push(Prisma.sql`a."categoryId" IN (
      SELECT s.id FROM "Category" s LEFT JOIN "Category" sp ON sp.id = s."parentId"
      WHERE s.slug = ${filter.sectionSlug} OR sp.slug = ${filter.sectionSlug})`);
  }
  if (filter.tagId) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "ArticleTag" at WHERE at."articleId" = a.id AND at."tagId" = ${filter.tagId}::uuid)`);
  }
  if (filter.authorId) conditions.push(Prisma.sql`a."authorId" = ${filter.authorId}::uuid`);
  return Prisma.join(conditions, " AND ");
}

// Hot path (every page shows a list): one query, not one per relation.
async function queryList(filter: ArticleFilter, limit: number, offset = 0): Promise<ArticleListItem[]> {
  const rows = await db.$queryRaw<ListRow[]>(Prisma.sql`
    SELECT a.id, a.title, a.slug, a.summary, a."publishedAt", c.name AS "sectionName", c.slug AS "sectionSlug"
    FROM "Article" a JOIN "Category" c ON c.id = a."categoryId"
    WHERE ${filterSql(filter)}
    ORDER BY a."publishedAt" DESC, a.id DESC
    LIMIT ${limit} OFFSET ${offset}`);
  return rows.map(toListItem);
}

/** How many site-wide latest stories are memoised: enough for the home page and every article's column. */
const MEMO_LATEST = 40;

/**
 * Newest first. `sectionSlug` also includes the section's subsections. The
 * site-wide list (home, every article's "Latest news") is memoised for the
 * process and dropped whenever the latest news change.
 */
export async function listLatestArticles(options: { limit?: number; sectionSlug?: string; excludeId?: string } = {}): Promise<ArticleListItem[]> {
  const { limit = 20, sectionSlug, excludeId } = options;
  const take = Math.min(Math.max(limit, 1), 100);
  if (sectionSlug || take >= MEMO_LATEST) return queryList({ sectionSlug, excludeId }, take);
  const latest = await memoizePublicData("latest", [LATEST_TAG], () => queryList({}, MEMO_LATEST));
  return latest.filter((item) => item.id !== excludeId).slice(0, take);
}

/** Stories per list page (sections, tags, authors). */
export const LIST_PAGE_SIZE = 20;
/**
 * Deepest list page served. Pages are read with an offset over the
 * (section/author, status, publishedAt) indexes; capping the depth keeps the
 * worst page fast on a large archive. Older stories stay reachable through
 * search and the sitemaps.
 */
export const MAX_LIST_PAGE = 250;

export interface ArticleListPage {
  items: ArticleListItem[];
  page: number;
  hasNext: boolean;
}

/**
 * One page (1-based) of a story list, newest first; null past the end or
 * past MAX_LIST_PAGE, so the page can answer 404. Page 1 of an empty list
 * is an empty page, not null.
 */
export async function listArticlePage(filter: ArticleFilter, page: number): Promise<ArticleListPage | null> {
  if (!Number.isInteger(page) || page < 1 || page > MAX_LIST_PAGE) return null;
  const items = await queryList(filter, LIST_PAGE_SIZE + 1, (page - 1) * LIST_PAGE_SIZE);
  if (page > 1 && items.length === 0) return null;
  return { items: items.slice(0, LIST_PAGE_SIZE), page, hasNext: items.length > LIST_PAGE_SIZE && page < MAX_LIST_PAGE };
}

/** A published article as the article page shows it. */
export interface PublicArticle {
  id: string;
  /** The version readers see (typo reports name it, tying them to that revision). */
  version: number;
  title: string;
  slug: string;
  language: string;
  summary: string | null;
  lead: string;
  /** Sanitised on save; safe to render as HTML. */
  body: string;
  publishedAt: Date;
  /** The last content change after publication, if any ("Updated …"). */
  updatedAt: Date | null;
  byline: string;
  sourceAttribution: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  imageUrl: string | null;
  imageAlt: string | null;
  section: { name: string; slug: string; parent: { name: string; slug: string } | null };
  author: { name: string; slug: string };
  tags: PublicTag[];
}

/**
 * The published article with this slug, or null. A story that is a draft,
 * archived or scheduled for later is indistinguishable from a missing one.
 * Memoised per request (metadata and page share one read) and, like the
 * cached page, for the process until a change to the story drops its
 * address's tag; a slug that is not (yet) public is read every time.
 */
export const getPublishedArticleBySlug = cache((slug: string): Promise<PublicArticle | null> =>
  memoizePublicData(`article:${slug}`, (article) => (article ? [pathTag(articlePath(article.section.slug, article.slug))] : null), () => readPublishedArticle(slug), {
    bytesOf: (article) => 2 * ((article?.body.length ?? 0) + (article?.lead.length ?? 0)) + 4096,
  }),
);

async function readPublishedArticle(slug: string): Promise<PublicArticle | null> {
  const [row] = await db.$queryRaw<ArticleRow[]>(Prisma.sql`
    SELECT a.id, a.version, a.title, a.slug, a.language, a.summary, a.lead, a.body, a."publishedAt", a."contentUpdatedAt",
           a.byline, a."sourceAttribution", a."seoTitle", a."seoDescription", a."imageUrl", a."imageAlt",
           c.name AS "sectionName", c.slug AS "sectionSlug", p.name AS "parentName", p.slug AS "parentSlug",
           u.name AS "authorName", u.slug AS "authorSlug",
           ${articleTagsColumnSql("a")}
    FROM "Article" a
    JOIN "Category" c ON c.id = a."categoryId"
    LEFT JOIN "Category" p ON p.id = c."parentId"
    JOIN "User" u ON u.id = a."authorId"
    WHERE a."language" = ${getEnv().NEWSDESK_LANGUAGE} AND a.slug = ${slug} AND ${publishedSql("a")}`);
  if (!row) return null;
  return {
    id: row.id,
    version: row.version,
    title: row.title,
    slug: row.slug,
    language: row.language,
    summary: row.summary,
    lead: row.lead,
    body: row.body,
    publishedAt: row.publishedAt,
    updatedAt: row.contentUpdatedAt && row.contentUpdatedAt > row.publishedAt ? row.contentUpdatedAt : null,
    byline: row.byline ?? row.authorName,
    sourceAttribution: row.sourceAttribution,
    seoTitle: row.seoTitle,
    seoDescription: row.seoDescription,
    imageUrl: row.imageUrl,
    imageAlt: row.imageAlt,
    section: {
      name: row.sectionName,
      slug: row.sectionSlug,
      parent: row.parentSlug && row.parentName ? { name: row.parentName, slug: row.parentSlug } : null,
    },
    author: { name: row.authorName, slug: row.authorSlug },
    tags: readTagsColumn(row.tags),
  };
}

type ArticleRow = {
  id: string;
  version: number;
  title: string;
  slug: string;
  language: string;
  summary: string | null;
  lead: string;
  body: string;
  publishedAt: Date;
  contentUpdatedAt: Date | null;
  byline: string | null;
  sourceAttribution: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  imageUrl: string | null;
  imageAlt: string | null;
  sectionName: string;
  sectionSlug: string;
  parentName: string | null;
  parentSlug: string | null;
  authorName: string;
  authorSlug: string;
  tags: PublicTag[] | string;
};

