import { z } from "zod";
import { LIST_STATUSES } from "../article-status";
import { ARTICLE_LIST_SORTS } from "../data/article-list-cursor";

export const ARTICLE_LIST_PAGE_SIZES = [20, 50, 100] as const;
export const DEFAULT_ARTICLE_LIST_PAGE_SIZE = 50;

const slug = z.string().trim().toLowerCase().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(200);
const cursor = z.string().regex(/^[A-Za-z0-9_-]{1,4000}$/);

/**
 * The article list's URL query (`/admin/articles?q=…&status=…`), one schema
 * per field so that a bad value is dropped on its own and the rest of the
 * filters still apply. Empty form fields mean "no filter".
 */
export const articleListQueryShape = {
  q: z.string().trim().min(1).max(200),
  status: z.enum(LIST_STATUSES),
  section: slug,
  author: slug,
  language: z.string().trim().toLowerCase().regex(/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/),
  sort: z.enum(ARTICLE_LIST_SORTS),
  per: z.coerce.number().int().refine((n) => (ARTICLE_LIST_PAGE_SIZES as readonly number[]).includes(n)),
  after: cursor,
  before: cursor,
} as const;

type Shape = typeof articleListQueryShape;

/** A validated list query: every field optional. */
export type ArticleListQuery = { [K in keyof Shape]?: z.output<Shape[K]> };

/** What the URL carried, as Next passes `searchParams`. */
export type RawSearchParams = Record<string, string | string[] | undefined>;

export interface ParsedArticleListQuery {
  query: ArticleListQuery;
  /** Names of parameters that were present but invalid and so ignored. */
  ignored: string[];
}

export function parseArticleListQuery(raw: RawSearchParams): ParsedArticleListQuery {
  const query: Record<string, unknown> = {};
  const ignored: string[] = [];
  for (const [name, schema] of Object.entries(articleListQueryShape)) {
    const value = raw[name];
    const first = Array.isArray(value) ? value[0] : value;
    if (first === undefined || first.trim() === "") continue;
    const parsed = schema.safeParse(first);
    if (parsed.success) query[name] = parsed.data;
    else ignored.push(name);
  }
  return { query: query as ArticleListQuery, ignored };
}
