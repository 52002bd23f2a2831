import Link from "next/link";
import type { ArticleListPage } from "@/lib/data/article-list";
import type { ArticleListQuery } from "@/lib/validations/article-list-query";
import { articleListHref } from "./list-url";

/** Previous/next page links carrying keyset cursors; absent at either end. */
export function ListPagination({ query, page }: { query: ArticleListQuery; page: ArticleListPage }) {
  if (!page.previousCursor && !page.nextCursor) return null;
  return (
    <nav aria-label="Pages" className="list-pagination">
      {page.previousCursor ? (
        <Link href={articleListHref(query, { before: page.previousCursor })} rel="prev">
          ← Previous page
        </Link>
      ) : (
        <span />
      )}
      {page.nextCursor && (
        <Link href={articleListHref(query, { after: page.nextCursor })} rel="next">
          Next page →
        </Link>
      )}
    </nav>
  );
}
