import { withPage } from "@/lib/urls";

/** Newer/older links for a paged list; page 1 is the list's own address. */
export function Pagination({ basePath, page, hasNext, label }: { basePath: string; page: number; hasNext: boolean; label: string }) {
  if (page === 1 && !hasNext) return null;
  return (
    <nav aria-label={label} className="pagination">
      {page > 1 ? (
        <a href={withPage(basePath, page - 1)} rel="prev" className="pagination__link">
          ← Newer stories
        </a>
      ) : (
        <span />
      )}
      <span className="pagination__current" aria-current="page">
        Page {page}
      </span>
      {hasNext ? (
        <a href={withPage(basePath, page + 1)} rel="next" className="pagination__link">
          Older stories →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
