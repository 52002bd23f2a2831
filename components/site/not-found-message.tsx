import { SearchForm } from "./search-form";

/** The friendly 404: what happened and two ways on. */
export function NotFoundMessage() {
  return (
    <div className="not-found">
      <h1>Page not found</h1>
      <p>The story or page you were looking for does not exist or is no longer published.</p>
      <SearchForm isMain />
      <p>
        <a href="/">Go to the latest news</a>
      </p>
    </div>
  );
}
