import type { NewsArticle, WithContext } from "schema-dts";
import type { PublicArticle } from "../data/public-articles";
import type { SiteInfo } from "../site";
import { toNewsroomIso } from "../time";
import { absoluteUrl, articlePath, authorPath } from "../urls";

/** The text search engines and social cards describe a story with. */
export function articleDescription(article: Pick<PublicArticle, "seoDescription" | "summary" | "lead">): string {
  return article.seoDescription ?? article.summary ?? article.lead;
}

/**
 * schema.org NewsArticle for a story page, as Google's article guidelines
 * ask: dates are ISO 8601 in the newsroom's offset and match the dates shown
 * on the page; the author is the printed byline: the staff member (linked
 * to their author page) or, for a wire byline such as "Report", the agency.
 */
export function buildNewsArticleJsonLd(article: PublicArticle, site: SiteInfo): WithContext<NewsArticle> {
  const url = absoluteUrl(articlePath(article.section.slug, article.slug));
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    description: articleDescription(article),
    url,
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    datePublished: toNewsroomIso(article.publishedAt),
    dateModified: toNewsroomIso(article.updatedAt ?? article.publishedAt),
    author: [
      article.byline === article.author.name
        ? { "@type": "Person", name: article.byline, url: absoluteUrl(authorPath(article.author.slug)) }
        : { "@type": "Organization", name: article.byline },
    ],
    publisher: {
      "@type": "NewsMediaOrganization",
      name: site.name,
      url: `${site.origin}/`,
      logo: { "@type": "ImageObject", url: site.logo.url, width: `${site.logo.width}`, height: `${site.logo.height}` },
    },
    articleSection: article.section.name,
    inLanguage: article.language,
    isAccessibleForFree: true,
    ...(article.tags.length ? { keywords: article.tags.map((tag) => tag.name) } : {}),
    ...(article.imageUrl ? { image: [article.imageUrl] } : {}),
  };
}

/** JSON for a <script type="application/ld+json">: "<" escaped so no text can close the tag. */
export function serializeJsonLd(data: object): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
