import type { ListStatus } from "../article-status";
import { Prisma } from "../generated/prisma/client";
import type { ArticleListCursor, ArticleListSort } from "./article-list-cursor";

const { sql, join, raw } = Prisma;
type Sql = Prisma.Sql;

/**
 * Every text-search configuration newsdesk_search_config() (first migration)
 * can return. A search across languages ORs the query parsed by each, so the
 * GIN index answers it; each candidate is then checked against the query in
 * its own language's configuration, exactly as its vector was built.
 */
const SEARCH_CONFIGS = ["english", "russian", "turkish", "german", "french", "spanish", "simple"] as const;

/** A full-text search plus the exact matches an editor pastes (slug, URL, id). */
export interface ArticleSearch {
  text: string;
  exactSlug?: string;
  exactId?: string;
  /** Languages in use, to find an exact slug through the (language, slug) index. */
  languages: string[];
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

const TRUE = sql`TRUE`;

function statusCondition(status: ListStatus, now: Date): Sql {
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

/** The query parsed in the row's own language (not indexable: used to check and rank). */
function ownLanguageQuery(search: ArticleSearch): Sql {
  return sql`websearch_to_tsquery(newsdesk_search_config(a."language"), ${search.text})`;
}

/** A constant tsquery the GIN index can answer. */
function indexableQuery(search: ArticleSearch, language: string | undefined): Sql {
  if (language) return sql`websearch_to_tsquery(newsdesk_search_config(${language}), ${search.text})`;
  return join(
    SEARCH_CONFIGS.map((config) => sql`websearch_to_tsquery(${config}::regconfig, ${search.text})`),
    " || ",
  );
}

function exactMatchCondition(search: ArticleSearch, language: string | undefined): Sql | undefined {
  const parts: Sql[] = [];
  if (search.exactSlug) {
    const languages = language ? [language] : search.languages;
    if (languages.length) parts.push(sql`(a."language" = ANY(${languages}::varchar[]) AND a."slug" = ${search.exactSlug})`);
  }
  if (search.exactId) parts.push(sql`a."id" = ${search.exactId}::uuid`);
  return parts.length ? join(parts, " OR ") : undefined;
}

function searchCondition(search: ArticleSearch, language: string | undefined): Sql {
  const fullText = language
    ? sql`a."searchVector" @@ ${indexableQuery(search, language)}`
    : sql`(a."searchVector" @@ (${indexableQuery(search, undefined)}) AND a."searchVector" @@ ${ownLanguageQuery(search)})`;
  const exact = exactMatchCondition(search, language);
  return exact ? sql`(${fullText} OR ${exact})` : fullText;
}

/** Rank in [0, 2): cover density normalised for length, plus 1 for an exact slug or id. */
export function rankExpression(search: ArticleSearch): Sql {
  const exact = exactMatchCondition(search, undefined);
  const bonus = exact ? sql` + (CASE WHEN ${exact} THEN 1 ELSE 0 END)::real` : sql``;
  return sql`(ts_rank_cd(a."searchVector", ${ownLanguageQuery(search)}, 33)${bonus})::real`;
}

/** WHERE conditions for `filters`; `withStatus: false` for per-status counts. */
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
  if (filters.search) conditions.push(searchCondition(filters.search, filters.language));
  return conditions;
}

export function whereClause(conditions: Sql[]): Sql {
  return conditions.length ? join(conditions, " AND ") : TRUE;
}

/** The stored status folded to the list status at `now` (see lib/article-status.ts). */
export function listStatusExpression(now: Date): Sql {
  return sql`CASE WHEN a."status" = 'SCHEDULED' AND a."publishedAt" <= ${now} THEN 'PUBLISHED' ELSE a."status"::text END`;
}

/**
 * One ordered, keyset-bounded scan. "Publication time" needs two (stories
 * with a time, newest first, then those without), because an index sorts
 * NULLs first in descending order and we want them last.
 */
export interface ListSegment {
  conditions: Sql[];
  /** ORDER BY on the inner scan (alias a) and on the outer select (alias m). */
  orderInner: Sql;
  orderOuter: Sql;
}

interface KeyOrder {
  /** The sort key on the inner scan and on the outer select. */
  inner: Sql;
  outer: Sql;
  isDescending: boolean;
  cast: Sql;
}

function keyOrder(sort: Exclude<ArticleListSort, "published">, search: ArticleSearch | undefined): KeyOrder {
  if (sort === "title") return { inner: sql`a."title"`, outer: sql`m."title"`, isDescending: false, cast: raw("text") };
  if (sort === "relevance" && search) {
    return { inner: rankExpression(search), outer: sql`m."rank"`, isDescending: true, cast: raw("real") };
  }
  return { inner: sql`a."updatedAt"`, outer: sql`m."updatedAt"`, isDescending: true, cast: raw("timestamptz") };
}

const dir = (isDescending: boolean) => raw(isDescending ? "DESC" : "ASC");

/** ORDER BY for a key with the id as tie-breaker; `isBackward` reverses both. */
function orderBy(key: Sql, isDescending: boolean, isBackward: boolean, alias: "a" | "m"): Sql {
  const id = raw(`${alias}."id"`);
  return sql`${key} ${dir(isDescending !== isBackward)}, ${id} ${dir(isBackward)}`;
}

/**
 * Rows strictly after the cursor in the walking direction, written so the
 * leading key bounds an index range (`key <= v AND (key < v OR id > c)`).
 */
function keysetCondition(key: Sql, isDescending: boolean, isBackward: boolean, value: unknown, id: string, cast: Sql): Sql {
  const goesDown = isDescending !== isBackward;
  const v = sql`${value}::${cast}`;
  const bound = goesDown ? sql`${key} <= ${v}` : sql`${key} >= ${v}`;
  const strict = goesDown ? sql`${key} < ${v}` : sql`${key} > ${v}`;
  const tie = isBackward ? sql`a."id" < ${id}::uuid` : sql`a."id" > ${id}::uuid`;
  return sql`${bound} AND (${strict} OR ${tie})`;
}

function cursorValue(cursor: ArticleListCursor): unknown {
  return cursor.sort === "updated" || cursor.sort === "published"
    ? cursor.value === null
      ? null
      : new Date(cursor.value as string)
    : cursor.value;
}

/** The scans that produce one page, in walking order. */
export function planSegments(
  sort: ArticleListSort,
  cursor: ArticleListCursor | undefined,
  isBackward: boolean,
  search: ArticleSearch | undefined,
): ListSegment[] {
  if (sort !== "published") {
    const key = keyOrder(sort, search);
    const conditions = cursor ? [keysetCondition(key.inner, key.isDescending, isBackward, cursorValue(cursor), cursor.id, key.cast)] : [];
    return [
      {
        conditions,
        orderInner: orderBy(key.inner, key.isDescending, isBackward, "a"),
        orderOuter: orderBy(key.outer, key.isDescending, isBackward, "m"),
      },
    ];
  }
  const timed = (withKeyset: boolean): ListSegment => ({
    conditions: [
      sql`a."publishedAt" IS NOT NULL`,
      ...(withKeyset && cursor
        ? [keysetCondition(sql`a."publishedAt"`, true, isBackward, cursorValue(cursor), cursor.id, raw("timestamptz"))]
        : []),
    ],
    orderInner: orderBy(sql`a."publishedAt"`, true, isBackward, "a"),
    orderOuter: orderBy(sql`m."publishedAt"`, true, isBackward, "m"),
  });
  const untimed = (withKeyset: boolean): ListSegment => ({
    conditions: [
      sql`a."publishedAt" IS NULL`,
      ...(withKeyset && cursor ? [isBackward ? sql`a."id" < ${cursor.id}::uuid` : sql`a."id" > ${cursor.id}::uuid`] : []),
    ],
    orderInner: sql`a."id" ${dir(isBackward)}`,
    orderOuter: sql`m."id" ${dir(isBackward)}`,
  });
  if (!cursor) return isBackward ? [untimed(false), timed(false)] : [timed(false), untimed(false)];
  if (cursor.value === null) return isBackward ? [untimed(true), timed(false)] : [untimed(true)];
  return isBackward ? [timed(true)] : [timed(true), untimed(false)];
}
