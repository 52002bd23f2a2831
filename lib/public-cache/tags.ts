/**
 * Cache tags: every cached public response carries the tags of the content
 * it shows, and a change invalidates the tags of what it touched. The
 * vocabulary is small on purpose:
 *
 *   path:<pathname>   one article's page (its current and any old address)
 *   latest            the site-wide latest news: home, and the "Latest news"
 *                     column on every article page
 *   section:<slug>    a section's pages and feeds (a parent section's pages
 *                     also list its subsections' stories)
 *   tag:<slug>        a tag's pages
 *   author:<slug>     an author's pages
 *   feeds             every RSS/Atom feed
 *   sitemaps          every sitemap, including the news sitemap
 *   search            search result pages
 */
export const LATEST_TAG = "latest";
export const FEEDS_TAG = "feeds";
export const SITEMAPS_TAG = "sitemaps";
export const SEARCH_TAG = "search";

export function pathTag(pathname: string): string {
  return `path:${pathname}`;
}

export function sectionTag(slug: string): string {
  return `section:${slug}`;
}

export function tagTag(slug: string): string {
  return `tag:${slug}`;
}

export function authorTag(slug: string): string {
  return `author:${slug}`;
}

/**
 * What an article change touched, before and after: its addresses, the
 * sections (with their parents), tags and authors it is or was listed under.
 */
export interface ArticleChange {
  /** The story's public addresses, e.g. "/news/politics/some-story". */
  paths?: readonly string[];
  /** Addresses it answered at before (old slug or section): they now redirect. */
  oldPaths?: readonly string[];
  /** Section slugs, old and new, each with its parent section. */
  sectionSlugs?: readonly string[];
  tagSlugs?: readonly string[];
  authorSlugs?: readonly string[];
  /**
   * False when nothing a list shows changed (a body or SEO edit): only the
   * story's own page, feeds, sitemaps and search are refreshed. Default true.
   */
  listingChanged?: boolean;
}

/**
 * The tags an article change invalidates. A publish, unpublish, slug,
 * section, title or time change reaches every list the story is or was on; a
 * body edit reaches its own page and the feeds, sitemaps and search that
 * quote or date it.
 */
export function tagsForArticleChange(change: ArticleChange): string[] {
  const tags = new Set<string>([FEEDS_TAG, SITEMAPS_TAG, SEARCH_TAG]);
  for (const path of [...(change.paths ?? []), ...(change.oldPaths ?? [])]) tags.add(pathTag(path));
  if (change.listingChanged ?? true) {
    tags.add(LATEST_TAG);
    for (const slug of change.sectionSlugs ?? []) tags.add(sectionTag(slug));
    for (const slug of change.tagSlugs ?? []) tags.add(tagTag(slug));
    for (const slug of change.authorSlugs ?? []) tags.add(authorTag(slug));
  }
  return [...tags];
}

/** A database change notification (see the public_change_notifications migration). */
export type ChangeNotification = { all: true } | { all: false; change: ArticleChange; affectsSchedule: boolean };

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/** Reads a NOTIFY payload; anything unreadable counts as "everything changed". */
export function parseChangeNotification(payload: string): ChangeNotification {
  let data: unknown;
  try {
    data = JSON.parse(payload);
  } catch {
    return { all: true };
  }
  if (typeof data !== "object" || data === null || (data as { all?: unknown }).all === true) return { all: true };
  const record = data as Record<string, unknown>;
  if (!Array.isArray(record.paths)) return { all: true };
  return {
    all: false,
    affectsSchedule: record.schedule === true,
    change: {
      paths: stringList(record.paths),
      sectionSlugs: stringList(record.sections),
      tagSlugs: stringList(record.tags),
      authorSlugs: stringList(record.authors),
      listingChanged: record.listing !== false,
    },
  };
}
