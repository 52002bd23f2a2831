import { SEARCH_PATH } from "@/lib/urls";

/** A plain GET form: search works without JavaScript. */
export function SearchForm({ query = "", className, isMain = false }: { query?: string; className?: string; isMain?: boolean }) {
  const id = isMain ? "search-page-query" : "site-search-query";
  return (
    <search className={className}>
      <form action={SEARCH_PATH} method="get" className="search-form">
        <label htmlFor={id} className={isMain ? "search-form__label" : "visually-hidden"}>
          Search the news
        </label>
        <input id={id} name="q" type="search" defaultValue={query} maxLength={200} autoComplete="off" enterKeyHint="search" />
        <button type="submit">Search</button>
      </form>
    </search>
  );
}
