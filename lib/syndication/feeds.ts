import { Feed } from "feed";
import type { FeedItem } from "../data/public-syndication";
import { escapeHtml } from "../html";
import type { SiteInfo } from "../site";
import { absoluteUrl, authorPath, feedPath, type FeedFormat } from "../urls";

export interface FeedChannel {
  title: string;
  description: string;
  /** The HTML page the feed mirrors ("/" or "/news/<section>"). */
  pagePath: string;
  /** Set for a section's feed. */
  sectionSlug?: string;
}

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
};

/**
 * An RSS 2.0 or Atom 1.0 document for `items` (newest first), built with
 * the `feed` library. Entries carry the summary, the lead paragraph, the
 * byline, section and tags; RSS dates are publication times, Atom's
 * <updated> is the last content change.
 */
export function buildFeed(format: FeedFormat, channel: FeedChannel, items: FeedItem[], site: SiteInfo): string {
  const newest = items.reduce<Date | undefined>((latest, item) => (!latest || item.updatedAt > latest ? item.updatedAt : latest), undefined);
  const feed = new Feed({
    id: absoluteUrl(channel.pagePath),
    link: absoluteUrl(channel.pagePath),
    title: channel.title,
    description: channel.description,
    language: site.language,
    updated: newest ?? new Date(0),
    generator: "Newsdesk",
    copyright: `© ${site.name}`,
    image: site.logo.url,
    feedLinks: { rss: absoluteUrl(feedPath("rss", channel.sectionSlug)), atom: absoluteUrl(feedPath("atom", channel.sectionSlug)) },
    author: { name: site.name, link: site.origin },
  });
  for (const item of items) {
    const url = absoluteUrl(item.path);
    feed.addItem({
      id: url,
      guid: url,
      link: url,
      title: item.title,
      description: item.summary ?? item.lead,
      content: `<p>${escapeHtml(item.lead)}</p>`,
      date: item.updatedAt,
      published: item.publishedAt,
      author: [{ name: item.byline, link: absoluteUrl(authorPath(item.author.slug)) }],
      category: [item.section, ...item.tags].map((c) => ({ name: c.name, term: c.slug })),
      ...(item.imageUrl ? { image: item.imageUrl } : {}),
    });
  }
  return format === "rss" ? feed.rss2() : feed.atom1();
}
