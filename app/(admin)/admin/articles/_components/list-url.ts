import type { ArticleListQuery } from "@/lib/validations/article-list-query";

const FILTER_KEYS = ["q", "status", "section", "author", "language", "sort", "per"] as const;

/**
 * The list's address for `query` with `changes` applied. Changing anything
 * but the page drops the cursors: a cursor belongs to one filter set.
 */
export function articleListHref(query: ArticleListQuery, changes: Partial<ArticleListQuery> = {}): string {
  const isPaging = "after" in changes || "before" in changes;
  const next: ArticleListQuery = { ...query, after: undefined, before: undefined, ...changes };
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = next[key];
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  if (isPaging && next.after) params.set("after", next.after);
  if (isPaging && next.before) params.set("before", next.before);
  const search = params.toString();
  return search ? `/admin/articles?${search}` : "/admin/articles";
}

/** Whether anything narrows the list (the empty state then offers to clear it). */
export function hasListFilters(query: ArticleListQuery): boolean {
  return Boolean(query.q || query.status || query.section || query.author || query.language);
}
