import Link from "next/link";
import type { ArticleListItem } from "@/lib/data/public-articles";
import { sectionPath } from "@/lib/urls";
import { LatestNewsList } from "./latest-news-list";
import { NewsroomTime } from "./newsroom-time";

/** What the article layout needs; a published story and a preview both fit. */
export interface ArticleViewModel {
  title: string;
  language: string;
  lead: string;
  /** Sanitised on save; safe to render as HTML. */
  body: string;
  /** Null for a draft that has no publication time yet. */
  publishedAt: Date | null;
  byline: string;
  sourceAttribution: string | null;
  section: { name: string; slug: string };
}

/**
 * The public article layout: section link, headline, dateline, lead, body,
 * footer, latest news beside it. The same markup as
 * app/(site)/news/[section]/[slug]/page.tsx so a preview is what readers get.
 */
export function ArticleView({ article, latest }: { article: ArticleViewModel; latest: ArticleListItem[] }) {
  return (
    <div className="article-layout">
      <article className="article" lang={article.language}>
        <header className="article__header">
          <p className="kicker">
            <Link href={sectionPath(article.section.slug)}>{article.section.name}</Link>
          </p>
          <h1 className="article__title">{article.title}</h1>
          <p className="article__meta">
            {article.publishedAt ? (
              <>
                <span className="visually-hidden">Published </span>
                <NewsroomTime instant={article.publishedAt} />
              </>
            ) : (
              <span>Not yet published</span>
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
