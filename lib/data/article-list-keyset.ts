import { Prisma } from "../generated/prisma/client";
import type { ArticleListCursor, ArticleListSort } from "./article-list-cursor";

const { sql, raw } = Prisma;
type Sql = Prisma.Sql;

/**
 * One ordered, keyset-bounded scan. "Publication time" needs two (stories
 * with a time, newest first, then those without), because an index sorts
 * NULLs first in descending order and we want them last.
 */
export interface ListSegment {
  /** Conditions on alias a (or r, the ranked candidates, for relevance). */
  conditions: Sql[];
  /** ORDER BY on the scan and on the outer select (alias m). */
  orderInner: Sql;
  orderOuter: Sql;
}

const dir = (isDescending: boolean) => raw(isDescending ? "DESC" : "ASC");

/** ORDER BY a key with the id as tie-breaker; `isBackward` reverses both. */
function orderBy(key: string, isDescending: boolean, isBackward: boolean, alias: string): Sql {
  return raw(`${alias}."${key}" ${isDescending !== isBackward ? "DESC" : "ASC"}, ${alias}."id" ${isBackward ? "DESC" : "ASC"}`);
}

/**
 * Rows strictly after the cursor in the walking direction, written so the
 * leading key bounds an index range (`key <= v AND (key < v OR id > c)`).
 */
function keysetCondition(alias: string, key: string, isDescending: boolean, isBackward: boolean, value: unknown, id: string, cast: string): Sql {
  const column = raw(`${alias}."${key}"`);
  const idColumn = raw(`${alias}."id"`);
  const goesDown = isDescending !== isBackward;
  const v = sql`${value}::${raw(cast)}`;
  const bound = goesDown ? sql`${column} <= ${v}` : sql`${column} >= ${v}`;
  const strict = goesDown ? sql`${column} < ${v}` : sql`${column} > ${v}`;
  const tie = isBackward ? sql`${idColumn} < ${id}::uuid` : sql`${idColumn} > ${id}::uuid`;
  return sql`${bound} AND (${strict} OR ${tie})`;
}

function cursorValue(cursor: ArticleListCursor): unknown {
  if (cursor.sort === "updated" || cursor.sort === "published") return cursor.value === null ? null : new Date(cursor.value as string);
  return cursor.value;
}

const SIMPLE_KEYS = {
  updated: { key: "updatedAt", isDescending: true, cast: "timestamptz", alias: "a" },
  title: { key: "title", isDescending: false, cast: "text", alias: "a" },
  relevance: { key: "rank", isDescending: true, cast: "real", alias: "r" },
} as const;

/** The scans that produce one page, in walking order. */
export function planSegments(sort: ArticleListSort, cursor: ArticleListCursor | undefined, isBackward: boolean): ListSegment[] {
  if (sort !== "published") {
    const { key, isDescending, cast, alias } = SIMPLE_KEYS[sort];
    return [
      {
        conditions: cursor ? [keysetCondition(alias, key, isDescending, isBackward, cursorValue(cursor), cursor.id, cast)] : [],
        orderInner: orderBy(key, isDescending, isBackward, alias),
        orderOuter: orderBy(key, isDescending, isBackward, "m"),
      },
    ];
  }
  const timed = (withKeyset: boolean): ListSegment => ({
    conditions: [
      sql`a."publishedAt" IS NOT NULL`,
      ...(withKeyset && cursor ? [keysetCondition("a", "publishedAt", true, isBackward, cursorValue(cursor), cursor.id, "timestamptz")] : []),
    ],
    orderInner: orderBy("publishedAt", true, isBackward, "a"),
    orderOuter: orderBy("publishedAt", true, isBackward, "m"),
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
