import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { connection } from "next/server";
import { ArticleView } from "@/components/site/article-view";
import { JsonLd } from "@/components/site/json-ld";
import { findArticleRedirect } from "@/lib/data/articles/find-article-redirect";
import { getPublishedArticleBySlug, listLatestArticles } from "@/lib/data/public-articles";
import { buildArticleMetadata } from "@/lib/seo/article-metadata";
import { buildNewsArticleJsonLd } from "@/lib/seo/news-article-json-ld";
import { getSiteInfo } from "@/lib/site";
import { articlePath } from "@/lib/urls";

type Props = { params: Promise<{ section: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const article = await getPublishedArticleBySlug((await params).slug);
  return article ? buildArticleMetadata(article, getSiteInfo()) : {};
}

export default async function ArticlePage({ params }: Props) {
  await connection();
  const { section, slug } = await params;
  const article = await getPublishedArticleBySlug(slug);
  if (!article) {
    // A story whose slug was changed keeps answering at its old address
    // (proxy.ts normally answers first, with a 301).
    const movedTo = await findArticleRedirect(slug);
    if (movedTo) permanentRedirect(movedTo);
    notFound();
  }
  // The section is part of the URL but not of the identity: a story moved to
  // another section keeps answering at its old address.
  if (article.section.slug !== section) permanentRedirect(articlePath(article.section.slug, article.slug));
  const latest = await listLatestArticles({ limit: 12, excludeId: article.id });
  return (
    <ArticleView article={article} latest={latest} typoReports={{ articleId: article.id, version: article.version, language: article.language }}>
      <JsonLd data={buildNewsArticleJsonLd(article, getSiteInfo())} />
    </ArticleView>
  );
}
