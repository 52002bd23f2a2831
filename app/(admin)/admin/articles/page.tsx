import type { Metadata } from "next";
import Link from "next/link";
import { canListAllArticles } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { countArticlesByStatus, listArticles } from "@/lib/data/article-list";
import { getArticleListOptions } from "@/lib/data/article-list-options";
import { getEnv } from "@/lib/env";
import { parseArticleListQuery, type RawSearchParams } from "@/lib/validations/article-list-query";
import { ArticleFilters } from "./_components/article-filters";
import { ArticleTable } from "./_components/article-table";
import { ListEmptyState } from "./_components/list-empty-state";
import { ListPagination } from "./_components/list-pagination";
import { articleListHref } from "./_components/list-url";
import { StatusTabs } from "./_components/status-tabs";
import "./articles.css";

export const metadata: Metadata = { title: "Articles" };

const PARAM_LABEL: Record<string, string> = {
  q: "search",
  status: "status",
  section: "section",
  author: "author",
  language: "language",
  sort: "sort order",
  per: "page size",
  after: "page",
  before: "page",
};

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { query, ignored } = parseArticleListQuery(await searchParams);
  const user = await requireUser();
  const [page, counts, options] = await Promise.all([listArticles(query), countArticlesByStatus(query), getArticleListOptions()]);
  const notices = [...new Set(ignored.map((name) => PARAM_LABEL[name] ?? name))].map((label) => `The ${label} in the address was not understood and is ignored.`);
  if (query.section && !options.sections.some((s) => s.slug === query.section)) notices.push(`There is no section “${query.section}”.`);
  if (query.author && options.authors.length > 0 && !options.authors.some((a) => a.slug === query.author)) {
    notices.push(`No stories by “${query.author}”.`);
  }
  const heading = canListAllArticles(user) ? "Articles" : "My articles";
  return (
    <div className="admin-page article-list-page">
      <header className="page-header">
        <h1>{heading}</h1>
        <Link href="/admin/articles/new" className="button button--primary">
          New story
        </Link>
      </header>
      {notices.length > 0 && (
        <div className="list-notice" role="status">
          {notices.map((notice) => (
            <p key={notice}>{notice}</p>
          ))}
        </div>
      )}
      {/* Keyed by the address: uncontrolled fields must reset on back/forward and tab clicks. */}
      <ArticleFilters key={articleListHref(query)} query={query} options={options} sort={page.sort} perPage={page.perPage} />
      <StatusTabs query={query} counts={counts} />
      {page.rows.length > 0 ? (
        <>
          <ArticleTable rows={page.rows} defaultLanguage={getEnv().NEWSDESK_LANGUAGE} />
          <ListPagination query={query} page={page} />
        </>
      ) : (
        <ListEmptyState query={query} isOwnOnly={!canListAllArticles(user)} />
      )}
    </div>
  );
}
