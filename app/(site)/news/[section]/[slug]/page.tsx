import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { connection } from "next/server";
import { LatestNewsList } from "@/components/site/latest-news-list";
import { NewsroomTime } from "@/components/site/newsroom-time";
import { findArticleRedirect } from "@/lib/data/articles/find-article-redirect";
import { getPublishedArticleBySlug, listLatestArticles } from "@/lib/data/public-articles";
import { articlePath, sectionPath } from "@/lib/urls";

type Props = { params: Promise<{ section: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const article = await getPublishedArticleBySlug((await params).slug);
  if (!article) return {};
  return {
    title: article.seoTitle ?? article.title,
    description: article.seoDescription ?? article.summary ?? article.lead,
    alternates: { canonical: articlePath(article.section.slug, article.slug) },
  };
}

export default async function ArticlePage({ params }: Props) {
  await connection();
  const { section, slug } = await params;
  const article = await getPublishedArticleBySlug(slug);
  // Normally proxy.ts has already answered an old slug with a 301.
  if (!article) return permanentRedirect((await findArticleRedirect(slug)) ?? notFound());
  // The section is part of the URL but not of the identity: a story moved to
  // another section keeps answering at its old address.
  if (article.section.slug !== section) permanentRedirect(articlePath(article.section.slug, article.slug));
  const latest = await listLatestArticles({ limit: 12, excludeId: article.id });
  return (
    <div className="article-layout">
      <article className="article" lang={article.language}>
        <header className="article__header">
          <p className="kicker">
            <Link href={sectionPath(article.section.slug)}>{article.section.name}</Link>
          </p>
          <h1 className="article__title">{article.title}</h1>
          <p className="article__meta">
            <span className="visually-hidden">Published </span>
            <NewsroomTime instant={article.publishedAt} />
            {article.updatedAt && (
              <>
                {" · Updated "}
                <NewsroomTime instant={article.updatedAt} />
              </>
            )}
          </p>
        </header>
        <div className="article__body">
          <p className="article__lead">{article.lead}</p>
          <div dangerouslySetInnerHTML={{ __html: article.body }} />
        </div>
        <footer className="article__footer">
          {article.sourceAttribution && (
            <p className="article__attribution">
              <span className="label">Source:</span> {article.byline}, {article.sourceAttribution}
            </p>
          )}
          <p className="typo-note">
            Noticed a typo? Select it and press <kbd>Ctrl</kbd>+<kbd>Enter</kbd> to let the editors know.
          </p>
        </footer>
      </article>
      <aside className="article-layout__aside">
        <LatestNewsList items={latest} />
      </aside>
    </div>
  );
}
