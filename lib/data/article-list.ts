import "server-only";
import { cache } from "react";
import { effectiveListStatus, LIST_STATUSES, type ListStatus } from "../article-status";
import { canListAllArticles } from "../auth/permissions";
import { requireUser, type SessionUser } from "../auth/session";
import { db } from "../db";
import type { ArticleStatus } from "../generated/prisma/enums";
import { Prisma } from "../generated/prisma/client";
import { DEFAULT_ARTICLE_LIST_PAGE_SIZE, type ArticleListQuery } from "../validations/article-list-query";
import {
  decodeArticleListCursor,
  encodeArticleListCursor,
  type ArticleListCursor,
  type ArticleListSort,
} from "./article-list-cursor";
import {
  filterConditions,
  listStatusExpression,
  SEARCH_MATCH_LIMIT,
  segmentQuery,
  whereClause,
  type ArticleListFilters,
} from "./article-list-sql";
import { planSegments } from "./article-list-keyset";
import { parseArticleSearch } from "./article-search";

const { sql, raw } = Prisma;

/** One row of the newsroom's article list. */
export interface ArticleListRow {
  id: string;
  title: string;
  status: ListStatus;
  language: string;
  slug: string;
  /** Publication instant, or the scheduled one; null for an unpublished draft. */
  publishedAt: Date | null;
  updatedAt: Date;
  section: { name: string; slug: string };
  author: { name: string };
}

export interface ArticleListPage {
  rows: ArticleListRow[];
  sort: ArticleListSort;
  perPage: number;
  /** Opaque cursors for the neighbouring pages; null at either end. */
  nextCursor: string | null;
  previousCursor: string | null;
}

/** Stories per list status under the current filters (status itself aside). */
export interface ArticleStatusCounts {
  /**
   * Per status; null when a search matches more than SEARCH_MATCH_LIMIT
   * stories, which are then not counted further (`all` says "more than").
   */
  byStatus: Record<ListStatus, number> | null;
  all: number;
}

interface RawRow {
  id: string;
  title: string;
  status: ArticleStatus;
  language: string;
  slug: string;
  publishedAt: Date | null;
  updatedAt: Date;
  rank: number | null;
  sectionName: string;
  sectionSlug: string;
  authorName: string;
}

/**
 * Turns URL values into ids. Authors are confined to their own stories here,
 * in the query, whatever the URL says; an unknown section or author matches
 * nothing rather than everything.
 */
const resolveFilters = cache(async (user: SessionUser, query: ArticleListQuery): Promise<ArticleListFilters> => {
  const filters: ArticleListFilters = { now: new Date(), language: query.language, status: query.status };
  if (!canListAllArticles(user)) {
    filters.authorId = user.id;
  } else if (query.author) {
    const author = await db.user.findUnique({ where: { slug: query.author }, select: { id: true } });
    if (author) filters.authorId = author.id;
    else filters.matchesNothing = true;
  }
  if (query.section) {
    const section = await db.category.findUnique({
      where: { slug: query.section },
      select: { id: true, children: { select: { id: true } } },
    });
    filters.categoryIds = section ? [section.id, ...section.children.map((c) => c.id)] : [];
  }
  if (query.q) filters.search = await parseArticleSearch(query.q, query.language);
  return filters;
});

function chooseSort(query: ArticleListQuery): ArticleListSort {
  if (query.sort === "relevance") return query.q ? "relevance" : "updated";
  return query.sort ?? (query.q ? "relevance" : "updated");
}

function cursorFor(row: RawRow, sort: ArticleListSort): string {
  const value =
    sort === "updated"
      ? row.updatedAt.toISOString()
      : sort === "published"
        ? (row.publishedAt?.toISOString() ?? null)
        : sort === "title"
          ? row.title
          : Number(row.rank ?? 0);
  return encodeArticleListCursor({ sort, value, id: row.id });
}

