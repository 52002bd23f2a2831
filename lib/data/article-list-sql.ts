import type { ListStatus } from "../article-status";
import { Prisma } from "../generated/prisma/client";
import type { ArticleListSort } from "./article-list-cursor";
import type { ListSegment } from "./article-list-keyset";

const { sql, join, raw } = Prisma;
type Sql = Prisma.Sql;

/**
 * Relevance ranks at most this many matches, the most recently updated ones,
 * and status counts under a search stop here ("500+"): a word found in most
 * stories must cost what a rare one does.
 */
export const SEARCH_MATCH_LIMIT = 500;

/** A full-text search plus the exact matches an editor pastes (slug, URL, id). */
export interface ArticleSearch {
  text: string;
  exactSlug?: string;
  exactId?: string;
  /** Languages in use (or the filtered one). */
  languages: string[];
  /**
   * The search parsed in those languages' text-search configurations
   * (tsquery text), one arm per distinct parse, with the languages it serves.
   */
  arms: { query: string; languages: string[] }[];
}

/** Filters after resolving URL values (slugs) to ids. */
export interface ArticleListFilters {
  /** Set for users who may only list their own stories, or by the author filter. */
  authorId?: string;
  /** A section and its subsections; an empty array matches nothing. */
  categoryIds?: string[];
  language?: string;
  status?: ListStatus;
  search?: ArticleSearch;
  /** An unknown author or section was asked for. */
  matchesNothing?: boolean;
  now: Date;
}

export function statusCondition(status: ListStatus, now: Date): Sql {
  switch (status) {
    case "draft":
      return sql`a."status" = 'DRAFT'`;
    case "in_review":
      return sql`a."status" = 'IN_REVIEW'`;
    case "archived":
      return sql`a."status" = 'ARCHIVED'`;
    case "scheduled":
      return sql`a."status" = 'SCHEDULED' AND (a."publishedAt" IS NULL OR a."publishedAt" > ${now})`;
    case "published":
      return sql`(a."status" = 'PUBLISHED' OR (a."status" = 'SCHEDULED' AND a."publishedAt" <= ${now}))`;
  }
}

const tsquery = (query: string) => sql`${query}::tsquery`;

/**
 * Each story matches in its own language's configuration, exactly as its
 * vector was built: one arm per distinct parse of the search, each answered
 * by the GIN index (a BitmapOr), and each with the language column's
 * statistics so the planner estimates the match count well (a common word
 * walks the sort index; a rare one reads its few matches from the GIN index).
 */
function fullTextCondition(search: ArticleSearch, alias: string): Sql {
  const vector = raw(`${alias}."searchVector"`);
  if (search.arms.length === 0) return sql`FALSE`;
  // One parse for every language in use: no need to look at the language.
  const [only] = search.arms;
  if (search.arms.length === 1 && only && only.languages.length === search.languages.length) return sql`${vector} @@ ${tsquery(only.query)}`;
  const arms = search.arms.map(
    (arm) => sql`(${raw(`${alias}."language"`)} = ANY(${arm.languages}::varchar[]) AND ${vector} @@ ${tsquery(arm.query)})`,
  );
  return sql`(${join(arms, " OR ")})`;
}

function exactMatchCondition(search: ArticleSearch, alias: string): Sql | undefined {
  const parts: Sql[] = [];
  const languages = search.languages;
  if (search.exactSlug && languages.length) {
    // Through the (language, slug) unique index, one probe per language.
    parts.push(sql`(${raw(`${alias}."language"`)} = ANY(${languages}::varchar[]) AND ${raw(`${alias}."slug"`)} = ${search.exactSlug})`);
  }
  if (search.exactId) parts.push(sql`${raw(`${alias}."id"`)} = ${search.exactId}::uuid`);
  return parts.length ? join(parts, " OR ") : undefined;
}

function searchCondition(search: ArticleSearch): Sql {
  const exact = exactMatchCondition(search, "a");
  return exact ? sql`(${fullTextCondition(search, "a")} OR ${exact})` : fullTextCondition(search, "a");
}

