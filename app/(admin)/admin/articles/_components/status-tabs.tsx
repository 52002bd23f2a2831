import Link from "next/link";
import { LIST_STATUS_LABEL, LIST_STATUSES, type ListStatus } from "@/lib/article-status";
import type { ArticleStatusCounts } from "@/lib/data/article-list";
import type { ArticleListQuery } from "@/lib/validations/article-list-query";
import { articleListHref } from "./list-url";

const formatCount = (count: number, limit: number | null) =>
  limit !== null && count > limit ? `${limit.toLocaleString("en-US")}+` : count.toLocaleString("en-US");

/** "All 1,204 · Draft 12 · In review 3 …": each tab keeps the other filters. */
export function StatusTabs({ query, counts }: { query: ArticleListQuery; counts: ArticleStatusCounts }) {
  const isAtLeast = counts.limit !== null && LIST_STATUSES.some((s) => counts.byStatus[s] > (counts.limit ?? 0));
  const tabs: { status: ListStatus | undefined; label: string; count: string }[] = [
    { status: undefined, label: "All", count: `${counts.all.toLocaleString("en-US")}${isAtLeast ? "+" : ""}` },
    ...LIST_STATUSES.map((status) => ({ status, label: LIST_STATUS_LABEL[status], count: formatCount(counts.byStatus[status], counts.limit) })),
  ];
  return (
    <nav aria-label="Status" className="status-tabs">
      <ul>
        {tabs.map((tab) => {
          const isCurrent = tab.status === query.status;
          return (
            <li key={tab.label}>
              <Link href={articleListHref(query, { status: tab.status })} aria-current={isCurrent ? "page" : undefined}>
                {tab.label} <span className="status-tabs__count">{tab.count}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
