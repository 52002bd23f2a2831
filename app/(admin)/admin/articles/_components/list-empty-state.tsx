import Link from "next/link";
import { LIST_STATUS_LABEL } from "@/lib/article-status";
import type { ArticleListQuery } from "@/lib/validations/article-list-query";
import { hasListFilters } from "./list-url";

/** Says why the list is empty and offers the way out. */
export function ListEmptyState({ query, isOwnOnly }: { query: ArticleListQuery; isOwnOnly: boolean }) {
  if (hasListFilters(query)) {
    const what = query.q ? `No stories match “${query.q}”` : "No stories match these filters";
    const where = query.status ? ` among ${LIST_STATUS_LABEL[query.status].toLowerCase()} stories` : "";
    return (
      <div className="empty-state list-empty">
        <p>
          <strong>
            {what}
            {where}.
          </strong>
        </p>
        {query.q && <p className="muted">Try fewer or different words, or search every status and section.</p>}
        <p>
          <Link href="/admin/articles" className="button">
            Clear filters
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="empty-state list-empty">
      <p>
        <strong>{isOwnOnly ? "You have not written any stories yet." : "There are no stories yet."}</strong>
      </p>
      <p>
        <Link href="/admin/articles/new" className="button button--primary">
          Write the first one
        </Link>
      </p>
    </div>
  );
}
