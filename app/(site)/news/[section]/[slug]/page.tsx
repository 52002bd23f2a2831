import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { connection } from "next/server";
import { JsonLd } from "@/components/site/json-ld";
import { LatestNewsList } from "@/components/site/latest-news-list";
import { NewsroomTime } from "@/components/site/newsroom-time";
import { findArticleRedirect } from "@/lib/data/articles/find-article-redirect";
import { getPublishedArticleBySlug, listLatestArticles } from "@/lib/data/public-articles";
import { buildArticleMetadata } from "@/lib/seo/article-metadata";
import { buildNewsArticleJsonLd } from "@/lib/seo/news-article-json-ld";
import { getSiteInfo } from "@/lib/site";
import { articlePath, authorPath, sectionPath, tagPath } from "@/lib/urls";

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
    <div className="article-layout">
      <article className="article" lang={article.language}>
        <header className="article__header">
          <p className="kicker">
            <a href={sectionPath(article.section.slug)}>{article.section.name}</a>
          </p>
          <h1 className="article__title">{article.title}</h1>
          <p className="article__meta">
            <span className="article__byline">
              By <a href={authorPath(article.author.slug)}>{article.byline}</a>
            </span>
            <span>
              Published <NewsroomTime instant={article.publishedAt} />
            </span>
            {article.updatedAt && (
              <span>
                Updated <NewsroomTime instant={article.updatedAt} />
              </span>
            )}
          </p>
        </header>
        {article.imageUrl && (
          <figure className="article__image">
            {/* Editors link images from the agency's own media host: no optimiser in between. */}
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src={article.imageUrl} alt={article.imageAlt ?? ""} />
          </figure>
        )}
        <div className="article__body">
          <p className="article__lead">{article.lead}</p>
          <div dangerouslySetInnerHTML={{ __html: article.body }} />
        </div>
        <footer className="article__footer">
          {article.tags.length > 0 && (
            <nav aria-label="Tags" className="article__tags">
              <ul className="chips">
                {article.tags.map((tag) => (
                  <li key={tag.slug}>
                    <a href={tagPath(tag.slug)}>{tag.name}</a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          {article.sourceAttribution && (
            <p className="article__attribution">
              <span className="label">Source:</span> {article.byline}, {article.sourceAttribution}
            </p>
          )}
          <p className="typo-note">
            Noticed a typo? Select it and press <kbd>Ctrl</kbd>+<kbd>Enter</kbd> to let the editors know.
          </p>
        </footer>
        <JsonLd data={buildNewsArticleJsonLd(article, getSiteInfo())} />
      </article>
      <aside className="article-layout__aside" aria-label="More news">
        <LatestNewsList items={latest} />
      </aside>
    </div>
  );
}
