import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { HighlightedText } from "@/components/site/highlighted-text";
import { NewsroomTime } from "@/components/site/newsroom-time";
import { SearchForm } from "@/components/site/search-form";
import { normaliseSearchQuery, searchArticles } from "@/lib/data/public-search";
import { searchPath, sectionPath } from "@/lib/urls";
import { readPageParam, type PageSearchParams } from "../_lib/page-param";

type Props = { searchParams: Promise<PageSearchParams> };

function readQuery(searchParams: PageSearchParams): string {
  const raw = searchParams.q;
  return normaliseSearchQuery(typeof raw === "string" ? raw : "");
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const query = readQuery(await searchParams);
  // Result pages are endless combinations: useful to readers, not to an index.
  return { title: query ? `Search: ${query}` : "Search", robots: { index: false, follow: true } };
}

export default async function SearchPage({ searchParams }: Props) {
  await connection();
  const params = await searchParams;
  const query = readQuery(params);
  const page = readPageParam(params);
  if (page === null) notFound();
  const results = await searchArticles(query, page);
  if (!results) notFound();
  return (
    <div className="search-page">
      <h1>{query ? `Search results for “${query}”` : "Search the news"}</h1>
      <SearchForm query={query} isMain />
      {query && (
        <section aria-labelledby="search-results-heading" className="search-results">
          <h2 id="search-results-heading" className="search-results__summary">
            {results.total === 0
              ? "No stories found"
              : `${results.total >= 1000 ? "1,000+" : results.total.toLocaleString("en-US")} ${results.total === 1 ? "story" : "stories"} found`}
          </h2>
          {results.total === 0 ? (
            <p className="empty-state">
              Nothing matches “{query}”. Check the spelling, use fewer words, or put an exact phrase in quotes.
            </p>
          ) : (
            <ol className="search-results__list">
              {results.hits.map((hit) => (
                <li key={hit.id} className="search-hit">
                  <h3 className="search-hit__title">
                    <a href={hit.path}>
                      <HighlightedText text={hit.titleHighlight} />
                    </a>
                  </h3>
                  <p className="search-hit__meta">
                    <a href={sectionPath(hit.section.slug)}>{hit.section.name}</a> · <NewsroomTime instant={hit.publishedAt} />
                  </p>
                  <p className="search-hit__snippet">
                    <HighlightedText text={hit.snippet} />
                  </p>
                </li>
              ))}
            </ol>
          )}
          {(page > 1 || results.hasNext) && (
            <nav aria-label="Search result pages" className="pagination">
              {page > 1 ? (
                <a href={searchPath(query, page - 1)} rel="prev">
                  ← Previous results
                </a>
              ) : (
                <span />
              )}
              <span aria-current="page">Page {page}</span>
              {results.hasNext ? (
                <a href={searchPath(query, page + 1)} rel="next">
                  More results →
                </a>
              ) : (
                <span />
              )}
            </nav>
          )}
        </section>
      )}
    </div>
  );
}
