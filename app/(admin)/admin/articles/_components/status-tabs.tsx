import Link from "next/link";
import { LIST_STATUS_LABEL, LIST_STATUSES, type ListStatus } from "@/lib/article-status";
import type { ArticleStatusCounts } from "@/lib/data/article-list";
import { SEARCH_MATCH_LIMIT } from "@/lib/data/article-list-sql";
import type { ArticleListQuery } from "@/lib/validations/article-list-query";
import { articleListHref } from "./list-url";

/**
 * "All 1,204 · Draft 12 · In review 3 …": each tab keeps the other filters.
 * A search matching very many stories shows "All 500+" and no per-status
 * numbers (see countArticlesByStatus).
 */
export function StatusTabs({ query, counts }: { query: ArticleListQuery; counts: ArticleStatusCounts }) {
  const all = counts.byStatus ? counts.all.toLocaleString("en-US") : `${SEARCH_MATCH_LIMIT.toLocaleString("en-US")}+`;
  const tabs: { status: ListStatus | undefined; label: string; count: string | null }[] = [
    { status: undefined, label: "All", count: all },
    ...LIST_STATUSES.map((status) => ({
      status,
      label: LIST_STATUS_LABEL[status],
      count: counts.byStatus ? counts.byStatus[status].toLocaleString("en-US") : null,
    })),
  ];
  return (
    <nav aria-label="Status" className="status-tabs">
      <ul>
        {tabs.map((tab) => {
          const isCurrent = tab.status === query.status;
          return (
            <li key={tab.label}>
              <Link href={articleListHref(query, { status: tab.status })} aria-current={isCurrent ? "page" : undefined}>
                {tab.label}
                {tab.count !== null && (
                  <>
                    {" "}
                    <span className="status-tabs__count">{tab.count}</span>
                  </>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
