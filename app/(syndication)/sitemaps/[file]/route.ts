import { listArticleSitemapUrls, listListingSitemapEntries } from "@/lib/data/public-syndication";
import { getSiteInfo } from "@/lib/site";
import { SITEMAP_CONTENT_TYPE, buildUrlSitemap } from "@/lib/syndication/sitemaps";
import { notFoundResponse, xmlResponse } from "@/lib/syndication/responses";

export const dynamic = "force-dynamic";

/** /sitemaps/pages.xml (home, sections, tags, authors) and /sitemaps/articles-N.xml. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  const site = getSiteInfo();
  if (file === "pages.xml") {
    const { sections, tags, authors } = await listListingSitemapEntries();
    const newest = sections.reduce<Date | null>((latest, s) => (s.lastModified && (!latest || s.lastModified > latest) ? s.lastModified : latest), null);
    return xmlResponse(await buildUrlSitemap([{ path: "/", lastModified: newest }, ...sections, ...tags, ...authors], site), SITEMAP_CONTENT_TYPE);
  }
  const match = /^articles-([1-9][0-9]{0,5})\.xml$/.exec(file);
  if (!match) return notFoundResponse();
  const urls = await listArticleSitemapUrls(Number(match[1]));
  if (urls.length === 0) return notFoundResponse();
  return xmlResponse(await buildUrlSitemap(urls, site), SITEMAP_CONTENT_TYPE);
}
