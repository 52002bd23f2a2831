import type { ReactNode } from "react";
import type { ArticleListItem } from "@/lib/data/public-articles";
import { authorPath, sectionPath, tagPath } from "@/lib/urls";
import { LatestNewsList } from "./latest-news-list";
import { NewsroomTime } from "./newsroom-time";
import type { ReportStory } from "./typo-report/send-report";
import { TypoReportWidget } from "./typo-report/typo-report-widget";

/** What the article layout needs; a published story and a preview both fit. */
export interface ArticleViewModel {
  title: string;
  language: string;
  lead: string;
  /** Sanitised on save; safe to render as HTML. */
  body: string;
  /** Null for a draft that has no publication time yet. */
  publishedAt: Date | null;
  /** Set only when the text changed after publication ("Updated …"). */
  updatedAt: Date | null;
  byline: string;
  author: { name: string; slug: string };
  sourceAttribution: string | null;
  imageUrl: string | null;
  imageAlt: string | null;
  section: { name: string; slug: string };
  tags: { name: string; slug: string }[];
}

/**
 * The article layout readers get: section link, headline, byline and labelled
 * dates, lead, body, tags, source, the typo-report note, latest news beside
 * it. Public pages and draft previews both render through it, so a preview is
 * exactly what readers will see. Links are plain <a> on purpose: each is a
 * cached document (see README, "Caching").
 *
 * `typoReports` switches on the reader's typo reporter (published pages;
 * previews show the note only). data-typo-part marks the headline, lead and
 * body, whose text blocks reports count as paragraphs (README, "Reader typo
 * reports"); the markup is the same for every reader, so pages stay cacheable.
 */
export function ArticleView({
  article,
  latest,
  typoReports,
  children,
}: {
  article: ArticleViewModel;
  latest: ArticleListItem[];
  typoReports?: ReportStory;
  children?: ReactNode;
}) {
  return (
    <div className="article-layout">
      <article className="article" lang={article.language}>
        <header className="article__header">
          <p className="kicker">
            <a href={sectionPath(article.section.slug)}>{article.section.name}</a>
          </p>
          <h1 className="article__title" data-typo-part="title">
            {article.title}
          </h1>
          <p className="article__meta">
            <span className="article__byline">
              {/* A custom byline ("Report", a wire service) is not a person with an author page. */}
              By {article.byline === article.author.name ? <a href={authorPath(article.author.slug)}>{article.byline}</a> : article.byline}
            </span>
            {article.publishedAt ? (
              <span>
                Published <NewsroomTime instant={article.publishedAt} />
              </span>
            ) : (
              <span>Not yet published</span>
            )}
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
          <p className="article__lead" data-typo-part="lead">
            {article.lead}
          </p>
          <div data-typo-part="body" dangerouslySetInnerHTML={{ __html: article.body }} />
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
          <div className="typo-note">
            <p>
              Noticed a typo? Select it and press <kbd>Ctrl</kbd>+<kbd>Enter</kbd> to let the editors know.
            </p>
            {typoReports && <TypoReportWidget story={typoReports} />}
          </div>
        </footer>
        {children}
      </article>
      <aside className="article-layout__aside" aria-label="More news">
        <LatestNewsList items={latest} />
      </aside>
    </div>
  );
}
