import "server-only";
import { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { getEnv } from "../env";
import { articlePath } from "../urls";

/** Marks a highlighted match in search results; never present in stored text (stripped before highlighting). */
export const HIGHLIGHT_START = "\uE000";
export const HIGHLIGHT_END = "\uE001";

export const SEARCH_PAGE_SIZE = 20;
/**
 * Ranking looks at the most recent matches only: a news search that matches
 * half the archive should rank this week's stories, not scan ten years.
 */
export const MAX_RANKED_MATCHES = 1000;
export const MAX_SEARCH_PAGE = MAX_RANKED_MATCHES / SEARCH_PAGE_SIZE;
export const MAX_QUERY_LENGTH = 200;

export interface SearchHit {
  id: string;
  path: string;
  title: string;
  /** Title with HIGHLIGHT_START/END around matches; plain text otherwise. */
  titleHighlight: string;
  /** One or two passages around the matches, same markers, HTML entities still encoded. */
  snippet: string;
  publishedAt: Date;
  section: { name: string; slug: string };
}

export interface SearchResults {
  query: string;
  page: number;
  hits: SearchHit[];
  /** Matches found, counting at most MAX_RANKED_MATCHES. */
  total: number;
  hasNext: boolean;
}

/** Trims, drops control characters (PostgreSQL rejects NUL) and caps the length. */
export function normaliseSearchQuery(raw: string): string {
  return raw.replace(/[\u0000-\u001f\u007f\uE000\uE001]/g, " ").replace(/\s+/g, " ").trim().slice(0, MAX_QUERY_LENGTH);
}

type HitRow = {
  id: string;
  slug: string;
  title: string;
  publishedAt: Date;
  sectionSlug: string;
  sectionName: string;
  titleHighlight: string;
  snippet: string;
  total: bigint | number;
};

const HEADLINE_OPTIONS = `StartSel="${HIGHLIGHT_START}", StopSel="${HIGHLIGHT_END}", MaxFragments=2, MinWords=12, MaxWords=32, FragmentDelimiter=" … "`;
const TITLE_OPTIONS = `HighlightAll=true, StartSel="${HIGHLIGHT_START}", StopSel="${HIGHLIGHT_END}"`;

/**
 * Full-text search over public stories (PostgreSQL websearch syntax: words,
 * "quoted phrases", or, -exclusions), ranked by ts_rank_cd among the most
 * recent matches, newest first on ties. Malformed queries simply match
 * nothing; the page number is 1-based and null is returned past the end.
 */
export async function searchArticles(rawQuery: string, page = 1): Promise<SearchResults | null> {
  const query = normaliseSearchQuery(rawQuery);
  if (!Number.isInteger(page) || page < 1 || page > MAX_SEARCH_PAGE) return null;
  if (!query) return page === 1 ? { query, page, hits: [], total: 0, hasNext: false } : null;
  const language = getEnv().NEWSDESK_LANGUAGE;
  const offset = (page - 1) * SEARCH_PAGE_SIZE;
  const rows = await db.$queryRaw<HitRow[]>(Prisma.sql`
    WITH q AS (
      SELECT websearch_to_tsquery(newsdesk_search_config(${language}), ${query}) AS query,
             newsdesk_search_config(${language}) AS cfg
    ),
    matches AS (
      SELECT a.id, a."publishedAt"
      FROM "Article" a, q
      WHERE a."language" = ${language}
        AND a."status" IN ('PUBLISHED', 'SCHEDULED')
        AND a."publishedAt" <= ${new Date()}
        AND a."searchVector" @@ q.query
      ORDER BY a."publishedAt" DESC
      LIMIT ${MAX_RANKED_MATCHES}
    ),
    ranked AS (
      SELECT m.id, m."publishedAt", ts_rank_cd(a."searchVector", q.query) AS rank, count(*) OVER () AS total
      FROM matches m
      JOIN "Article" a ON a.id = m.id
      CROSS JOIN q
      ORDER BY rank DESC, m."publishedAt" DESC, m.id DESC
      LIMIT ${SEARCH_PAGE_SIZE + 1} OFFSET ${offset}
    )
    SELECT a.id, a.slug, a.title, a."publishedAt", c.slug AS "sectionSlug", c.name AS "sectionName", r.total,
      ts_headline(q.cfg, translate(a.title, ${HIGHLIGHT_START + HIGHLIGHT_END}, ''), q.query, ${TITLE_OPTIONS}) AS "titleHighlight",
      ts_headline(
        q.cfg,
        translate(coalesce(a.summary, '') || ' ' || a.lead || ' ' || regexp_replace(a.body, '<[^>]*>', ' ', 'g'), ${HIGHLIGHT_START + HIGHLIGHT_END}, ''),
        q.query,
        ${HEADLINE_OPTIONS}
      ) AS snippet
    FROM ranked r
    JOIN "Article" a ON a.id = r.id
    JOIN "Category" c ON c.id = a."categoryId"
    CROSS JOIN q
    ORDER BY r.rank DESC, r."publishedAt" DESC, r.id DESC
  `);
  if (page > 1 && rows.length === 0) return null;
  return {
    query,
    page,
    total: Number(rows[0]?.total ?? 0),
    hasNext: rows.length > SEARCH_PAGE_SIZE,
    hits: rows.slice(0, SEARCH_PAGE_SIZE).map((row) => ({
      id: row.id,
      path: articlePath(row.sectionSlug, row.slug),
      title: row.title,
      titleHighlight: row.titleHighlight,
      snippet: row.snippet,
      publishedAt: row.publishedAt,
      section: { name: row.sectionName, slug: row.sectionSlug },
    })),
  };
}
