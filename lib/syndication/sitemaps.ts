import { Readable } from "node:stream";
import { SitemapIndexStream, SitemapStream, streamToPromise, type IndexItem, type SitemapItemLoose } from "sitemap";
import type { NewsSitemapItem, SitemapUrl } from "../data/public-syndication";
import type { SiteInfo } from "../site";
import { toNewsroomIso } from "../time";

export const SITEMAP_CONTENT_TYPE = "application/xml; charset=utf-8";

const EMPTY_NEWS_SITEMAP =
  '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"></urlset>';

async function render(stream: SitemapStream | SitemapIndexStream, items: (SitemapItemLoose | IndexItem)[]): Promise<string> {
  const output = streamToPromise(Readable.from(items).pipe(stream));
  return (await output).toString("utf8");
}

/** A <sitemapindex> naming each sitemap file with its last modification. */
export function buildSitemapIndex(entries: { url: string; lastModified?: Date }[]): Promise<string> {
  return render(
    new SitemapIndexStream(),
    entries.map((entry) => ({ url: entry.url, ...(entry.lastModified ? { lastmod: entry.lastModified.toISOString() } : {}) })),
  );
}

/** A <urlset> of pages on the site. */
export function buildUrlSitemap(urls: SitemapUrl[], site: SiteInfo): Promise<string> {
  return render(
    new SitemapStream({ hostname: site.origin }),
    urls.map((url) => ({ url: url.path, ...(url.lastModified ? { lastmod: url.lastModified.toISOString() } : {}) })),
  );
}

/**
 * A Google News sitemap: each story with its publication (name, language),
 * publication date in the newsroom's offset, title and keywords.
 */
export async function buildNewsSitemap(items: NewsSitemapItem[], site: SiteInfo): Promise<string> {
  // The library refuses an empty urlset; a quiet two days is still an answer.
  if (items.length === 0) return EMPTY_NEWS_SITEMAP;
  return render(
    new SitemapStream({ hostname: site.origin, xmlns: { news: true, image: false, video: false, xhtml: false } }),
    items.map((item) => ({
      url: item.path,
      news: {
        publication: { name: site.name, language: item.language.split("-")[0] ?? item.language },
        publication_date: toNewsroomIso(item.publishedAt),
        title: item.title,
        ...(item.keywords.length ? { keywords: item.keywords.join(", ") } : {}),
      },
    })),
  );
}