/** Rank in [0, 2): cover density normalised for length, plus 1 for an exact slug or id. */
export function rankExpression(search: ArticleSearch, alias: string): Sql {
  const vector = raw(`${alias}."searchVector"`);
  const query =
    search.arms.length <= 1
      ? tsquery(search.arms[0]?.query ?? "")
      : sql`CASE ${join(
          search.arms.map((arm) => sql`WHEN ${raw(`${alias}."language"`)} = ANY(${arm.languages}::varchar[]) THEN ${tsquery(arm.query)}`),
          " ",
        )} END`;
  const exact = exactMatchCondition(search, alias);
  const bonus = exact ? sql` + (CASE WHEN ${exact} THEN 1 ELSE 0 END)` : sql``;
  return sql`(ts_rank_cd(${vector}, ${query}, 33)${bonus})::real`;
}

/** WHERE conditions (alias a) for `filters`; `withStatus: false` for per-status counts. */
export function filterConditions(filters: ArticleListFilters, { withStatus = true } = {}): Sql[] {
  const conditions: Sql[] = [];
  if (filters.matchesNothing) conditions.push(sql`FALSE`);
  if (filters.authorId) conditions.push(sql`a."authorId" = ${filters.authorId}::uuid`);
  if (filters.categoryIds) {
    conditions.push(
      filters.categoryIds.length === 1
        ? sql`a."categoryId" = ${filters.categoryIds[0]}::uuid`
        : filters.categoryIds.length
          ? sql`a."categoryId" = ANY(${filters.categoryIds}::uuid[])`
          : sql`FALSE`,
    );
  }
  if (filters.language) conditions.push(sql`a."language" = ${filters.language}`);
  if (withStatus && filters.status) conditions.push(statusCondition(filters.status, filters.now));
  if (filters.search) conditions.push(searchCondition(filters.search));
  return conditions;
}

export function whereClause(conditions: Sql[]): Sql {
  return conditions.length ? join(conditions, " AND ") : sql`TRUE`;
}

/** The stored status folded to the list status at `now` (see lib/article-status.ts). */
export function listStatusExpression(now: Date): Sql {
  return sql`CASE WHEN a."status" = 'SCHEDULED' AND a."publishedAt" <= ${now} THEN 'PUBLISHED' ELSE a."status"::text END`;
}

const LIST_COLUMNS = raw(`"id", "title", "status", "language", "slug", "publishedAt", "updatedAt", "categoryId", "authorId"`);
const prefixed = (alias: string) =>
  raw(["id", "title", "status", "language", "slug", "publishedAt", "updatedAt", "categoryId", "authorId"].map((c) => `${alias}."${c}"`).join(", "));

/**
 * The rows of one segment (alias m): ordinary sorts scan "Article" in index
 * order; relevance ranks the newest SEARCH_MATCH_LIMIT matches and pages
 * through them by (rank, id).
 */
export function segmentQuery(filters: ArticleListFilters, sort: ArticleListSort, segment: ListSegment, limit: number): Sql {
  const take = raw(String(limit));
  if (sort === "relevance" && filters.search) {
    // OFFSET 0 keeps each level apart, so every rank is computed once.
    return sql`
      SELECT r.* FROM (
        SELECT ${prefixed("k")}, ${rankExpression(filters.search, "k")} AS "rank"
        FROM (
          SELECT ${prefixed("a")}, a."searchVector"
          FROM "Article" a
          WHERE ${whereClause(filterConditions(filters))}
          ORDER BY a."updatedAt" DESC, a."id" ASC
          LIMIT ${raw(String(SEARCH_MATCH_LIMIT))}
        ) k
        OFFSET 0
      ) r
      WHERE ${whereClause(segment.conditions)}
      ORDER BY ${segment.orderInner}
      LIMIT ${take}`;
  }
  return sql`
    SELECT ${LIST_COLUMNS}, NULL::real AS "rank"
    FROM "Article" a
    WHERE ${whereClause([...filterConditions(filters), ...segment.conditions])}
    ORDER BY ${segment.orderInner}
    LIMIT ${take}`;
}
