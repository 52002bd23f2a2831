import "server-only";
import { listFeedItems } from "../data/public-syndication";
import { getSectionBySlug, sectionCategoryIds } from "../data/public-sections";
import { PUBLIC_CACHE_CONTROL } from "../public-cache/routes";
import { getSiteInfo } from "../site";
import { sectionPath, type FeedFormat } from "../urls";
import { FEED_CONTENT_TYPES, buildFeed } from "./feeds";

/** A feed or sitemap answer, cacheable by CDNs exactly like the HTML pages. */
export function xmlResponse(body: string, contentType: string): Response {
  return new Response(body, { headers: { "content-type": contentType, "cache-control": PUBLIC_CACHE_CONTROL } });
}

export function notFoundResponse(): Response {
  return new Response("Not found\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/** The site-wide feed, or a section's (with its subsections); 404 for an unknown section. */
export async function feedResponse(format: FeedFormat, sectionSlug?: string): Promise<Response> {
  const site = getSiteInfo();
  if (!sectionSlug) {
    const items = await listFeedItems();
    const channel = { title: site.name, description: `The latest news from ${site.name}.`, pagePath: "/" };
    return xmlResponse(buildFeed(format, channel, items, site), FEED_CONTENT_TYPES[format]);
  }
  const section = await getSectionBySlug(sectionSlug);
  if (!section) return notFoundResponse();
  const items = await listFeedItems({ categoryIds: sectionCategoryIds(section) });
  const channel = {
    title: `${section.name} | ${site.name}`,
    description: section.description ?? `The latest ${section.name} news from ${site.name}.`,
    pagePath: sectionPath(section.slug),
    sectionSlug: section.slug,
  };
  return xmlResponse(buildFeed(format, channel, items, site), FEED_CONTENT_TYPES[format]);
}
