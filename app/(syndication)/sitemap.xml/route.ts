import { listArticleSitemapPages } from "@/lib/data/public-syndication";
import { SITEMAP_CONTENT_TYPE, buildSitemapIndex } from "@/lib/syndication/sitemaps";
import { xmlResponse } from "@/lib/syndication/responses";
import { PAGES_SITEMAP_PATH, absoluteUrl, articleSitemapPath } from "@/lib/urls";

export const dynamic = "force-dynamic";

/** Sitemap index: the section/tag/author pages, then the article archive in pages of 5,000. */
export async function GET(): Promise<Response> {
  const pages = await listArticleSitemapPages();
  const newest = pages.reduce<Date | undefined>((latest, page) => (!latest || page.lastModified > latest ? page.lastModified : latest), undefined);
  const xml = await buildSitemapIndex([
    { url: absoluteUrl(PAGES_SITEMAP_PATH), lastModified: newest },
    ...pages.map((page) => ({ url: absoluteUrl(articleSitemapPath(page.page)), lastModified: page.lastModified })),
  ]);
  return xmlResponse(xml, SITEMAP_CONTENT_TYPE);
}