async function scan(filters: ArticleListFilters, sort: ArticleListSort, cursor: ArticleListCursor | undefined, isBackward: boolean, want: number): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  for (const segment of planSegments(sort, cursor, isBackward)) {
    // Names are joined onto the page's rows only, after the limit.
    const found = await db.$queryRaw<RawRow[]>(sql`
      SELECT m."id", m."title", m."status", m."language", m."slug", m."publishedAt", m."updatedAt", m."rank",
             c."name" AS "sectionName", c."slug" AS "sectionSlug", u."name" AS "authorName"
      FROM (${segmentQuery(filters, sort, segment, want - rows.length)}) m
      JOIN "Category" c ON c."id" = m."categoryId"
      JOIN "User" u ON u."id" = m."authorId"
      ORDER BY ${segment.orderOuter}`);
    rows.push(...found);
    if (rows.length >= want) break;
  }
  return rows;
}

function toRow(row: RawRow, now: Date): ArticleListRow {
  return {
    id: row.id,
    title: row.title,
    status: effectiveListStatus(row.status, row.publishedAt, now),
    language: row.language,
    slug: row.slug,
    publishedAt: row.publishedAt,
    updatedAt: row.updatedAt,
    section: { name: row.sectionName, slug: row.sectionSlug },
    author: { name: row.authorName },
  };
}

/**
 * One page of the article list. Editors and admins see every story, authors
 * only their own. Pages follow opaque keyset cursors (`after`/`before`), never
 * offsets, so a deep page costs what the first does.
 */
export async function listArticles(query: ArticleListQuery): Promise<ArticleListPage> {
  const user = await requireUser();
  const filters = await resolveFilters(user, query);
  const sort = chooseSort(query);
  const perPage = query.per ?? DEFAULT_ARTICLE_LIST_PAGE_SIZE;
  const decode = (text: string | undefined) => {
    const cursor = text ? decodeArticleListCursor(text) : undefined;
    return cursor?.sort === sort ? cursor : undefined;
  };
  const after = decode(query.after);
  const before = after ? undefined : decode(query.before);

  if (before) {
    const found = await scan(filters, sort, before, true, perPage + 1);
    // Back at the start: show the first page, full, rather than a short one.
    if (found.length > perPage) {
      const rows = found.slice(0, perPage).reverse();
      return {
        rows: rows.map((r) => toRow(r, filters.now)),
        sort,
        perPage,
        previousCursor: cursorFor(rows[0] as RawRow, sort),
        nextCursor: cursorFor(rows[rows.length - 1] as RawRow, sort),
      };
    }
  }
  const found = await scan(filters, sort, after, false, perPage + 1);
  const rows = found.slice(0, perPage);
  const last = rows[rows.length - 1];
  const first = rows[0];
  return {
    rows: rows.map((r) => toRow(r, filters.now)),
    sort,
    perPage,
    nextCursor: found.length > perPage && last ? cursorFor(last, sort) : null,
    previousCursor: after && first ? cursorFor(first, sort) : null,
  };
}

/**
 * How many stories each status tab would show under the other filters:
 * index-only counts without a search. With one, matches are counted up to
 * SEARCH_MATCH_LIMIT in a single pass; past that only "more than" is known,
 * so a word found in most stories costs what a rare one does.
 */
export async function countArticlesByStatus(query: ArticleListQuery): Promise<ArticleStatusCounts> {
  const user = await requireUser();
  const filters = await resolveFilters(user, query);
  const byStatus = Object.fromEntries(LIST_STATUSES.map((s) => [s, 0])) as Record<ListStatus, number>;
  const base = whereClause(filterConditions(filters, { withStatus: false }));
  const source = filters.search
    ? sql`(SELECT a."status", a."publishedAt" FROM "Article" a WHERE ${base} LIMIT ${raw(String(SEARCH_MATCH_LIMIT + 1))}) a`
    : sql`(SELECT a."status", a."publishedAt" FROM "Article" a WHERE ${base}) a`;
  const rows = await db.$queryRaw<{ status: ArticleStatus; count: number }[]>(sql`
    SELECT ${listStatusExpression(filters.now)} AS "status", count(*)::int AS "count"
    FROM ${source}
    GROUP BY 1`);
  const all = rows.reduce((sum, r) => sum + r.count, 0);
  if (filters.search && all > SEARCH_MATCH_LIMIT) return { byStatus: null, all };
  for (const row of rows) byStatus[effectiveListStatus(row.status, null, filters.now)] += row.count;
  return { byStatus, all };
}
