import Link from "next/link";
import type { TypoReportStatus } from "@/lib/generated/prisma/enums";
import { type ReportQuery, reportListHref, STATUS_TAB_LABEL } from "../_lib/report-query";

const ORDER: TypoReportStatus[] = ["NEW", "ACCEPTED", "REJECTED", "DUPLICATE"];

/** "New 4 · Accepted 12 · Rejected 1 · Duplicate 2", keeping the story filter. */
export function ReportTabs({ query, counts }: { query: ReportQuery; counts: Record<TypoReportStatus, number> }) {
  return (
    <nav aria-label="Report status" className="status-tabs">
      <ul>
        {ORDER.map((status) => (
          <li key={status}>
            <Link href={reportListHref(query, { status })} aria-current={status === query.status ? "page" : undefined}>
              {STATUS_TAB_LABEL[status]} <span className="status-tabs__count">{counts[status].toLocaleString("en-US")}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
