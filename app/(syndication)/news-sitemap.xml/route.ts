import { listNewsSitemapItems } from "@/lib/data/public-syndication";
import { getSiteInfo } from "@/lib/site";
import { SITEMAP_CONTENT_TYPE, buildNewsSitemap } from "@/lib/syndication/sitemaps";
import { xmlResponse } from "@/lib/syndication/responses";

export const dynamic = "force-dynamic";

/** Google News sitemap: stories of the last two days, newest first, at most 1,000. */
export async function GET(): Promise<Response> {
  const xml = await buildNewsSitemap(await listNewsSitemapItems(), getSiteInfo());
  return xmlResponse(xml, SITEMAP_CONTENT_TYPE);
}
