import Form from "next/form";
import Link from "next/link";
import type { ArticleListOptions } from "@/lib/data/article-list-options";
import type { ArticleListSort } from "@/lib/data/article-list-cursor";
import { ARTICLE_LIST_PAGE_SIZES, type ArticleListQuery } from "@/lib/validations/article-list-query";

const SORT_LABEL: Record<Exclude<ArticleListSort, "relevance">, string> = {
  updated: "Last updated",
  published: "Publication time",
  title: "Title (A–Z)",
};

interface Props {
  query: ArticleListQuery;
  options: ArticleListOptions;
  sort: ArticleListSort;
  perPage: number;
}

/**
 * A GET form: filters live in the address, so a list can be shared or
 * bookmarked, the back button works, and nothing needs JavaScript.
 */
export function ArticleFilters({ query, options, sort, perPage }: Props) {
  // The empty choice is the natural order: best match for a search, else
  // last updated. So typing a search after browsing ranks by relevance,
  // while an explicitly chosen order is kept.
  const isDefaultSort = !query.sort || query.sort === "relevance" || (!query.q && query.sort === "updated");
  const sorts = (Object.keys(SORT_LABEL) as (keyof typeof SORT_LABEL)[]).filter((s) => query.q || s !== "updated");
  return (
    // next/form: client-side navigation with JavaScript, a plain GET form without.
    // autoComplete off: the browser must not restore stale choices on "back".
    <Form action="/admin/articles" role="search" aria-label="Find stories" className="list-filters" autoComplete="off">
      <div className="field list-filters__search">
        <label htmlFor="list-q">Search</label>
        <input id="list-q" name="q" type="search" defaultValue={query.q ?? ""} maxLength={200} aria-describedby="list-q-hint" />
        <p id="list-q-hint" className="field__hint">
          Words in the title, lead or text. <code>&quot;exact phrase&quot;</code>, <code>either OR other</code>,{" "}
          <code>-exclude</code>; a slug, link or id finds that story.
        </p>
      </div>
      <div className="field">
        <label htmlFor="list-section">Section</label>
        <select id="list-section" name="section" defaultValue={query.section ?? ""}>
          <option value="">All sections</option>
          {options.sections.map((s) => (
            <option key={s.slug} value={s.slug}>
              {s.isSubsection ? `— ${s.name}` : s.name}
            </option>
          ))}
        </select>
      </div>
      {options.authors.length > 0 && (
        <div className="field">
          <label htmlFor="list-author">Author</label>
          <select id="list-author" name="author" defaultValue={query.author ?? ""}>
            <option value="">All authors</option>
            {options.authors.map((a) => (
              <option key={a.slug} value={a.slug}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {(options.languages.length > 1 || query.language) && (
        <div className="field">
          <label htmlFor="list-language">Language</label>
          <select id="list-language" name="language" defaultValue={query.language ?? ""}>
            <option value="">All languages</option>
            {options.languages.map((l) => (
              <option key={l} value={l}>
                {l.toUpperCase()}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor="list-sort">Sort by</label>
        <select id="list-sort" name="sort" defaultValue={isDefaultSort ? "" : sort}>
          <option value="">{query.q ? "Best match" : "Last updated"}</option>
          {sorts.map((s) => (
            <option key={s} value={s}>
              {SORT_LABEL[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="list-per">Per page</label>
        <select id="list-per" name="per" defaultValue={String(perPage)}>
          {ARTICLE_LIST_PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      {query.status && <input type="hidden" name="status" value={query.status} />}
      <div className="list-filters__actions">
        <button type="submit" className="button button--primary">
          Apply
        </button>
        <Link href="/admin/articles" className="button button--ghost">
          Clear filters
        </Link>
      </div>
    </Form>
  );
}
