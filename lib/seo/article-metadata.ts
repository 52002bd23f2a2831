import type { Metadata } from "next";
import type { PublicArticle } from "../data/public-articles";
import type { SiteInfo } from "../site";
import { toNewsroomIso } from "../time";
import { absoluteUrl, articlePath, authorPath } from "../urls";
import { articleDescription } from "./news-article-json-ld";

/**
 * A story page's <head>: title, description, canonical URL, Open Graph
 * (og:type article with article:published_time, modified_time, section,
 * tag and author) and a Twitter card.
 */
export function buildArticleMetadata(article: PublicArticle, site: SiteInfo): Metadata {
  const path = articlePath(article.section.slug, article.slug);
  const title = article.seoTitle ?? article.title;
  const description = articleDescription(article);
  const images = article.imageUrl ? [{ url: article.imageUrl, alt: article.imageAlt ?? "" }] : undefined;
  return {
    title,
    description,
    alternates: { canonical: path },
    authors: [{ name: article.byline, url: absoluteUrl(authorPath(article.author.slug)) }],
    openGraph: {
      type: "article",
      url: path,
      siteName: site.name,
      locale: article.language,
      title,
      description,
      publishedTime: toNewsroomIso(article.publishedAt),
      modifiedTime: toNewsroomIso(article.updatedAt ?? article.publishedAt),
      section: article.section.name,
      tags: article.tags.map((tag) => tag.name),
      authors: [absoluteUrl(authorPath(article.author.slug))],
      ...(images ? { images } : {}),
    },
    twitter: {
      card: images ? "summary_large_image" : "summary",
      title,
      description,
      ...(images ? { images } : {}),
    },
  };
}
