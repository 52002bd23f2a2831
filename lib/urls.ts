import { getEnv } from "./env";

/**
 * The public URL scheme (documented in the README):
 *   /                                  home: lead story and latest news
 *   /news/<section>[?page=N]           a section's stories, newest first
 *   /news/<section>/<slug>             an article
 *   /news/<section>/feed.xml|atom.xml  a section's RSS 2.0 / Atom feed
 *   /tags/<tag>[?page=N]               a tag's stories
 *   /authors/<slug>[?page=N]           an author's stories
 *   /search?q=…[&page=N]               full-text search
 *   /feed.xml, /atom.xml               site-wide RSS 2.0 / Atom feeds
 *   /sitemap.xml                       sitemap index → /sitemaps/pages.xml, /sitemaps/articles-N.xml
 *   /news-sitemap.xml                  Google News sitemap (last two days)
 *   /robots.txt
 * The database triggers that announce changes build article paths the same
 * way (prisma/migrations/*_public_change_notifications).
 */
export function articlePath(sectionSlug: string, slug: string): string {
  return `/news/${sectionSlug}/${slug}`;
}

export function sectionPath(sectionSlug: string): string {
  return `/news/${sectionSlug}`;
}

export function tagPath(tagSlug: string): string {
  return `/tags/${tagSlug}`;
}

export function authorPath(authorSlug: string): string {
  return `/authors/${authorSlug}`;
}

export type FeedFormat = "rss" | "atom";

const FEED_FILES: Record<FeedFormat, string> = { rss: "feed.xml", atom: "atom.xml" };

/** Site-wide feed, or a section's when `sectionSlug` is given. */
export function feedPath(format: FeedFormat, sectionSlug?: string): string {
  return sectionSlug ? `${sectionPath(sectionSlug)}/${FEED_FILES[format]}` : `/${FEED_FILES[format]}`;
}

export const SITEMAP_INDEX_PATH = "/sitemap.xml";
export const NEWS_SITEMAP_PATH = "/news-sitemap.xml";
export const PAGES_SITEMAP_PATH = "/sitemaps/pages.xml";

/** One page (1-based) of the article sitemap. */
export function articleSitemapPath(page: number): string {
  return `/sitemaps/articles-${page}.xml`;
}

export const SEARCH_PATH = "/search";

/** Search results for `query`; page 1 carries no page parameter. */
export function searchPath(query: string, page = 1): string {
  const params = new URLSearchParams({ q: query });
  if (page > 1) params.set("page", String(page));
  return `${SEARCH_PATH}?${params.toString()}`;
}

/** A list page's address; page 1 carries no page parameter. */
export function withPage(path: string, page: number): string {
  return page > 1 ? `${path}?page=${page}` : path;
}

/** Absolute URL on the public origin (NEWSDESK_SITE_URL). */
export function absoluteUrl(path: string): string {
  return new URL(path, getEnv().NEWSDESK_SITE_URL).toString();
}
